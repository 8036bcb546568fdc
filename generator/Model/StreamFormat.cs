namespace Contracts.Generator.Model;

/// <summary>How a streamed response frames its items (mirrors <c>Contracts.Runtime.Streaming.StreamFormat</c>).</summary>
internal enum StreamFormat
{
    /// <summary><c>text/event-stream</c>: one item per event's <c>data</c>.</summary>
    ServerSentEvents,

    /// <summary>JSON Lines / NDJSON: one item per line.</summary>
    JsonLines,

    /// <summary><c>application/json-seq</c> (RFC 7464): one item per record-separated text.</summary>
    JsonSequence,
}
