using System.Collections.Generic;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary><c>[2]</c>, <c>[-1]</c>: the item of a sequence at that position, counted from the end when negative.</summary>
internal sealed class JsonPathIndexSelector : JsonPathSelector
{
    public JsonPathIndexSelector(long index)
    {
        Index = index;
    }

    public long Index { get; }

    public override void Select(YamlNode node, List<JsonPathMatch> output, JsonPathEvaluation evaluation)
    {
        if (Find(node, evaluation) is { } found)
        {
            output.Add(found);
        }
    }

    public JsonPathMatch? Find(YamlNode node, JsonPathEvaluation evaluation)
    {
        if (node is not YamlSequenceNode sequence)
        {
            return null;
        }

        evaluation.Step(1);
        var count = sequence.Children.Count;
        var position = Index < 0 ? Index + count : Index;
        return position >= 0 && position < count
            ? new JsonPathMatch(sequence.Children[(int)position], sequence, null, (int)position)
            : null;
    }
}
