namespace Contracts.Generator.Reading.Overlays;

/// <summary>The comparison operators of RFC 9535 (2.3.5.1).</summary>
internal enum JsonPathComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
