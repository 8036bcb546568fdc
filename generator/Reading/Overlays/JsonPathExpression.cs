using System;
using System.Collections.Generic;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// A part of a filter. Each has one <see cref="Type"/> and implements the evaluation of that type; the parser converts
/// types only where RFC 9535 allows (a nodelist tested for existence, a singular query read as a value).
/// </summary>
internal abstract class JsonPathExpression
{
    public abstract JsonPathType Type { get; }

    /// <summary>Where the expression starts in the query's text, for errors about it.</summary>
    public int Offset { get; init; }

    /// <summary>A query of name and index segments only, which stands for at most one node (RFC 9535, 2.3.5.1).</summary>
    public virtual bool IsSingularQuery => false;

    public virtual JsonPathValue EvaluateValue(JsonPathMatch current, JsonPathEvaluation evaluation) => throw new InvalidOperationException(GetType().Name + " has no value");

    public virtual bool EvaluateLogical(JsonPathMatch current, JsonPathEvaluation evaluation) => throw new InvalidOperationException(GetType().Name + " is not logical");

    public virtual List<JsonPathMatch> EvaluateNodes(JsonPathMatch current, JsonPathEvaluation evaluation) => throw new InvalidOperationException(GetType().Name + " has no nodes");

    /// <summary>The value a comparable or a value argument stands for: a singular query's one node, or Nothing.</summary>
    public JsonPathValue EvaluateAsValue(JsonPathMatch current, JsonPathEvaluation evaluation)
    {
        if (Type != JsonPathType.Nodes)
        {
            return EvaluateValue(current, evaluation);
        }

        var nodes = EvaluateNodes(current, evaluation);
        return nodes.Count == 1 ? JsonPathValue.Of(nodes[0].Node) : JsonPathValue.Nothing;
    }
}
