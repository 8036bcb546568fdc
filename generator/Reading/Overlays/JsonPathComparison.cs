namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// <c>left op right</c> between comparables (literals, singular queries, functions of values), with RFC 9535's
/// semantics (2.3.5.2.2): <c>!=</c> is not <c>==</c>, <c>&lt;=</c> is <c>&lt;</c> or <c>==</c>, and <c>&gt;</c>,
/// <c>&gt;=</c> swap the sides, so two Nothings are equal and <c>&lt;=</c> each other.
/// </summary>
internal sealed class JsonPathComparison : JsonPathExpression
{
    public JsonPathComparison(JsonPathExpression left, JsonPathComparisonOperator op, JsonPathExpression right)
    {
        Left = left;
        Operator = op;
        Right = right;
        Offset = left.Offset;
    }

    public JsonPathExpression Left { get; }

    public JsonPathComparisonOperator Operator { get; }

    public JsonPathExpression Right { get; }

    public override JsonPathType Type => JsonPathType.Logical;

    public override bool EvaluateLogical(JsonPathMatch current, JsonPathEvaluation evaluation)
    {
        var left = Left.EvaluateAsValue(current, evaluation);
        var right = Right.EvaluateAsValue(current, evaluation);
        return Operator switch
        {
            JsonPathComparisonOperator.Equal => JsonPathValue.AreEqual(left, right, evaluation),
            JsonPathComparisonOperator.NotEqual => !JsonPathValue.AreEqual(left, right, evaluation),
            JsonPathComparisonOperator.Less => JsonPathValue.IsLess(left, right),
            JsonPathComparisonOperator.LessOrEqual => JsonPathValue.IsLess(left, right) || JsonPathValue.AreEqual(left, right, evaluation),
            JsonPathComparisonOperator.Greater => JsonPathValue.IsLess(right, left),
            _ => JsonPathValue.IsLess(right, left) || JsonPathValue.AreEqual(left, right, evaluation),
        };
    }
}
