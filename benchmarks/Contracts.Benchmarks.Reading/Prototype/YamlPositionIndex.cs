using System;
using System.Collections.Generic;
using SharpYaml.Serialization;

namespace Contracts.Benchmarks.Reading.Prototype;

/// <summary>
/// Positions from the YAML tree the reader's JSON nodes were converted from: the same parse serves both, as
/// <c>ReaderWithTree</c> serves 1.6 today, without reflection (3.x makes <c>YamlConverter.ToJsonNode</c> public).
/// Large mappings are indexed once, as the generator's locator does.
/// </summary>
internal sealed class YamlPositionIndex : IPositionIndex
{
    private readonly YamlNode _root;
    // By identity: SharpYaml's nodes compare by content, which would hash a whole mapping on every lookup.
    private readonly Dictionary<YamlMappingNode, Dictionary<string, KeyValuePair<YamlNode, YamlNode>>> _index = new(ReferenceIdentity.Instance);

    public YamlPositionIndex(YamlNode root) => _root = root;

    public (int Line, int Column) Find(string pointer)
    {
        var node = _root;
        var located = _root;
        foreach (var segment in PointerSegments.Of(pointer))
        {
            if (node is YamlMappingNode mapping && TryGetEntry(mapping, segment, out var entry))
            {
                located = entry.Key;
                node = entry.Value;
            }
            else if (node is YamlSequenceNode sequence && int.TryParse(segment, out var i) && i >= 0 && i < sequence.Children.Count)
            {
                located = node = sequence.Children[i];
            }
            else
            {
                break;
            }
        }

        return (located.Start.Line, located.Start.Column);
    }

    private bool TryGetEntry(YamlMappingNode mapping, string name, out KeyValuePair<YamlNode, YamlNode> entry)
    {
        if (mapping.Children.Count > 16)
        {
            if (!_index.TryGetValue(mapping, out var index))
            {
                index = new Dictionary<string, KeyValuePair<YamlNode, YamlNode>>(StringComparer.Ordinal);
                foreach (var child in mapping.Children)
                {
                    if (child.Key is YamlScalarNode { Value: { } key } && !index.ContainsKey(key))
                    {
                        index[key] = child;
                    }
                }

                _index[mapping] = index;
            }

            return index.TryGetValue(name, out entry);
        }

        foreach (var child in mapping.Children)
        {
            if (child.Key is YamlScalarNode scalar && string.Equals(scalar.Value, name, StringComparison.Ordinal))
            {
                entry = child;
                return true;
            }
        }

        entry = default;
        return false;
    }
}
