using System.ComponentModel;

namespace Contracts.Runtime.Streaming;

/// <summary>How a streamed response body is cut into items. Generated code picks it from the response's media type; it is plumbing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum StreamFormat
{
    /// <summary><c>text/event-stream</c>: server-sent events, parsed as the WHATWG specification says; each event's <c>data</c> is one JSON item.</summary>
    ServerSentEvents,

    /// <summary><c>application/jsonl</c>, <c>application/x-ndjson</c> and their aliases: one JSON value per line (blank lines skipped, CRLF accepted).</summary>
    JsonLines,

    /// <summary><c>application/json-seq</c> (RFC 7464): each JSON text preceded by a record separator (0x1E).</summary>
    JsonSequence,
}
