using System.Collections.Generic;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary><c>*</c>: every member value of a mapping and every item of a sequence, in document order.</summary>
internal sealed class JsonPathWildcardSelector : JsonPathSelector
{
    public static readonly JsonPathWildcardSelector Instance = new();

    private JsonPathWildcardSelector()
    {
    }

    public override void Select(YamlNode node, List<JsonPathMatch> output, JsonPathEvaluation evaluation)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                evaluation.Step(mapping.Children.Count);
                foreach (var entry in mapping.Children)
                {
                    output.Add(new JsonPathMatch(entry.Value, mapping, entry.Key, -1));
                }

                break;
            case YamlSequenceNode sequence:
                evaluation.Step(sequence.Children.Count);
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    output.Add(new JsonPathMatch(sequence.Children[i], sequence, null, i));
                }

                break;
        }
    }
}
