namespace Contracts.Runtime.Streaming;

/// <summary>What one server-sent event's data turned out to be, as the parser hands it back.</summary>
internal readonly struct ParsedItem<T>(T value, ItemKind kind)
{
    public T Value { get; } = value;

    public ItemKind Kind { get; } = kind;
}

/// <summary>The kinds of <see cref="ParsedItem{T}"/>.</summary>
internal enum ItemKind : byte
{
    /// <summary>An item to yield.</summary>
    Item,

    /// <summary>An event without data: nothing to yield.</summary>
    Skip,

    /// <summary>The <c>[DONE]</c> marker: the stream ends, nothing after it is read.</summary>
    Done,

    /// <summary>Data that is not an item: the stream stops with an exception.</summary>
    Malformed,
}
