using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Contracts.Runtime.Streaming;
using Microsoft.AspNetCore.Http;

namespace Contracts.Runtime.Tests.Streaming;

/// <summary>Hand-built streaming calls (what a generated method writes) against Kestrel on 127.0.0.1.</summary>
internal static class StreamServer
{
    /// <summary>
    /// A client that, like every SocketsHttpHandler, drains a response disposed mid-body to reuse its connection, here
    /// for as long as it takes: only a client that aborts the connection lets the server see the stream end.
    /// </summary>
    public static HttpClient DrainingClient() =>
        new(new SocketsHttpHandler { ResponseDrainTimeout = TimeSpan.FromMinutes(10), MaxResponseDrainSize = int.MaxValue });

    /// <summary>Writes <paramref name="text"/> to the response and flushes it, so that the client receives it now.</summary>
    public static async Task SendAsync(HttpContext context, string text)
    {
        await context.Response.WriteAsync(text, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>Starts a streamed response: status 200, the media type, and the headers sent at once.</summary>
    public static async Task StartAsync(HttpContext context, string mediaType = "text/event-stream")
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = mediaType;
        context.Response.Headers["X-Request-Id"] = "req-1";
        await context.Response.StartAsync(context.RequestAborted);
    }

    /// <summary>The items of <c>GET /stream</c> on <paramref name="baseAddress"/>, read as the generated code reads them.</summary>
    public static StreamingResponse<T> Stream<T>(
        HttpClient httpClient,
        Uri baseAddress,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo,
        StreamFormat format = StreamFormat.ServerSentEvents,
        EventTypeMap<T>? eventTypes = null,
        ErrorResponses? errors = null,
        RequestOptions? clientDefaults = null,
        RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        ContractsHttp.StreamAsync(
            httpClient,
            () => ContractsHttp.CreateRequest(HttpMethod.Get, baseAddress, "/stream"),
            "StreamThings",
            format,
            typeInfo,
            eventTypes,
            errors,
            clientDefaults,
            requestOptions,
            cancellationToken);
}
