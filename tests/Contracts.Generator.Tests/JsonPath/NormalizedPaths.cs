using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Contracts.Generator.Reading.Overlays;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.Generator.Tests.JsonPath;

/// <summary>
/// The normalized path (RFC 9535, 2.7) of a match, found by locating its node in the document by identity; on the way
/// it checks that the match's parent, key and index are where the node really sits.
/// </summary>
internal static class NormalizedPaths
{
    public static string Of(YamlNode root, JsonPathMatch match)
    {
        var places = Places(root);
        Assert.True(places.ContainsKey(match.Node), "the match is not a node of the document");
        var (parent, key, index) = places[match.Node];
        Assert.Same(parent, match.Parent);
        Assert.Same(key, match.Key);
        Assert.Equal(index, match.Index);

        var steps = new List<string>();
        for (var node = match.Node; places[node].Parent is { } up; node = up)
        {
            var place = places[node];
            steps.Add(place.Key is YamlScalarNode name ? "[" + Quote(name.Value ?? "") + "]" : "[" + place.Index.ToString(CultureInfo.InvariantCulture) + "]");
        }

        steps.Reverse();
        return "$" + string.Concat(steps);
    }

    private static Dictionary<YamlNode, (YamlNode? Parent, YamlNode? Key, int Index)> Places(YamlNode root)
    {
        var places = new Dictionary<YamlNode, (YamlNode?, YamlNode?, int)>(ReferenceEqualityComparer.Instance) { [root] = (null, null, -1) };
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlMappingNode mapping:
                    foreach (var entry in mapping.Children)
                    {
                        places[entry.Value] = (mapping, entry.Key, -1);
                        pending.Push(entry.Value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        places[sequence.Children[i]] = (sequence, null, i);
                        pending.Push(sequence.Children[i]);
                    }

                    break;
            }
        }

        return places;
    }

    private static string Quote(string name)
    {
        var quoted = new StringBuilder("'");
        foreach (var c in name)
        {
            quoted.Append(c switch
            {
                '\'' => "\\'",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return quoted.Append('\'').ToString();
    }
}
