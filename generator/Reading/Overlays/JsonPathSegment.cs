namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// A child segment (<c>.name</c>, <c>[…]</c>) applies its selectors to each input node; a descendant segment (<c>..</c>)
/// applies them to each input node and to every node under it, a node before its descendants.
/// </summary>
internal sealed class JsonPathSegment
{
    public JsonPathSegment(bool isDescendant, JsonPathSelector[] selectors)
    {
        IsDescendant = isDescendant;
        Selectors = selectors;
    }

    public bool IsDescendant { get; }

    public JsonPathSelector[] Selectors { get; }

    /// <summary>A child segment with one name or index selector: the segments of a singular query (RFC 9535, 2.3.5.1).</summary>
    public bool IsSingular => !IsDescendant && Selectors.Length == 1 && Selectors[0] is JsonPathNameSelector or JsonPathIndexSelector;
}
