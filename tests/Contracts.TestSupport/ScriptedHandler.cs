using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.TestSupport;

/// <summary>
/// Stands in for the network, in memory: records each request in full (headers, content type, body bytes) and
/// answers with the response the test builds from it (200 with no body unless told otherwise).
/// </summary>
public sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly List<SentRequest> _requests = [];

    /// <summary>Answers every request with 200 and no body.</summary>
    public ScriptedHandler()
        : this(_ => new HttpResponseMessage(HttpStatusCode.OK))
    {
    }

    /// <summary>The requests sent so far, in order.</summary>
    public IReadOnlyList<SentRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The last request sent; fails when there was none.</summary>
    public SentRequest Last => Requests[^1];

    public static HttpResponseMessage Respond(HttpStatusCode status, HttpContent content) => new(status) { Content = content };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        lock (_requests)
        {
            _requests.Add(new SentRequest(request.Method, request.RequestUri!.AbsoluteUri, headers, request.Content?.Headers.ContentType?.ToString(), body));
        }

        var response = respond(request);
        response.RequestMessage = request;
        return response;
    }
}
