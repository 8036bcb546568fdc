using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading.Downgrade;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading;

/// <summary>
/// The reader refuses any YAML scalar longer than <see cref="Limits.MaxScalarLength"/>, which would cost a document
/// its whole client for one long description. Prose members (<c>description</c>, <c>summary</c>, <c>title</c>) are
/// shortened to the limit on the YAML tree instead, with CTR106; a long scalar anywhere else still fails the read.
/// Only documents the reader refused take this path.
/// </summary>
internal static class LongTextShortener
{
    private static readonly HashSet<string> s_proseKeys = new(StringComparer.Ordinal) { "description", "summary", "title" };

    /// <summary>The rewritten text, or null when no prose member was too long (the reader's error then stands).</summary>
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

        var shortened = 0;
        var visited = new HashSet<YamlNode>(NodeIdentity.Instance);
        var pending = new Stack<(YamlNode Node, string Pointer)>();
        pending.Push((root, JsonPointer.Root));
        while (pending.Count > 0)
        {
            var (node, pointer) = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            if (node is YamlMappingNode mapping)
            {
                foreach (var entry in mapping.Children)
                {
                    var key = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                    var child = JsonPointer.Append(pointer, key);
                    if (entry.Value is YamlScalarNode { Value: { Length: > Limits.MaxScalarLength } value } scalar && s_proseKeys.Contains(key))
                    {
                        scalar.Value = value.Substring(0, Limits.MaxScalarLength - 1) + "…";
                        diagnostics.Add(DiagnosticDescriptors.TextShortened, child, key, value.Length.ToString("N0", CultureInfo.InvariantCulture),
                            Limits.MaxScalarLength.ToString("N0", CultureInfo.InvariantCulture));
                        shortened++;
                    }
                    else
                    {
                        pending.Push((entry.Value, child));
                    }
                }
            }
            else if (node is YamlSequenceNode sequence)
            {
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    pending.Push((sequence.Children[i], JsonPointer.Append(pointer, i.ToString(CultureInfo.InvariantCulture))));
                }
            }
        }

        if (shortened == 0)
        {
            return null;
        }

        // The same alias budget as the 3.1 rewrite: written out in full, aliases stay linear in the input.
        var budget = 2L * text.Length + 10_000;
        return FlowYamlWriter.Write(root, text.Length, ref budget, OpenApi31Downgrader.MaxDepth);
    }
}
