using System;
using System.Collections.Generic;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary><c>[start:end:step]</c>: items of a sequence, as RFC 9535 section 2.3.4.2.2 computes them (a step of 0 selects none).</summary>
internal sealed class JsonPathSliceSelector : JsonPathSelector
{
    public JsonPathSliceSelector(long? start, long? end, long? step)
    {
        Start = start;
        End = end;
        Step = step ?? 1;
    }

    public long? Start { get; }

    public long? End { get; }

    public long Step { get; }

    public override void Select(YamlNode node, List<JsonPathMatch> output, JsonPathEvaluation evaluation)
    {
        if (node is not YamlSequenceNode sequence || Step == 0)
        {
            return;
        }

        // Bounds are at most 2^53 in size and so are lengths: sums of two stay far inside a long.
        long length = sequence.Children.Count;
        var start = Normalize(Start ?? (Step > 0 ? 0 : length - 1), length);
        var end = Normalize(End ?? (Step > 0 ? length : -length - 1), length);
        if (Step > 0)
        {
            var lower = Math.Min(Math.Max(start, 0), length);
            var upper = Math.Min(Math.Max(end, 0), length);
            for (var i = lower; i < upper; i += Step)
            {
                Add(sequence, (int)i, output, evaluation);
            }
        }
        else
        {
            var upper = Math.Min(Math.Max(start, -1), length - 1);
            var lower = Math.Min(Math.Max(end, -1), length - 1);
            for (var i = upper; lower < i; i += Step)
            {
                Add(sequence, (int)i, output, evaluation);
            }
        }
    }

    private static long Normalize(long index, long length) => index >= 0 ? index : length + index;

    private static void Add(YamlSequenceNode sequence, int index, List<JsonPathMatch> output, JsonPathEvaluation evaluation)
    {
        evaluation.Step(1);
        output.Add(new JsonPathMatch(sequence.Children[index], sequence, null, index));
    }
}
