namespace Contracts.Generator.Reading.Overlays;

/// <summary>A string, number, <c>true</c>, <c>false</c> or <c>null</c> written in the query.</summary>
internal sealed class JsonPathLiteral : JsonPathExpression
{
    public JsonPathLiteral(JsonPathValue value)
    {
        Value = value;
    }

    public JsonPathValue Value { get; }

    public override JsonPathType Type => JsonPathType.Value;

    public override JsonPathValue EvaluateValue(JsonPathMatch current, JsonPathEvaluation evaluation) => Value;
}
