using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Yaml;

/// <summary>
/// The YAML tree as the <see cref="JsonNode"/> Microsoft.OpenApi reads, in one walk that also checks
/// <see cref="Limits"/>, for the document almost every description is: no anchor anywhere, so no node is shared. The
/// library's <see cref="YamlConverter"/> gives the same nodes, but it keeps every node it converted in a table and every
/// node on its path in a set (to copy aliases and refuse cycles), and the limits walk before it keeps a set of every node
/// seen (to count an alias once): three hash operations per node that a tree without anchors does not need, a fifth of
/// the read on GitHub's description.
/// Anything else returns null and the caller takes the library's path, which reports it as before: an anchor, a limit
/// crossed, a key that is not a scalar or comes twice, a tree deeper than the converter allows.
/// </summary>
internal static class TreeToJson
{
    private static readonly JsonValue s_null = JsonNullSentinel.JsonNull;

    /// <summary>The document's nodes, or null when the library's path must convert it (see the type).</summary>
    public static JsonNode? TryConvert(YamlNode root) => new Walk().Node(root, 0);

    private sealed class Walk
    {
        private long _nodes;

        public JsonNode? Node(YamlNode node, uint depth)
        {
            // The converter refuses depth 64 (YamlConverter.MaxDepth, counted from the root at 0).
            if (!Counted(node) || depth >= YamlConverter.MaxDepth)
            {
                return null;
            }

            switch (node)
            {
                case YamlScalarNode scalar:
                    return Value(scalar);
                case YamlMappingNode mapping:
                    var json = new JsonObject();
                    foreach (var entry in mapping.Children)
                    {
                        if (entry.Key is not YamlScalarNode { Value: { } key } keyNode || !Counted(keyNode) || json.ContainsKey(key)
                            || Node(entry.Value, depth + 1) is not { } value)
                        {
                            return null;
                        }

                        json.Add(key, value);
                    }

                    return json;
                case YamlSequenceNode sequence:
                    var array = new JsonArray();
                    foreach (var item in sequence.Children)
                    {
                        if (Node(item, depth + 1) is not { } value)
                        {
                            return null;
                        }

                        array.Add(value);
                    }

                    return array;
                default:
                    return null;
            }
        }

        /// <summary>Counts the node against the limits: false for an anchor, a node past the count, a scalar past the length.</summary>
        private bool Counted(YamlNode node) =>
            string.IsNullOrEmpty(node.Anchor)
            && ++_nodes <= Limits.MaxYamlNodes
            && node is not YamlScalarNode { Value.Length: > Limits.MaxScalarLength };
    }

    /// <summary>A scalar as the converter types it: a plain one may be a number, a boolean or null, any other is a string.</summary>
    private static JsonValue? Value(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        switch (scalar.Style)
        {
            case ScalarStyle.Plain:
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return JsonValue.Create(number);
                }

                if (bool.TryParse(text, out var boolean))
                {
                    return JsonValue.Create(boolean);
                }

                return text is "~" or "null" or "Null" or "NULL" ? (JsonValue)s_null.DeepClone() : JsonValue.Create(text);
            case ScalarStyle.Any or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded:
                return JsonValue.Create(text);
            default:
                return null;
        }
    }
}
