namespace Contracts.Generator.Reading.Overlays;

/// <summary>A query (or a function returning nodes) used as a test: true when it selects at least one node.</summary>
internal sealed class JsonPathExistenceTest : JsonPathExpression
{
    public JsonPathExistenceTest(JsonPathExpression nodes)
    {
        Nodes = nodes;
        Offset = nodes.Offset;
    }

    public JsonPathExpression Nodes { get; }

    public override JsonPathType Type => JsonPathType.Logical;

    public override bool EvaluateLogical(JsonPathMatch current, JsonPathEvaluation evaluation) => Nodes.EvaluateNodes(current, evaluation).Count > 0;
}
