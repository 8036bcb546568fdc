using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Benchmarks.Client.Streaming;

/// <summary>
/// The in-memory chat completions service both clients call (no sockets): it drains the request body and answers 200
/// <c>text/event-stream</c> with a fresh read-only stream over one cached body, so the readers pull the events from a
/// stream as they would from the network, and the network itself is not measured.
/// </summary>
internal sealed class StreamingHandler : HttpMessageHandler
{
    private readonly byte[] _body;

    public StreamingHandler(byte[] body) => _body = body;

    /// <summary>When set (validation only), every request is copied here before it is answered.</summary>
    public Action<HttpRequestMessage, byte[]>? Inspect { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Inspect is { } inspect)
        {
            using var copy = new MemoryStream();
            request.Content?.CopyTo(copy, null, cancellationToken);
            inspect(request, copy.ToArray());
        }
        else
        {
            request.Content?.CopyTo(Stream.Null, null, cancellationToken);
        }

        var content = new StreamContent(new MemoryStream(_body, writable: false));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
