using System.Collections.Generic;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary><c>[?expr]</c>: the member values of a mapping and items of a sequence for which the expression is true, in order.</summary>
internal sealed class JsonPathFilterSelector : JsonPathSelector
{
    public JsonPathFilterSelector(JsonPathExpression expression)
    {
        Expression = expression;
    }

    /// <summary>A logical expression (the parser converts a bare query into an existence test).</summary>
    public JsonPathExpression Expression { get; }

    public override void Select(YamlNode node, List<JsonPathMatch> output, JsonPathEvaluation evaluation)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var entry in mapping.Children)
                {
                    Test(new JsonPathMatch(entry.Value, mapping, entry.Key, -1), output, evaluation);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Test(new JsonPathMatch(sequence.Children[i], sequence, null, i), output, evaluation);
                }

                break;
        }
    }

    private void Test(JsonPathMatch child, List<JsonPathMatch> output, JsonPathEvaluation evaluation)
    {
        evaluation.Step(1);
        if (Expression.EvaluateLogical(child, evaluation))
        {
            output.Add(child);
        }
    }
}
