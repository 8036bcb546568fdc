namespace Contracts.Generator.Reading.Overlays;

/// <summary>The types of RFC 9535's filter expressions (2.4.1), by which a query is checked to be well-typed.</summary>
internal enum JsonPathType
{
    /// <summary>A JSON value or Nothing: literals, singular queries as comparables, <c>length</c>, <c>count</c>, <c>value</c>.</summary>
    Value,

    /// <summary>True or false: comparisons, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, <c>match</c>, <c>search</c>.</summary>
    Logical,

    /// <summary>A nodelist: the queries inside filters.</summary>
    Nodes,
}
