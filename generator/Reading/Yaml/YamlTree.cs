using System.Collections.Generic;
using System.Runtime.CompilerServices;
using SharpYaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Yaml;

/// <summary>Small helpers over SharpYaml's node tree: keyed access to mappings, new scalars, identity sets.</summary>
internal static class YamlTree
{
    public static YamlNode? Get(this YamlMappingNode mapping, string key)
    {
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    public static string? GetScalar(this YamlMappingNode mapping, string key) => (mapping.Get(key) as YamlScalarNode)?.Value;

    public static bool Has(this YamlMappingNode mapping, string key) => mapping.Get(key) is not null;

    /// <summary>Removes <paramref name="key"/> and returns its value, or null when it is absent.</summary>
    public static YamlNode? Take(this YamlMappingNode mapping, string key)
    {
        var value = mapping.Get(key);
        if (value is null)
        {
            return null;
        }

        // SharpYaml's Remove and indexer compare the old value structurally (its whole subtree, aliases expanded),
        // which an alias-heavy document turns quadratic; clearing and adding back compares nothing.
        var kept = new List<KeyValuePair<YamlNode, YamlNode>>(mapping.Children.Count);
        foreach (var entry in mapping.Children)
        {
            if (!(entry.Key is YamlScalarNode scalar && scalar.Value == key))
            {
                kept.Add(entry);
            }
        }

        mapping.Children.Clear();
        foreach (var entry in kept)
        {
            mapping.Children.Add(entry.Key, entry.Value);
        }

        return value;
    }

    /// <summary>Sets <paramref name="key"/>, replacing any value it had.</summary>
    public static void Set(this YamlMappingNode mapping, string key, YamlNode value)
    {
        mapping.Take(key);
        mapping.Children.Add(new YamlScalarNode(key), value);
    }

    /// <summary>A copy of the entries, so that the mapping can change while they are visited.</summary>
    public static List<KeyValuePair<string, YamlNode>> Entries(this YamlMappingNode mapping)
    {
        var entries = new List<KeyValuePair<string, YamlNode>>(mapping.Children.Count);
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } key })
            {
                entries.Add(new KeyValuePair<string, YamlNode>(key, entry.Value));
            }
        }

        return entries;
    }

    /// <summary>A plain scalar: the reader reads it as a number, boolean or word, like unquoted YAML.</summary>
    public static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    /// <summary>A quoted scalar: always a string.</summary>
    public static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    public static YamlMappingNode Mapping(string key, YamlNode value)
    {
        var mapping = new YamlMappingNode();
        mapping.Children.Add(new YamlScalarNode(key), value);
        return mapping;
    }

    public static bool IsPlain(this YamlScalarNode scalar) => scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Tag is null;
}

/// <summary>Compares nodes by identity: YAML aliases share one node, which must be rewritten once.</summary>
internal sealed class NodeIdentity : IEqualityComparer<YamlNode>
{
    public static readonly NodeIdentity Instance = new();

    public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
}
