using System.Text.RegularExpressions;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// A call of one of RFC 9535's function extensions (2.4.4–2.4.8): <c>length(v)</c>, <c>count(nodes)</c>,
/// <c>match(v, pattern)</c>, <c>search(v, pattern)</c>, <c>value(nodes)</c>. The parser has checked the arguments' types.
/// </summary>
internal sealed class JsonPathFunctionCall : JsonPathExpression
{
    public JsonPathFunctionCall(string name, JsonPathExpression[] arguments, Regex? literalPattern)
    {
        Name = name;
        Arguments = arguments;
        LiteralPattern = literalPattern;
    }

    public string Name { get; }

    public JsonPathExpression[] Arguments { get; }

    /// <summary>For <c>match</c> and <c>search</c> with a pattern written in the query: the pattern, compiled once.</summary>
    public Regex? LiteralPattern { get; }

    public override JsonPathType Type => ResultType(Name)!.Value;

    /// <summary>The result type of the function named <paramref name="name"/>; null when there is no such function.</summary>
    public static JsonPathType? ResultType(string name) => name switch
    {
        "length" or "count" or "value" => JsonPathType.Value,
        "match" or "search" => JsonPathType.Logical,
        _ => null,
    };

    /// <summary>The declared types of the parameters of the function named <paramref name="name"/>.</summary>
    public static JsonPathType[] ParameterTypes(string name) => name switch
    {
        "length" => new[] { JsonPathType.Value },
        "count" or "value" => new[] { JsonPathType.Nodes },
        _ => new[] { JsonPathType.Value, JsonPathType.Value },
    };

    public override JsonPathValue EvaluateValue(JsonPathMatch current, JsonPathEvaluation evaluation)
    {
        switch (Name)
        {
            case "length":
                var value = Arguments[0].EvaluateAsValue(current, evaluation);
                return value.Kind switch
                {
                    JsonPathValueKind.String => JsonPathValue.FromInteger(CountCodePoints(value.String)),
                    JsonPathValueKind.Array => JsonPathValue.FromInteger(((YamlSequenceNode)value.Node!).Children.Count),
                    JsonPathValueKind.Object => JsonPathValue.FromInteger(((YamlMappingNode)value.Node!).Children.Count),
                    _ => JsonPathValue.Nothing,
                };
            case "count":
                return JsonPathValue.FromInteger(Arguments[0].EvaluateNodes(current, evaluation).Count);
            default:
                var nodes = Arguments[0].EvaluateNodes(current, evaluation);
                return nodes.Count == 1 ? JsonPathValue.Of(nodes[0].Node) : JsonPathValue.Nothing;
        }
    }

    public override bool EvaluateLogical(JsonPathMatch current, JsonPathEvaluation evaluation)
    {
        var subject = Arguments[0].EvaluateAsValue(current, evaluation);
        if (subject.Kind != JsonPathValueKind.String)
        {
            return false;
        }

        var regex = LiteralPattern;
        if (regex is null)
        {
            var pattern = Arguments[1].EvaluateAsValue(current, evaluation);
            if (pattern.Kind != JsonPathValueKind.String)
            {
                return false;
            }

            regex = evaluation.Pattern(pattern.String, anchored: Name == "match");
            if (regex is null)
            {
                return false;
            }
        }

        return JsonPathRegex.IsMatch(regex, subject.String, evaluation);
    }

    private static long CountCodePoints(string text)
    {
        long count = text.Length;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
            }
        }

        return count;
    }
}
