namespace Contracts.Generator.Reading.Overlays;

/// <summary>The JSON type of a node or literal; <see cref="Nothing"/> is RFC 9535's absence of a value (an empty nodelist).</summary>
internal enum JsonPathValueKind
{
    Nothing,
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}
