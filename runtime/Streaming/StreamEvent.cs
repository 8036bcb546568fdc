using System;
using System.Globalization;

namespace Contracts.Runtime.Streaming;

/// <summary>
/// One item of a <see cref="StreamingResponse{T}"/> with what the stream said about it: for server-sent events, the
/// event's <c>event</c>, <c>id</c> and <c>retry</c> fields; for every format, its position in the stream.
/// <see cref="StreamingResponse{T}.WithEventInfo"/> yields these.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly struct StreamEvent<T>
{
    /// <summary>Creates an event (for tests and hand-written clients).</summary>
    public StreamEvent(T value, string? eventType, string? eventId, TimeSpan? reconnectionInterval, long index)
    {
        Value = value;
        EventType = eventType;
        EventId = eventId;
        ReconnectionInterval = reconnectionInterval;
        Index = index;
    }

    /// <summary>The item, read from the event's data.</summary>
    public T Value { get; }

    /// <summary>
    /// The server-sent event's type: its <c>event</c> field, else <c>message</c> (the specification's default); null
    /// for JSON Lines and JSON sequences, which have no types.
    /// </summary>
    public string? EventType { get; }

    /// <summary>The server-sent event's own <c>id</c> field, or null when it had none (<see cref="StreamingResponse{T}.LastEventId"/> keeps the last one seen).</summary>
    public string? EventId { get; }

    /// <summary>The reconnection time a <c>retry</c> field of this server-sent event asked for, or null when it had none.</summary>
    public TimeSpan? ReconnectionInterval { get; }

    /// <summary>The item's position among the items of the stream, from 0 (skipped events and the end marker are not counted).</summary>
    public long Index { get; }

    /// <summary>The position, type and id of the event; never its value.</summary>
    public override string ToString() =>
        "#" + Index.ToString(CultureInfo.InvariantCulture)
            + (EventType is null ? string.Empty : " " + ResponseText.Printable(EventType, ResponseText.MaxQuotedLength))
            + (EventId is null ? string.Empty : " id " + ResponseText.Printable(EventId, ResponseText.MaxQuotedLength));
}
