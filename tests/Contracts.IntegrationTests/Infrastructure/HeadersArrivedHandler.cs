using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.IntegrationTests.Infrastructure;

/// <summary>
/// Signals when a response's headers have reached the client, so that a test can act (reset the connection,
/// cancel the call) exactly while the body is being read — ordering by a signal, never by a delay.
/// </summary>
public sealed class HeadersArrivedHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly TaskCompletionSource _headersArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task HeadersArrived => _headersArrived.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        _headersArrived.TrySetResult();
        return response;
    }
}
