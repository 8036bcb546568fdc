using System;
using System.Collections.Generic;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Contracts.Runtime.Streaming;

/// <summary>
/// The items of a streamed response (server-sent events, JSON Lines, JSON sequences), read as they arrive. Nothing is
/// sent until it is enumerated; each enumeration (<c>await foreach</c>) sends the request again and reads a new
/// response. The whole body is never buffered: one item at a time, each at most the call's response cap
/// (<see cref="RequestOptions.MaxResponseContentBufferSize"/>). Leaving the loop early (<c>break</c>, an exception) or
/// cancelling closes the connection.
/// </summary>
/// <remarks>
/// An error status throws <see cref="ApiException"/> (typed where the operation declares the error) from the first
/// <c>MoveNextAsync</c>, before any item; an item that cannot be read throws <see cref="ApiException"/> naming the
/// event, its position and the start of its data, and ends the stream. Between two reads the stream may stay silent
/// for at most <see cref="RequestOptions.StreamIdleTimeout"/>.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public sealed class StreamingResponse<T> : IAsyncEnumerable<T>
{
    private readonly StreamRequest<T> _request;
    private volatile Snapshot? _response;
    private volatile string? _lastEventId;

    internal StreamingResponse(StreamRequest<T> request)
    {
        _request = request;
    }

    /// <summary>The HTTP status of the current (or last) enumeration's response; null until its headers arrived.</summary>
    public HttpStatusCode? StatusCode => _response?.StatusCode;

    /// <summary>The headers of the current (or last) enumeration's response; null until they arrived.</summary>
    public ResponseHeaders? Headers => _response?.Headers;

    /// <summary>
    /// The last server-sent event <c>id</c> the current (or last) enumeration saw, or null when it saw none (or the
    /// server reset it with an empty id): what a client sends as <c>Last-Event-ID</c> to resume the stream.
    /// </summary>
    public string? LastEventId => _lastEventId;

    /// <summary>Sends the request and returns the enumerator of its items.</summary>
    /// <param name="cancellationToken">Cancels the enumeration (linked with the token given to the generated method); the connection is closed.</param>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ValuesAsync(cancellationToken).GetAsyncEnumerator();

    /// <summary>The same stream, each item with its metadata: the server-sent event's type, id and retry, and its position.</summary>
    public IAsyncEnumerable<StreamEvent<T>> WithEventInfo() => new EventsView(this);

    /// <summary>The status and how many headers the current response carried; never the items or the headers' values.</summary>
    public override string ToString() =>
        _response is { } response ? "Stream of " + typeof(T).Name + ", HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) + ", " + response.Headers : "Stream of " + typeof(T).Name + ", not started";

    private async IAsyncEnumerable<T> ValuesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = StreamEnumeration.ReadAsync(_request, this, cancellationToken).GetAsyncEnumerator();
        try
        {
            while (await events.MoveNextAsync().ConfigureAwait(false))
            {
                yield return events.Current.Value;
            }
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Called by each enumeration: forgets the previous response before sending.</summary>
    internal void Starting()
    {
        _response = null;
        _lastEventId = null;
    }

    internal void Received(HttpStatusCode statusCode, ResponseHeaders headers) => _response = new Snapshot(statusCode, headers);

    internal void SawEventId(string? lastEventId) => _lastEventId = string.IsNullOrEmpty(lastEventId) ? null : lastEventId;

    private sealed class Snapshot(HttpStatusCode statusCode, ResponseHeaders headers)
    {
        public HttpStatusCode StatusCode { get; } = statusCode;

        public ResponseHeaders Headers { get; } = headers;
    }

    private sealed class EventsView(StreamingResponse<T> owner) : IAsyncEnumerable<StreamEvent<T>>
    {
        public IAsyncEnumerator<StreamEvent<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            StreamEnumeration.ReadAsync(owner._request, owner, cancellationToken).GetAsyncEnumerator();
    }
}
