using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Benchmarks.Client;

/// <summary>
/// The in-memory service every client calls (no sockets): it drains the request body, as a transport would send it,
/// and answers 200 with a fresh <see cref="ByteArrayContent"/> over one cached body. Identical for every client; its own
/// cost is measured alone by the <c>HandlerOnly</c> benchmark.
/// </summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private readonly byte[] _body;
    private readonly string _mediaType;

    public CannedHandler(byte[] body, string mediaType)
    {
        _body = body;
        _mediaType = mediaType;
    }

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

        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue(_mediaType);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
