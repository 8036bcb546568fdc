using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Contracts.Runtime.Json;

namespace Contracts.Runtime.Streaming;

/// <summary>
/// One enumeration of a <see cref="StreamingResponse{T}"/>: sends the request through <see cref="HttpCall"/> (credentials,
/// per-call headers, the handler's retries, the call's timeout until the headers arrive), throws for an error status
/// as every call does, then reads the body item by item. Whatever ends it (the end of the body, <c>[DONE]</c>, the
/// caller leaving the loop, an exception) disposes the response; mid-body, <see cref="StreamBody.CloseAsync"/> first
/// aborts the connection, so that the server sees the stream end at once.
/// </summary>
internal static class StreamEnumeration
{
    public static async IAsyncEnumerable<StreamEvent<T>> ReadAsync<T>(
        StreamRequest<T> request,
        StreamingResponse<T> owner,
        [EnumeratorCancellation] CancellationToken enumerationToken)
    {
        owner.Starting();

        // One source for the method's token, the enumeration's and the idle timer, which the body sets before each read.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken, enumerationToken);
        var call = await HttpCall.SendAsync(
            request.HttpClient, request.CreateRequest(), request.OperationName, request.ClientDefaults, request.RequestOptions, reading.Token).ConfigureAwait(false);
        StreamBody? body = null;
        try
        {
            var limit = call.Limit;
            var idle = IdleTimeout.Resolve(request.HttpClient, request.ClientDefaults, request.RequestOptions);
            var stream = await ContractsHttp.OpenStreamAsync(call, request.OperationName, request.Format, request.Errors, request.RequestOptions, reading.Token).ConfigureAwait(false);
            owner.Received(call.Response.StatusCode, ResponseHeaders.From(call.Response));
            body = new StreamBody(stream, reading, idle.Value, request.Format == StreamFormat.ServerSentEvents ? limit.Bytes : -1);
            var context = new Context<T>(request, call, limit, idle, reading, request.CancellationToken, enumerationToken);
            if (request.Format == StreamFormat.ServerSentEvents)
            {
                var events = new Items<T>(request);
                var parser = SseParser.Create(body, events.ParseEvent);
                var parsed = parser.EnumerateAsync(reading.Token).GetAsyncEnumerator();
                try
                {
                    while (true)
                    {
                        bool more;
                        try
                        {
                            more = await parsed.MoveNextAsync().ConfigureAwait(false);
                        }
                        catch (Exception exception) when (context.Translate(exception, body.OverLimitExcerpt) is { } translated)
                        {
                            throw translated;
                        }

                        if (!more)
                        {
                            owner.SawEventId(parser.LastEventId);
                            yield break;
                        }

                        var item = parsed.Current;
                        switch (item.Data.Kind)
                        {
                            case ItemKind.Skip:
                                continue;
                            case ItemKind.Done:
                                owner.SawEventId(parser.LastEventId);
                                yield break;
                            case ItemKind.Malformed:
                                throw context.Malformed(item.EventType, item.EventId, events.Error, events.Excerpt);
                        }

                        owner.SawEventId(parser.LastEventId);
                        yield return new StreamEvent<T>(item.Data.Value, item.EventType, item.EventId, item.ReconnectionInterval, context.Index++);
                    }
                }
                finally
                {
                    await parsed.DisposeAsync().ConfigureAwait(false);
                }
            }
            else
            {
                using var texts = new DelimitedTextReader(body, request.Format, limit.Bytes);
                var items = new Items<T>(request);
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await texts.MoveNextAsync(reading.Token).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (context.Translate(exception, texts.OverLimitExcerpt) is { } translated)
                    {
                        throw translated;
                    }

                    if (!more)
                    {
                        yield break;
                    }

                    var item = items.Read(eventType: null, texts.Current);
                    if (item.Kind == ItemKind.Malformed)
                    {
                        throw context.Malformed(null, null, items.Error, items.Excerpt);
                    }

                    yield return new StreamEvent<T>(item.Value, null, null, null, context.Index++);
                }
            }
        }
        finally
        {
            // Mid-body, this closes the connection: the server sees the stream end.
            if (body is not null)
            {
                await body.CloseAsync().ConfigureAwait(false);
            }

            call.Dispose();
        }
    }

    private static bool JsonRead<T>(ReadOnlySpan<byte> data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, out T value)
    {
        var result = JsonSerializer.Deserialize(data, typeInfo);
        value = result!;
        return result is not null;
    }

    /// <summary>What an item read needs to name itself in an exception, and how read failures become the caller's exceptions.</summary>
    private sealed class Context<T>(
        StreamRequest<T> request,
        HttpCall call,
        ResponseLimit limit,
        IdleTimeout idle,
        CancellationTokenSource reading,
        CancellationToken methodToken,
        CancellationToken enumerationToken)
    {
        /// <summary>The position of the next item.</summary>
        public long Index { get; set; }

        /// <summary>An item that is not what the stream declares: the stream stops with this exception.</summary>
        public ApiException Malformed(string? eventType, string? eventId, JsonException? error, string? excerpt)
        {
            var reason = "the " + Describe(eventType, eventId) + " could not be read: "
                + (error is null ? "its data is null" : JsonErrors.Describe(error));
            var exception = new ApiException(request.OperationName, call.Response.StatusCode, reason, responseExcerpt: excerpt ?? string.Empty, innerException: error);
            call.Redact(exception);
            return exception;
        }

        /// <summary>
        /// What a failed read means to the caller: their own cancellation stays an <see cref="OperationCanceledException"/>;
        /// the idle timer's is a timeout; a broken connection or an event over the cap is an <see cref="ApiException"/>.
        /// Null leaves the exception as it is.
        /// </summary>
        public Exception? Translate(Exception exception, string? overLimitExcerpt)
        {
            if (exception is StreamBody.EventTooLargeException)
            {
                var tooLarge = new ApiException(
                    request.OperationName,
                    call.Response.StatusCode,
                    "the " + Describe(null, null) + " exceeds " + limit.Describe(),
                    responseExcerpt: overLimitExcerpt ?? string.Empty);
                call.Redact(tooLarge);
                return tooLarge;
            }

            if (methodToken.IsCancellationRequested || enumerationToken.IsCancellationRequested)
            {
                var token = enumerationToken.IsCancellationRequested ? enumerationToken : methodToken;
                return exception is OperationCanceledException canceled && canceled.CancellationToken == token
                    ? null
                    : new OperationCanceledException(exception.Message, exception, token);
            }

            if (reading.IsCancellationRequested && exception is OperationCanceledException or IOException or HttpRequestException)
            {
                return idle.Elapsed(exception);
            }

            if (exception is IOException or HttpRequestException)
            {
                var broken = new ApiException(
                    request.OperationName,
                    call.Response.StatusCode,
                    "the connection closed before the stream ended, after " + Index.ToString(CultureInfo.InvariantCulture) + (Index == 1 ? " item" : " items"),
                    innerException: exception);
                call.Redact(broken);
                return broken;
            }

            return null;
        }

        private string Describe(string? eventType, string? eventId)
        {
            var text = "item at index " + Index.ToString(CultureInfo.InvariantCulture);
            if (eventType is not null)
            {
                text += " (event '" + ResponseText.Printable(eventType, ResponseText.MaxQuotedLength) + "'";
                text += eventId is null ? ")" : ", id '" + ResponseText.Printable(eventId, ResponseText.MaxQuotedLength) + "')";
            }
            else if (eventId is not null)
            {
                text += " (id '" + ResponseText.Printable(eventId, ResponseText.MaxQuotedLength) + "')";
            }

            return text;
        }
    }

    /// <summary>
    /// Reads each item straight from the bytes it arrived in: a server-sent event's data as the parser dispatches it, a
    /// JSON Lines line or a JSON text of a sequence.
    /// </summary>
    private sealed class Items<T>(StreamRequest<T> request)
    {
        private static ReadOnlySpan<byte> DoneMarker => "[DONE]"u8;

        private readonly ItemReader<T> _read = (ReadOnlySpan<byte> data, out T value) => JsonRead(data, request.TypeInfo, out value);

        /// <summary>Why the last malformed event failed (null: its data was JSON null).</summary>
        public JsonException? Error { get; private set; }

        /// <summary>The start of the last malformed event's data.</summary>
        public string? Excerpt { get; private set; }

        /// <summary>A server-sent event: an event without data is skipped, and <c>[DONE]</c> ends the stream.</summary>
        public ParsedItem<T> ParseEvent(string eventType, ReadOnlySpan<byte> data)
        {
            if (data.IsEmpty)
            {
                return new ParsedItem<T>(default!, ItemKind.Skip);
            }

            return data.SequenceEqual(DoneMarker) ? new ParsedItem<T>(default!, ItemKind.Done) : Read(eventType, data);
        }

        /// <summary>One item, read as the type its event name maps to, else as the stream's; malformed when it is not JSON of that type or is <c>null</c>.</summary>
        public ParsedItem<T> Read(string? eventType, ReadOnlySpan<byte> data)
        {
            var read = request.EventTypes?.Find(eventType) ?? _read;
            try
            {
                if (read(data, out var value))
                {
                    return new ParsedItem<T>(value, ItemKind.Item);
                }

                Error = null;
            }
            catch (JsonException exception)
            {
                Error = exception;
            }

            Excerpt = ResponseText.Excerpt(data);
            return new ParsedItem<T>(default!, ItemKind.Malformed);
        }
    }
}
