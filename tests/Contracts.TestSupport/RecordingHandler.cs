using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.TestSupport;

/// <summary>
/// Stands in for the network, in memory, for JSON calls: records each request's method, URI and body text and answers
/// every one with the same status and JSON body. <see cref="ScriptedHandler"/> records headers and bytes too.
/// </summary>
public sealed class RecordingHandler(HttpStatusCode status, string body) : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string Uri, string? Body)> _requests = [];

    public IReadOnlyList<(HttpMethod Method, string Uri, string? Body)> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_requests)
        {
            _requests.Add((request.Method, request.RequestUri!.AbsoluteUri, content));
        }

        return new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }
}
