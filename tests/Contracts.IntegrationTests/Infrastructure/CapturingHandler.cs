using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.IntegrationTests.Infrastructure;

/// <summary>
/// An in-memory HttpMessageHandler for requests that must not leave the machine (e.g. to the spec's real server URL):
/// records each request URI and answers with a fixed JSON body.
/// </summary>
public sealed class CapturingHandler(HttpStatusCode status, string body) : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        });
    }
}
