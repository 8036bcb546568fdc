using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Http;

/// <summary>Responses with declared error types, optional bodies, text and binary results; request bodies that are not JSON.</summary>
public static partial class ContractsHttp
{
    /// <summary>Sends a request whose successful response carries no body; declared errors are thrown typed.</summary>
    internal static Task SendAsync(HttpClient httpClient, HttpRequestMessage request, string operationName, ErrorResponses? errors, CancellationToken cancellationToken) =>
        SendAsync(httpClient, request, operationName, errors, clientDefaults: null, requestOptions: null, cancellationToken);

    /// <summary>
    /// Sends a request whose successful response carries no body; declared errors are thrown typed. Bodies are capped
    /// by <paramref name="requestOptions"/>, else <paramref name="clientDefaults"/> (the client's options), else the
    /// <see cref="HttpClient"/>'s own lowered cap, else 64 MiB.
    /// </summary>
    public static async Task SendAsync(
        HttpClient httpClient,
        HttpRequestMessage request,
        string operationName,
        ErrorResponses? errors,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        // The request is the call's to dispose: the generated method hands it over and returns this task unawaited.
        using var sent = request;
        using var call = await HttpCall.SendAsync(httpClient, request, operationName, clientDefaults, requestOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            await ThrowIfErrorAsync(call, operationName, errors).ConfigureAwait(false);
            call.DeliverTo(requestOptions);
        }
        catch (ApiException exception)
        {
            call.Redact(exception);
            throw;
        }
    }

    /// <summary>
    /// Sends a request and reads its JSON result, the body capped by <paramref name="requestOptions"/>, else
    /// <paramref name="clientDefaults"/>. With <paramref name="allowEmpty"/> an empty body gives <c>default</c>.
    /// </summary>
    public static Task<T?> SendAsync<T>(
        HttpClient httpClient,
        HttpRequestMessage request,
        string operationName,
        JsonTypeInfo<T> typeInfo,
        ErrorResponses? errors,
        bool allowEmpty,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken) =>
        SendJsonAsync(httpClient, request, operationName, typeInfo, errors, allowEmpty, streamingMethod: null, clientDefaults, requestOptions, cancellationToken);

    /// <summary>
    /// Sends a request of an operation that offers its result as JSON and as a stream, and reads the JSON result as
    /// <c>SendAsync</c> does. An answer that is a server-sent event stream anyway (OpenAI's chat completions with
    /// <c>stream: true</c>) fails at once with an <see cref="ApiException"/> that names <paramref name="streamingMethod"/>,
    /// the client method that reads the stream.
    /// </summary>
    public static Task<T?> SendBesideStreamAsync<T>(
        HttpClient httpClient,
        HttpRequestMessage request,
        string operationName,
        JsonTypeInfo<T> typeInfo,
        ErrorResponses? errors,
        bool allowEmpty,
        string streamingMethod,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken) =>
        SendJsonAsync(httpClient, request, operationName, typeInfo, errors, allowEmpty, streamingMethod, clientDefaults, requestOptions, cancellationToken);

    /// <summary>
    /// The JSON result. An answer that is a server-sent event stream is not read (it may never end): it fails at once,
    /// naming <paramref name="streamingMethod"/> when the operation has one.
    /// </summary>
    private static async Task<T?> SendJsonAsync<T>(
        HttpClient httpClient,
        HttpRequestMessage request,
        string operationName,
        JsonTypeInfo<T> typeInfo,
        ErrorResponses? errors,
        bool allowEmpty,
        string? streamingMethod,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        // The request is the call's to dispose: the generated method hands it over and returns this task unawaited.
        using var sent = request;
        using var call = await HttpCall.SendAsync(httpClient, request, operationName, clientDefaults, requestOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            await ThrowIfErrorAsync(call, operationName, errors).ConfigureAwait(false);
            ThrowIfEventStream(call, operationName, streamingMethod);
            using var body = await call.ReadBodyAsync().ConfigureAwait(false);
            if (body.Length == 0)
            {
                if (!allowEmpty)
                {
                    throw new ApiException(operationName, call.Response.StatusCode, "the response body is empty", responseExcerpt: string.Empty);
                }

                call.DeliverTo(requestOptions);
                return default;
            }

            var result = ReadResult(body.Span, call.Response.StatusCode, operationName, typeInfo);
            call.DeliverTo(requestOptions);
            return result;
        }
        catch (ApiException exception)
        {
            call.Redact(exception);
            throw;
        }
    }

