using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading.Yaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading;

/// <summary>
/// Microsoft.OpenApi's Swagger 2.0 reader makes <c>formData</c> and <c>body</c> parameters an operation's body reliably only
/// where they are written inline in the operation: a <c>$ref</c> to a form parameter defined under the document's
/// <c>parameters</c> does not resolve (CTR004, and a null among the operation's parameters), a <c>$ref</c> to a body
/// parameter takes the media type of whichever operation declared <c>consumes</c> before it, and a form parameter declared
/// on the path item is dropped without a word. This rewrite, on the YAML tree before the reader sees the text, puts every
/// such parameter where the reader reads it: references are replaced by their definitions, and the path item's form parameters are copied into each of its
/// operations that does not declare one of the same name. The shared form definitions are then removed: the reader would
/// otherwise add them to the next operation it reads. Diagnostics about a moved parameter are located where the
/// file declares it. Documents without such a form parameter are read as they are.
/// </summary>
internal static class SwaggerFormParameters
{
    private const string FormData = "formData";
    private const string Body = "body";

    /// <summary>The text with form parameters moved into their operations, or the same instance when nothing moved.</summary>
    public static string Inline(string text, DiagnosticBag diagnostics)
    {
        // A cheap gate first: only 2.0 text with a form parameter or a shared parameter can need this.
        if (text.IndexOf("swagger", StringComparison.Ordinal) < 0
            || (text.IndexOf(FormData, StringComparison.Ordinal) < 0 && text.IndexOf("#/parameters/", StringComparison.Ordinal) < 0))
        {
            return text;
        }

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping
                || mapping.GetScalar("swagger") is not { } version || !version.StartsWith("2", StringComparison.Ordinal)
                || mapping.Get("paths") is not YamlMappingNode)
            {
                return text;
            }

