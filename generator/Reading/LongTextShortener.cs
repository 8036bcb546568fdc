using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading.Yaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading;

/// <summary>
/// The reader refuses any YAML (and JSON) scalar longer than <see cref="Limits.MaxScalarLength"/>, which would cost a
/// document its whole client for one long value. Such scalars are handled on the YAML tree instead, by what the generated
/// code makes of them:
/// <list type="bullet">
/// <item>prose (<c>description</c>, <c>summary</c>, <c>title</c>) is shortened to the limit, with CTR106 each;</item>
/// <item>examples and <c>x-</c> extensions, which the code never depends on, are left out (the outermost <c>example</c>,
/// <c>examples</c> or extension member that holds one), with one CTR129 for the document at the first;</item>
/// <item>anything else (a name, an enum value, a pattern, a default) is left out with CTR130 at that value, and the rest
/// of the document is generated.</item>
/// </list>
/// Only documents the reader refused take this path.
/// </summary>
internal static class LongTextShortener
{
    private static readonly HashSet<string> s_proseKeys = new(StringComparer.Ordinal) { "description", "summary", "title" };

    /// <summary>The rewritten text, or null when no scalar was too long (the reader's error then stands).</summary>
    public static string? Shorten(string text, DiagnosticBag diagnostics)
    {
        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
            {
                return null;
            }

            root = stream.Documents[0].RootNode;
        }
        catch (Exception exception) when (exception is SharpYaml.YamlException or ArgumentException or InvalidOperationException)
        {
            return null;
        }

        var walk = new Walk(diagnostics);
        walk.Run(root);
        if (walk.Changes == 0)
        {
            return null;
        }

        // The same alias budget as the 3.1 rewrite: written out in full, aliases stay linear in the input.
        var budget = 2L * text.Length + 10_000;
        return FlowYamlWriter.Write(root, text.Length, ref budget, FlowYamlWriter.MaxDepth);
    }

    private static bool IsLong(string? value) => value is { Length: > Limits.MaxScalarLength };

    private static string LastSegment(string pointer) =>
        pointer.Substring(pointer.LastIndexOf('/') + 1).Replace("~1", "/").Replace("~0", "~");

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An example or extension member: the mapping that holds it, its key, its pointer and where its key starts in the text.</summary>
    private sealed record DataMember(YamlMappingNode Owner, string Key, string Pointer, long Position);

    private sealed class Walk
    {
        private readonly DiagnosticBag _diagnostics;
        private readonly HashSet<YamlNode> _visited = new(NodeIdentity.Instance);
        private readonly List<DataMember> _dataToDrop = new();
        private readonly HashSet<(YamlMappingNode, string)> _dataSeen = new();

        public Walk(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

        public int Changes { get; private set; }

        public void Run(YamlNode root)
        {
            // Iterative: documents can nest deeply, and the compiler's stack must not overflow.
            var pending = new Stack<(YamlNode Node, string Pointer, DataMember? Data, bool KeysAreNames)>();
            pending.Push((root, JsonPointer.Root, null, false));
            while (pending.Count > 0)
            {
                var (node, pointer, data, keysAreNames) = pending.Pop();
                if (!_visited.Add(node))
                {
                    continue;
                }

                if (node is YamlMappingNode mapping)
                {
                    foreach (var entry in new List<KeyValuePair<YamlNode, YamlNode>>(mapping.Children))
                    {
                        var key = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                        var child = JsonPointer.Append(pointer, key);
                        var isData = data is null && !keysAreNames && (key is "example" or "examples" || key.StartsWith("x-", StringComparison.Ordinal));
                        var member = data ?? (isData ? new DataMember(mapping, key, child, entry.Key.Start.Index) : null);
                        if (IsLong(key))
                        {
                            Drop(member, child, key.Length, () => Remove(mapping, entry.Key), "name");
                        }
                        else if (entry.Value is YamlScalarNode { Value: { } value } scalar && IsLong(value))
                        {
                            if (member is null && !keysAreNames && s_proseKeys.Contains(key))
                            {
                                scalar.Value = value.Substring(0, Limits.MaxScalarLength - 1) + "…";
                                _diagnostics.Add(DiagnosticDescriptors.TextShortened, child, key, Count(value.Length), Count(Limits.MaxScalarLength));
                                Changes++;
                            }
                            else
                            {
                                Drop(member, child, value.Length, () => Remove(mapping, entry.Key), "'" + key + "' value");
                            }
                        }
                        else
                        {
                            // Under "properties" the keys are property names, never the example or extension keywords.
                            pending.Push((entry.Value, child, member, member is null && key == "properties"));
                        }
                    }
                }
                else if (node is YamlSequenceNode sequence)
                {
                    var removed = 0;
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        var itemPointer = JsonPointer.Append(pointer, i + removed);
                        if (sequence.Children[i] is YamlScalarNode { Value: { } value } && IsLong(value))
                        {
                            var at = i;
                            Drop(data, itemPointer, value.Length, () => sequence.Children.RemoveAt(at), "'" + LastSegment(pointer) + "' item");
                            if (data is null)
                            {
                                // The items after it move up: diagnostics about them are located where the file has them.
                                removed++;
                                i--;
                            }

                            continue;
                        }

                        if (removed > 0)
                        {
                            _diagnostics.MapPointer(JsonPointer.Append(pointer, i), itemPointer);
                        }

                        pending.Push((sequence.Children[i], itemPointer, data, false));
                    }
                }
            }

            foreach (var member in _dataToDrop)
            {
                Remove(member.Owner, member.Key);
            }

            if (_dataToDrop.Count > 0)
            {
                // One diagnostic for the document, at the first member in the file.
                var first = _dataToDrop[0];
                foreach (var member in _dataToDrop)
                {
                    first = member.Position < first.Position ? member : first;
                }

                _diagnostics.Add(DiagnosticDescriptors.LongDataLeftOut, first.Pointer, Count(_dataToDrop.Count), Count(Limits.MaxScalarLength), first.Pointer);
                Changes++;
            }
        }

        /// <summary>Inside an example or extension, that member goes (once, after the walk); elsewhere the value goes now, with CTR130.</summary>
        private void Drop(DataMember? member, string pointer, int length, Action remove, string what)
        {
            if (member is not null)
            {
                if (_dataSeen.Add((member.Owner, member.Key)))
                {
                    _dataToDrop.Add(member);
                }

                return;
            }

            remove();
            _diagnostics.Add(DiagnosticDescriptors.LongValueLeftOut, pointer, what, Count(length), Count(Limits.MaxScalarLength));
            Changes++;
        }

        private static void Remove(YamlMappingNode mapping, YamlNode key) => mapping.Take((key as YamlScalarNode)?.Value ?? string.Empty);

        private static void Remove(YamlMappingNode mapping, string key) => mapping.Take(key);
    }
}
