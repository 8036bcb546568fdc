using System;
using System.Collections.Generic;
using Contracts.Generator.Reading.Yaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Locating;

/// <summary>Finds an entry of a YAML mapping by its key, for the locator and the document facts alike.</summary>
internal sealed class YamlMappingIndex
{
    private Dictionary<YamlNode, Dictionary<string, KeyValuePair<YamlNode, YamlNode>>>? _index;

    public bool TryGetEntry(YamlMappingNode mapping, string name, out YamlNode key, out YamlNode value)
    {
        // Small mappings are scanned; large ones (components with thousands of schemas) are indexed once, so that
        // locating thousands of diagnostics stays linear.
        if (mapping.Children.Count > 16)
        {
            _index ??= new Dictionary<YamlNode, Dictionary<string, KeyValuePair<YamlNode, YamlNode>>>(NodeIdentity.Instance);
            if (!_index.TryGetValue(mapping, out var index))
            {
                index = new Dictionary<string, KeyValuePair<YamlNode, YamlNode>>(StringComparer.Ordinal);
                foreach (var entry in mapping.Children)
                {
                    if (entry.Key is YamlScalarNode { Value: { } text } && !index.ContainsKey(text))
                    {
                        index[text] = entry;
                    }
                }

                _index[mapping] = index;
            }

            var found = index.TryGetValue(name, out var hit);
            (key, value) = (hit.Key, hit.Value);
            return found;
        }

        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode scalar && string.Equals(scalar.Value, name, StringComparison.Ordinal))
            {
                key = entry.Key;
                value = entry.Value;
                return true;
            }
        }

        key = value = null!;
        return false;
    }
}
