using System;
using System.Collections.Generic;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>A query inside a filter: relative to the current node (<c>@</c>) or to the root (<c>$</c>).</summary>
internal sealed class JsonPathFilterQuery : JsonPathExpression
{
    public JsonPathFilterQuery(bool isRelative, JsonPathSegment[] segments)
    {
        IsRelative = isRelative;
        Segments = segments;
    }

    public bool IsRelative { get; }

    public JsonPathSegment[] Segments { get; }

    public override JsonPathType Type => JsonPathType.Nodes;

    public override bool IsSingularQuery => Array.TrueForAll(Segments, s => s.IsSingular);

    public override List<JsonPathMatch> EvaluateNodes(JsonPathMatch current, JsonPathEvaluation evaluation) =>
        JsonPathQuery.Evaluate(Segments, IsRelative ? current : JsonPathMatch.Root(evaluation.Root), evaluation);
}
