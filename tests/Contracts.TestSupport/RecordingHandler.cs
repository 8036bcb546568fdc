using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>An in-memory HTTP handler: records each request (with its body read) and answers with a fixed response.</summary>
internal sealed class RecordingHandler(HttpStatusCode status, string body) : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string Uri, string? Body)> _requests = [];

    public IReadOnlyList<(HttpMethod Method, string Uri, string? Body)> Requests => _requests;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Add((request.Method, request.RequestUri!.AbsoluteUri, content));
        return new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }
}