            root = mapping;
        }
        catch (Exception exception) when (exception is SharpYaml.YamlException or ArgumentException or InvalidOperationException)
        {
            // The reader reports the YAML error with its own position.
            return text;
        }

        var rewrite = new Rewrite(SharedForms(root), diagnostics);
        var pathsPointer = JsonPointer.Append(JsonPointer.Root, "paths");
        foreach (var path in ((YamlMappingNode)root.Get("paths")!).Entries())
        {
            if (path.Value is YamlMappingNode pathItem)
            {
                rewrite.PathItem(pathItem, JsonPointer.Append(pathsPointer, path.Key));
            }
        }

        // The reader loads a shared form parameter into the form body of whichever operation it reads next (its form
        // parameters are kept beside the parsing, not in the parameter), so the definitions leave the document: every use is inline now.
        var removed = RemoveSharedForms(root);
        if (rewrite.Moved == 0 && removed == 0)
        {
            return text;
        }

        // The same alias budget as the 3.1 rewrite: written out in full, aliases stay linear in the input.
        var budget = 2L * text.Length + 10_000;
        return FlowYamlWriter.Write(root, text.Length, ref budget, FlowYamlWriter.MaxDepth) ?? text;
    }

    /// <summary>The shared parameters declared <c>in: formData</c> or <c>in: body</c>, keyed by the <c>$ref</c> that names each.</summary>
    private static Dictionary<string, YamlMappingNode> SharedForms(YamlMappingNode root)
    {
        var forms = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        if (root.Get("parameters") is YamlMappingNode shared)
        {
            var sharedPointer = JsonPointer.Append(JsonPointer.Root, "parameters");
            foreach (var entry in shared.Entries())
            {
                if (entry.Value is YamlMappingNode definition && definition.GetScalar("in") is FormData or Body)
                {
                    forms[JsonPointer.Append(sharedPointer, entry.Key)] = definition;
                }
            }
        }

        return forms;
    }

    private static int RemoveSharedForms(YamlMappingNode root)
    {
        if (root.Get("parameters") is not YamlMappingNode shared)
        {
            return 0;
        }

        var removed = 0;
        foreach (var entry in shared.Entries())
        {
            if (entry.Value is YamlMappingNode definition && definition.GetScalar("in") == FormData)
            {
                shared.Take(entry.Key);
                removed++;
            }
        }

        return removed;
    }

    private sealed class Rewrite
    {
        private static readonly HashSet<string> s_operations = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch" };

        private readonly Dictionary<string, YamlMappingNode> _shared;
        private readonly DiagnosticBag _diagnostics;

        public Rewrite(Dictionary<string, YamlMappingNode> shared, DiagnosticBag diagnostics)
        {
            _shared = shared;
            _diagnostics = diagnostics;
        }

        public int Moved { get; private set; }

        public void PathItem(YamlMappingNode pathItem, string pointer)
        {
            // The path item's own form parameters (inline or referenced) leave it: the reader drops them there, or adds
            // them to the next operation it reads. The entries after them move up, and their pointers map back to the file.
            var pathForms = new List<(YamlMappingNode Definition, string DeclaredAt)>();
            if (pathItem.Get("parameters") is YamlSequenceNode pathParameters)
            {
                var listPointer = JsonPointer.Append(pointer, "parameters");
                var kept = new List<YamlNode>(pathParameters.Children.Count);
                for (var i = 0; i < pathParameters.Children.Count; i++)
                {
                    if (Inlined(pathParameters.Children[i], JsonPointer.Append(listPointer, i)) is { } form && form.Definition.GetScalar("in") == FormData)
                    {
                        pathForms.Add(form);
                        continue;
                    }

                    if (kept.Count != i)
                    {
                        _diagnostics.MapPointer(JsonPointer.Append(listPointer, kept.Count), JsonPointer.Append(listPointer, i));
                    }

                    kept.Add(pathParameters.Children[i]);
                }

                if (pathForms.Count > 0)
                {
                    pathParameters.Children.Clear();
                    foreach (var node in kept)
                    {
                        pathParameters.Children.Add(node);
                    }

                    Moved += pathForms.Count;
                }
            }

            foreach (var member in pathItem.Entries())
            {
                if (member.Value is YamlMappingNode operation && s_operations.Contains(member.Key))
                {
                    Operation(operation, JsonPointer.Append(pointer, member.Key), pathForms);
                }
            }
        }

        private void Operation(YamlMappingNode operation, string pointer, List<(YamlMappingNode Definition, string DeclaredAt)> pathForms)
        {
            var listPointer = JsonPointer.Append(pointer, "parameters");
            var parameters = operation.Get("parameters") as YamlSequenceNode;
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (parameters is not null)
            {
                for (var i = 0; i < parameters.Children.Count; i++)
                {
                    var itemPointer = JsonPointer.Append(listPointer, i);
                    if (Inlined(parameters.Children[i], itemPointer) is { } form)
                    {
                        if (!ReferenceEquals(form.Definition, parameters.Children[i]))
                        {
                            parameters.Children[i] = form.Definition;
                            _diagnostics.MapPointer(itemPointer, form.DeclaredAt);
                            Moved++;
                        }

                        if (form.Definition.GetScalar("in") == FormData)
                        {
                            names.Add(form.Definition.GetScalar("name") ?? string.Empty);
                        }
                    }
                }
            }

            foreach (var (definition, declaredAt) in pathForms)
            {
                // An operation's own parameter of the same name and location overrides the path item's.
                if (names.Contains(definition.GetScalar("name") ?? string.Empty))
                {
                    continue;
                }

                if (parameters is null)
                {
                    parameters = new YamlSequenceNode();
                    operation.Set("parameters", parameters);
                }

                _diagnostics.MapPointer(JsonPointer.Append(listPointer, parameters.Children.Count), declaredAt);
                parameters.Children.Add(definition);
            }
        }

        /// <summary>
        /// The form or body parameter <paramref name="node"/> declares (inline, or by a reference to a shared one) and where
        /// the file declares it; null for any other parameter. Members beside a 2.0 <c>$ref</c> are ignored, as the reader ignores them.
        /// </summary>
        private (YamlMappingNode Definition, string DeclaredAt)? Inlined(YamlNode? node, string pointer)
        {
            if (node is not YamlMappingNode mapping)
            {
                return null;
            }

            if (mapping.GetScalar("$ref") is { } reference)
            {
                var target = reference.Trim();
                return _shared.TryGetValue(target, out var shared) ? (shared, target) : null;
            }

            return mapping.GetScalar("in") is FormData or Body ? (mapping, pointer) : null;
        }
    }
}
