namespace Contracts.Generator.Reading.Overlays;

/// <summary><c>a || b || …</c>, evaluated left to right until one is true.</summary>
internal sealed class JsonPathOrExpression : JsonPathExpression
{
    public JsonPathOrExpression(JsonPathExpression[] operands)
    {
        Operands = operands;
    }

    public JsonPathExpression[] Operands { get; }

    public override JsonPathType Type => JsonPathType.Logical;

    public override bool EvaluateLogical(JsonPathMatch current, JsonPathEvaluation evaluation)
    {
        foreach (var operand in Operands)
        {
            if (operand.EvaluateLogical(current, evaluation))
            {
                return true;
            }
        }

        return false;
    }
}
