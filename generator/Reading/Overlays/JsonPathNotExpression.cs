namespace Contracts.Generator.Reading.Overlays;

/// <summary><c>!</c> before a test or a parenthesized expression.</summary>
internal sealed class JsonPathNotExpression : JsonPathExpression
{
    public JsonPathNotExpression(JsonPathExpression operand)
    {
        Operand = operand;
    }

    public JsonPathExpression Operand { get; }

    public override JsonPathType Type => JsonPathType.Logical;

    public override bool EvaluateLogical(JsonPathMatch current, JsonPathEvaluation evaluation) => !Operand.EvaluateLogical(current, evaluation);
}
