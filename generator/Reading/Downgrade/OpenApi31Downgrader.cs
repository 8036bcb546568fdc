using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Downgrade;

/// <summary>
/// Rewrites an OpenAPI 3.1 document into the OpenAPI 3.0 the reader understands, on the YAML node tree (JSON is
/// YAML too), before the reader sees it. Every construct that 3.0 cannot say is dropped with a CTR105 warning located
/// in the original file: the walk keeps the original JSON pointers, and hoisted <c>$defs</c> map back to theirs.
/// Partial by concern: <c>.Schemas.cs</c> walks schemas, <c>.Keywords.cs</c> rewrites one schema's keywords.
/// </summary>
internal sealed partial class OpenApi31Downgrader
{
    /// <summary>Deeper than this (reachable only through YAML aliases; the YAML parser stops at 64) the document is refused.</summary>
    internal const int MaxDepth = 256;

    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<YamlNode> _visited = new(NodeIdentity.Instance);
    private readonly DefinitionHoister _definitions;
    private string? _tooDeepAt;

    // Shared by every comparison of tuple item shapes, so that aliases cannot make the comparisons quadratic.
    private long _shapeBudget;

    private OpenApi31Downgrader(DiagnosticBag diagnostics, DefinitionHoister definitions, long shapeBudget)
    {
        _diagnostics = diagnostics;
        _definitions = definitions;
        _shapeBudget = shapeBudget;
    }

    /// <summary>
    /// Returns the text unchanged when it is not an OpenAPI 3.1 document (or not YAML: the reader reports that with
    /// its own positions), the rewritten 3.0 text, or null when the document cannot be read at all.
    /// </summary>
    public static string? Downgrade(string text, DiagnosticBag diagnostics)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping
                || mapping.GetScalar("openapi") is not { } version || !version.StartsWith("3.1", StringComparison.Ordinal))
            {
                return text;
            }

            root = mapping;
        }
        catch (Exception exception) when (exception is SharpYaml.YamlException or ArgumentException or InvalidOperationException)
        {
            return text;
        }

        // Aliases are written out in full: budgets in nodes keep an alias bomb linear in the input size.
        var limit = 2L * text.Length + 10_000;
        var downgrader = new OpenApi31Downgrader(diagnostics, new DefinitionHoister(ComponentNames(root)), limit);
        downgrader.RewriteDocument(root);
        if (downgrader._tooDeepAt is { } pointer)
        {
            diagnostics.Add(DiagnosticDescriptors.SyntaxError, pointer, "its schemas nest more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
            return null;
        }

        foreach (var move in downgrader._definitions.Moves)
        {
            diagnostics.MapPointer("#/components/schemas/" + move.Value, move.Key);
        }

        var budget = limit;
        var rewritten = FlowYamlWriter.Write(root, text.Length, ref budget, MaxDepth);
        if (rewritten is null)
        {
            diagnostics.AddAt(DiagnosticDescriptors.SyntaxError, 0, 0, "its YAML aliases expand to more than " + limit.ToString(CultureInfo.InvariantCulture) + " nodes or more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
        }

        return rewritten;
    }

    private void RewriteDocument(YamlMappingNode root)
    {
        root.Set("openapi", YamlTree.Plain("3.0.3"));
        root.Take("jsonSchemaDialect");
        if (root.Take("webhooks") is not null)
        {
            Warn(JsonPointer.Root, "webhooks", "webhooks", "webhooks are not generated");
        }

        if (root.Get("info") is YamlMappingNode info)
        {
            info.Take("summary");
            (info.Get("license") as YamlMappingNode)?.Take("identifier");
        }

        if (root.Get("components") is YamlMappingNode components)
        {
            RewriteComponents(components, JsonPointer.Append(JsonPointer.Root, "components"));
        }

        if (root.Get("paths") is { } paths)
        {
            WalkNonSchema(paths, JsonPointer.Append(JsonPointer.Root, "paths"), 1);
        }
        else
        {
            // Optional in 3.1 (a document of components or webhooks only), required in 3.0.
            root.Set("paths", new YamlMappingNode());
        }

        // "#/$defs/X" references point at definitions held by the document root.
        if (root.Take("$defs") is YamlMappingNode definitions)
        {
            HoistDefinitions(definitions, JsonPointer.Append(JsonPointer.Root, "$defs"), owner: null, 1);
        }

        _definitions.Complete(root);
    }

    private void RewriteComponents(YamlMappingNode components, string pointer)
    {
        foreach (var entry in components.Entries())
        {
            var entryPointer = JsonPointer.Append(pointer, entry.Key);
            switch (entry.Key)
            {
                case "schemas" when entry.Value is YamlMappingNode schemas:
                    foreach (var schema in schemas.Entries())
                    {
                        WalkSchema(schema.Value, JsonPointer.Append(entryPointer, schema.Key), schema.Key, 2);
                    }

                    break;
                case "pathItems":
                    components.Take("pathItems");
                    Warn(pointer, "pathItems", "components/pathItems", "reusable path items are not generated");
                    break;
                default:
                    WalkNonSchema(entry.Value, entryPointer, 2);
                    break;
            }
        }
    }

    /// <summary>Walks the parts of the document around schemas (paths, parameters, responses…) to find the schemas.</summary>
    private void WalkNonSchema(YamlNode node, string pointer, int depth)
    {
        if (!Enter(node, pointer, depth))
        {
            return;
        }

        if (node is YamlSequenceNode sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                WalkNonSchema(sequence.Children[i], JsonPointer.Append(pointer, i), depth + 1);
            }

            return;
        }

        if (node is not YamlMappingNode mapping)
        {
            return;
        }

        foreach (var entry in mapping.Entries())
        {
            var entryPointer = JsonPointer.Append(pointer, entry.Key);
            if (entry.Key == "schema")
            {
                WalkSchema(entry.Value, entryPointer, owner: null, depth + 1);
            }
            else if (!IsLiteralData(entry.Key))
            {
                WalkNonSchema(entry.Value, entryPointer, depth + 1);
            }
        }
    }

    /// <summary>Members whose values are example data or extensions, never OpenAPI structure.</summary>
    private static bool IsLiteralData(string key) =>
        key is "example" or "examples" or "default" or "enum" or "const" || key.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>False when the node was already rewritten (a YAML alias) or is too deep; the latter is recorded.</summary>
    private bool Enter(YamlNode node, string pointer, int depth)
    {
        if (depth > MaxDepth)
        {
            _tooDeepAt ??= pointer;
            return false;
        }

        return node is YamlScalarNode || _visited.Add(node);
    }

    private void Warn(string pointer, string key, string construct, string consequence) =>
        _diagnostics.Add(DiagnosticDescriptors.OpenApi31Unsupported, JsonPointer.Append(pointer, key), construct, consequence);

    private static IEnumerable<string> ComponentNames(YamlMappingNode root)
    {
        if ((root.Get("components") as YamlMappingNode)?.Get("schemas") is YamlMappingNode schemas)
        {
            foreach (var entry in schemas.Entries())
            {
                yield return entry.Key;
            }
        }
    }
}
