using System;
using System.IO;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Streaming;

namespace Contracts.Runtime.Http;

/// <summary>Streamed results: server-sent events, JSON Lines and JSON sequences read item by item.</summary>
public static partial class ContractsHttp
{
    /// <summary>
    /// The items of a streamed response. Nothing is sent here: each enumeration of the result builds a request with
    /// <paramref name="createRequest"/>, sends it as every call is sent (credentials, per-call headers, the handler's
    /// retries, the call's timeout until the headers arrive), throws for an error status as <see cref="SendAsync{T}"/>
    /// does, then reads the body in <paramref name="format"/>, each item through <paramref name="typeInfo"/> (or the type
    /// <paramref name="eventTypes"/> maps a server-sent event's name to), at most the call's response cap per item and
    /// within the idle timeout between reads.
    /// </summary>
    public static StreamingResponse<T> StreamAsync<T>(
        HttpClient httpClient,
        Func<HttpRequestMessage> createRequest,
        string operationName,
        StreamFormat format,
        JsonTypeInfo<T> typeInfo,
        EventTypeMap<T>? eventTypes,
        ErrorResponses? errors,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken) =>
        new(new StreamRequest<T>(
            httpClient ?? throw new ArgumentNullException(nameof(httpClient)),
            createRequest ?? throw new ArgumentNullException(nameof(createRequest)),
            operationName ?? throw new ArgumentNullException(nameof(operationName)),
            format,
            typeInfo ?? throw new ArgumentNullException(nameof(typeInfo)),
            eventTypes,
            errors,
            clientDefaults,
            requestOptions,
            cancellationToken));

    /// <summary>
    /// Throws for an error status (typed where declared, scrubbed), ends the call's own timeout (the idle timeout takes
    /// over) and opens the body of a streamed response. A JSON body where events were asked for (a server that ignored
    /// the stream flag or the <c>Accept</c> header) fails with its excerpt: read as events, it would be an empty stream.
    /// </summary>
    internal static async Task<Stream> OpenStreamAsync(HttpCall call, string operationName, StreamFormat format, ErrorResponses? errors, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        try
        {
            await ThrowIfErrorAsync(call, operationName, errors).ConfigureAwait(false);
            if (format == StreamFormat.ServerSentEvents && IsJson(call.Response.Content.Headers.ContentType?.MediaType) is { } mediaType)
            {
                using var body = await call.ReadBodyAsync().ConfigureAwait(false);
                throw new ApiException(
                    operationName,
                    call.Response.StatusCode,
                    "the response is '" + ResponseText.Printable(mediaType, ResponseText.MaxQuotedLength) + "', not an event stream",
                    responseExcerpt: ResponseText.Excerpt(body.Span));
            }
        }
        catch (ApiException exception)
        {
            call.Redact(exception);
            throw;
        }

        return await call.OpenBodyAsync(requestOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The media type when it is JSON (<c>application/json</c>, <c>*/*+json</c>), else null.</summary>
    private static string? IsJson(string? mediaType) =>
        mediaType is not null
            && (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            ? mediaType
            : null;
}
