using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading.Yaml;

namespace Contracts.Generator.Reading;

/// <summary>
/// The OpenAPI 3.1 constructs that translation does not read from the model, given the form it reads on the
/// <see cref="JsonNode"/> the reader reads as 3.1 (<see cref="OpenApiTextReader"/>): the text is parsed once and never
/// written back, and the YAML tree keeps the file's positions. What the model says as 3.0 did (<c>type: [T, 'null']</c>
/// as the <c>Null</c> flag, numeric exclusive bounds, <c>examples</c>) is left to the reader. Every construct the model cannot say is left out with a CTR105
/// warning at its place in the file; <c>$defs</c> become components (<see cref="DefinitionHoister"/>), whose pointers map
/// back to where the file has them. Partial by concern: <c>.Keywords.cs</c> rewrites one schema's keywords.
/// </summary>
internal sealed partial class OpenApi31Schemas
{
    private readonly DiagnosticBag _diagnostics;
    private readonly DocumentFacts? _facts;
    private readonly DefinitionHoister _definitions;
    private readonly List<(string At, string Schema, string Message)> _unknown = new();

    private OpenApi31Schemas(DiagnosticBag diagnostics, DocumentFacts? facts, DefinitionHoister definitions)
    {
        _diagnostics = diagnostics;
        _facts = facts;
        _definitions = definitions;
    }

    /// <summary>True when the document's <c>openapi</c> member says 3.1.</summary>
    public static bool IsOpenApi31(JsonNode json) =>
        json is JsonObject root && JsonTree.ScalarText(root.Get("openapi")) is { } version && version.StartsWith("3.1", StringComparison.Ordinal);

    /// <summary>
    /// Rewrites a 3.1 document's schemas in place into the form translation reads. The walk recurses: the reader's
    /// limits have bounded the tree's depth (64 levels, aliases included: <see cref="Limits.MaxYamlDepth"/>).
    /// </summary>
    /// <param name="facts">Told where the hoisted definitions and merged members are in the file, to answer for them.</param>
    public static void Rewrite(JsonObject root, DiagnosticBag diagnostics, DocumentFacts? facts)
    {
        var rewriter = new OpenApi31Schemas(diagnostics, facts, new DefinitionHoister(ComponentNames(root)));
        rewriter.RewriteDocument(root);
        foreach (var (at, schema, message) in rewriter._unknown)
        {
            diagnostics.Add(DiagnosticDescriptors.DocumentProblem, at, schema, message);
        }

        foreach (var move in rewriter._definitions.Moves)
        {
            diagnostics.MapPointer("#/components/schemas/" + move.Value, move.Key);
            facts?.MapPointer("#/components/schemas/" + move.Value, move.Key);
        }
    }

    private void RewriteDocument(JsonObject root)
    {
        // The reader reads the document as 3.1 (jsonSchemaDialect, info's summary, the license's identifier and optional
        // paths included); webhooks are read but not generated.
        if (root.Take("webhooks") is not null)
        {
            Warn(JsonPointer.Root, "webhooks", "webhooks", "webhooks are not generated");
        }

        if (root.Get("components") is JsonObject components)
        {
            RewriteComponents(components, JsonPointer.Append(JsonPointer.Root, "components"));
        }

        if (root.Get("paths") is { } paths)
        {
            WalkNonSchema(paths, JsonPointer.Append(JsonPointer.Root, "paths"));
        }

        // "#/$defs/X" references point at definitions held by the document root.
        if (root.Take("$defs") is JsonObject definitions)
        {
            HoistDefinitions(definitions, JsonPointer.Append(JsonPointer.Root, "$defs"), owner: null);
        }

        _definitions.Complete(root);
    }

    private void RewriteComponents(JsonObject components, string pointer)
    {
        foreach (var entry in components.Entries())
        {
            var entryPointer = JsonPointer.Append(pointer, entry.Key);
            switch (entry.Key)
            {
                case "schemas" when entry.Value is JsonObject schemas:
                    foreach (var schema in schemas.Entries())
                    {
                        WalkSchema(schema.Value, JsonPointer.Append(entryPointer, schema.Key), schema.Key);
                    }

                    break;
                case "pathItems":
                    components.Take("pathItems");
                    Warn(pointer, "pathItems", "components/pathItems", "reusable path items are not generated");
                    break;
                default:
                    WalkNonSchema(entry.Value, entryPointer);
                    break;
            }
        }
    }

