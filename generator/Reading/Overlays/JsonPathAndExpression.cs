namespace Contracts.Generator.Reading.Overlays;

/// <summary><c>a &amp;&amp; b &amp;&amp; …</c>, evaluated left to right until one is false.</summary>
internal sealed class JsonPathAndExpression : JsonPathExpression
{
    public JsonPathAndExpression(JsonPathExpression[] operands)
    {
        Operands = operands;
    }

    public JsonPathExpression[] Operands { get; }

    public override JsonPathType Type => JsonPathType.Logical;

    public override bool EvaluateLogical(JsonPathMatch current, JsonPathEvaluation evaluation)
    {
        foreach (var operand in Operands)
        {
            if (!operand.EvaluateLogical(current, evaluation))
            {
                return false;
            }
        }

        return true;
    }
}