    /// <summary>
    /// A JSON method answered with <c>text/event-stream</c> (OpenAI's chat completions with <c>stream: true</c>): the
    /// body is events, not one JSON value, and reading it whole would wait for the stream's end.
    /// </summary>
    private static void ThrowIfEventStream(HttpCall call, string operationName, string? streamingMethod)
    {
        if (!string.Equals(call.Response.Content?.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var advice = streamingMethod is null ? "the operation does not declare it" : "call " + streamingMethod + " to read it event by event";
        throw new ApiException(operationName, call.Response.StatusCode, "the service answered with an event stream (text/event-stream), which this method does not read; " + advice);
    }

    /// <summary>Sends a request whose result is text (<c>text/*</c>), decoded with the response's charset (UTF-8 by default).</summary>
    internal static Task<string> SendTextAsync(HttpClient httpClient, HttpRequestMessage request, string operationName, ErrorResponses? errors, CancellationToken cancellationToken) =>
        SendTextAsync(httpClient, request, operationName, errors, clientDefaults: null, requestOptions: null, cancellationToken);

    /// <summary>Sends a request whose result is text (<c>text/*</c>), the body capped by <paramref name="requestOptions"/>, else <paramref name="clientDefaults"/>.</summary>
    public static async Task<string> SendTextAsync(
        HttpClient httpClient,
        HttpRequestMessage request,
        string operationName,
        ErrorResponses? errors,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        // The request is the call's to dispose: the generated method hands it over and returns this task unawaited.
        using var sent = request;
        using var call = await HttpCall.SendAsync(httpClient, request, operationName, clientDefaults, requestOptions, cancellationToken).ConfigureAwait(false);
        PooledBody body;
        try
        {
            await ThrowIfErrorAsync(call, operationName, errors).ConfigureAwait(false);
            body = await call.ReadBodyAsync().ConfigureAwait(false);
        }
        catch (ApiException exception)
        {
            call.Redact(exception);
            throw;
        }

        using (body)
        {
            var encoding = Encoding.UTF8;
            if (call.Response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset)
            {
                try
                {
                    encoding = Encoding.GetEncoding(charset.Trim('"'));
                }
                catch (System.ArgumentException)
                {
                    // An unknown charset: UTF-8 is the best guess.
                }
            }

            var text = body.Decode(encoding);
            call.DeliverTo(requestOptions);
            return text;
        }
    }

    /// <summary>
    /// Sends a request whose result is binary. The body is not buffered, so the size cap and the timeout do not apply
    /// to it: the returned stream reads from the connection as the caller reads, and owns the response, so the caller
    /// must dispose it. Error bodies are read and capped as for other results.
    /// </summary>
    public static async Task<Stream> SendStreamAsync(
        HttpClient httpClient,
        HttpRequestMessage request,
        string operationName,
        ErrorResponses? errors,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        // The request is the call's to dispose: the generated method hands it over and returns this task unawaited.
        using var sent = request;
        var call = await HttpCall.SendAsync(httpClient, request, operationName, clientDefaults, requestOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            await ThrowIfErrorAsync(call, operationName, errors).ConfigureAwait(false);
            // The caller reads the body: the call's own timeout, like HttpClient.Timeout, ends with the headers.
            var stream = await call.OpenBodyAsync(requestOptions, cancellationToken).ConfigureAwait(false);
            return new ResponseStream(stream, call.Response);
        }
        catch (ApiException exception)
        {
            call.Redact(exception);
            call.Dispose();
            throw;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>A text request body (<c>text/plain</c> and other <c>text/*</c> types), UTF-8.</summary>
    public static HttpContent CreateTextContent(string value, string mediaType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    /// <summary>A binary request body read from <paramref name="value"/> when sent; the caller keeps ownership of the stream.</summary>
    public static HttpContent CreateStreamContent(Stream value, string mediaType)
    {
        // Disposing the request disposes its content, and StreamContent disposes its stream: the wrapper keeps the
        // caller's stream open, as the generated docs promise.
        var content = new StreamContent(new CallerOwnedStream(value));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static async Task ThrowIfErrorAsync(HttpCall call, string operationName, ErrorResponses? errors)
    {
        var response = call.Response;
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        byte[] body;
        using (var pooled = await call.ReadBodyAsync().ConfigureAwait(false))
        {
            body = pooled.ToArray();
        }

        throw errors?.TryCreate(operationName, response.StatusCode, body)
            ?? new ApiException(operationName, response.StatusCode, "the service returned an error status", responseExcerpt: ResponseText.Excerpt(body));
    }
}