    /// <summary>Walks the parts of the document around schemas (paths, parameters, responses…) to find the schemas.</summary>
    private void WalkNonSchema(JsonNode? node, string pointer)
    {
        if (node is JsonArray sequence)
        {
            for (var i = 0; i < sequence.Count; i++)
            {
                WalkNonSchema(sequence[i], JsonPointer.Append(pointer, i));
            }

            return;
        }

        if (node is not JsonObject mapping)
        {
            return;
        }

        foreach (var entry in mapping.Entries())
        {
            var entryPointer = JsonPointer.Append(pointer, entry.Key);
            if (entry.Key == "schema")
            {
                WalkSchema(entry.Value, entryPointer, owner: null);
            }
            else if (!IsLiteralData(entry.Key))
            {
                WalkNonSchema(entry.Value, entryPointer);
            }
        }
    }

    /// <summary>
    /// Rewrites a schema and everything under it. Subschemas go first, while their pointers are still the original
    /// ones; then the schema's own keywords, which may move subschemas (into oneOf branches, allOf wrappers).
    /// </summary>
    /// <param name="owner">The component name the schema's <c>$defs</c> are named after; null for inline schemas.</param>
    private void WalkSchema(JsonNode? node, string pointer, string? owner)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        ReportUnknown(schema, pointer);

        if (schema.Take("$defs") is JsonObject definitions)
        {
            HoistDefinitions(definitions, JsonPointer.Append(pointer, "$defs"), owner);
        }

        foreach (var entry in schema.Entries())
        {
            var entryPointer = JsonPointer.Append(pointer, entry.Key);
            switch (entry.Key)
            {
                case "properties" when entry.Value is JsonObject properties:
                    foreach (var property in properties.Entries())
                    {
                        WalkSchema(property.Value, JsonPointer.Append(entryPointer, property.Key), null);
                    }

                    break;
                case "items" or "additionalProperties" or "not":
                    WalkSchema(entry.Value, entryPointer, null);
                    break;
                case "allOf" or "anyOf" or "oneOf" or "prefixItems" when entry.Value is JsonArray members:
                    for (var i = 0; i < members.Count; i++)
                    {
                        WalkSchema(members[i], JsonPointer.Append(entryPointer, i), null);
                    }

                    break;
            }
        }

        RewriteKeywords(schema, pointer);
    }

    private void HoistDefinitions(JsonObject definitions, string pointer, string? owner)
    {
        // Taken off their old holder, so that components can hold them.
        var entries = definitions.Entries();
        definitions.Clear();
        foreach (var entry in entries)
        {
            var entryPointer = JsonPointer.Append(pointer, entry.Key);
            var name = _definitions.Hoist(entryPointer, owner, entry.Key, entry.Value);
            WalkSchema(entry.Value, entryPointer, name);
        }
    }

    /// <summary>Members whose values are example data or extensions, never OpenAPI structure.</summary>
    private static bool IsLiteralData(string key) =>
        key is "example" or "examples" or "default" or "enum" or "const" || key.StartsWith("x-", StringComparison.Ordinal);

    private void Warn(string pointer, string key, string construct, string consequence) =>
        _diagnostics.Add(DiagnosticDescriptors.OpenApi31Unsupported, JsonPointer.Append(pointer, key), construct, consequence);

    private static IEnumerable<string> ComponentNames(JsonObject root)
    {
        if ((root.Get("components") as JsonObject)?.Get("schemas") is JsonObject schemas)
        {
            foreach (var entry in schemas)
            {
                yield return entry.Key;
            }
        }
    }
}

/// <summary>Small helpers over the reader's <see cref="JsonNode"/> tree: keyed access that moves nodes between parents.</summary>
internal static class JsonTree
{
    public static JsonNode? Get(this JsonObject mapping, string key) => mapping.TryGetPropertyValue(key, out var value) ? value : null;

    /// <summary>Removes <paramref name="key"/> and returns its value (without a parent), or null when it is absent.</summary>
    public static JsonNode? Take(this JsonObject mapping, string key)
    {
        if (!mapping.TryGetPropertyValue(key, out var value))
        {
            return null;
        }

        mapping.Remove(key);
        return value;
    }

    /// <summary>Sets <paramref name="key"/>, replacing any value it had.</summary>
    public static void Set(this JsonObject mapping, string key, JsonNode? value)
    {
        mapping.Remove(key);
        mapping[key] = value;
    }

    /// <summary>A copy of the entries, so that the mapping can change while they are visited.</summary>
    public static List<KeyValuePair<string, JsonNode?>> Entries(this JsonObject mapping) => new(mapping);

    /// <summary>The items, taken off the list, so that another list or mapping can hold them.</summary>
    public static List<JsonNode?> Detach(this JsonArray sequence)
    {
        var items = new List<JsonNode?>(sequence);
        sequence.Clear();
        return items;
    }

    public static JsonArray Array(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    public static JsonObject Mapping(string key, JsonNode? value) => new() { [key] = value };

    /// <summary>A scalar as YAML wrote it (<c>5</c>, <c>true</c>, <c>dog</c>); null for a mapping, a list or null.</summary>
    public static string? ScalarText(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;
}
