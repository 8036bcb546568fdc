using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Tests.Infrastructure;

/// <summary>Stands in for the network: records what would have been sent and answers 200.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    public List<SentRequest> Requests { get; } = new();

    public SentRequest Last => Requests[^1];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToList());
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Add(new SentRequest(headers, body));
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
    }

    public sealed record SentRequest(Dictionary<string, List<string>> Headers, byte[]? Body)
    {
        /// <summary>The only value of a header; fails when it is missing or repeated.</summary>
        public string Single(string name) => Headers.TryGetValue(name, out var values) ? values.Single() : throw new KeyNotFoundException(name + " was not sent");

        public bool Has(string name) => Headers.ContainsKey(name);
    }
}
