using System.Collections.Generic;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary><c>.name</c>, <c>['name']</c>: the member of a mapping with that key; nothing on anything else.</summary>
internal sealed class JsonPathNameSelector : JsonPathSelector
{
    public JsonPathNameSelector(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public override void Select(YamlNode node, List<JsonPathMatch> output, JsonPathEvaluation evaluation)
    {
        var member = Find(node, evaluation);
        if (member is { } found)
        {
            output.Add(found);
        }
    }

    /// <summary>The member named <see cref="Name"/>; mapping keys are compared as strings, whatever their YAML style.</summary>
    public JsonPathMatch? Find(YamlNode node, JsonPathEvaluation evaluation)
    {
        if (node is not YamlMappingNode mapping)
        {
            return null;
        }

        evaluation.Step(mapping.Children.Count);
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode key && key.Value == Name)
            {
                return new JsonPathMatch(entry.Value, mapping, entry.Key, -1);
            }
        }

        return null;
    }
}
