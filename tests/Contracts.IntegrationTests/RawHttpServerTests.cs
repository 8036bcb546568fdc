using System;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>The raw-socket test server's own promise: a connection handler that fails makes the test fail.</summary>
public sealed class RawHttpServerTests
{
    [Fact]
    public async Task What_a_handler_throws_is_rethrown_when_the_server_is_disposed()
    {
        var server = RawHttpServer.Start(async connection =>
        {
            await connection.WriteAsync("HTTP/1.1 204 No Content\r\n\r\n");
            throw new InvalidOperationException("the handler gave up");
        });
        using var http = new HttpClient();
        using (await http.GetAsync(server.BaseAddress).WaitAsync(RawConnection.Patience))
        {
        }

        var error = await Assert.ThrowsAsync<AggregateException>(async () => await server.DisposeAsync());

        Assert.Contains(error.InnerExceptions, inner => inner.Message == "the handler gave up");
    }

    [Fact]
    public async Task A_connection_the_server_closes_while_stopping_is_no_failure()
    {
        var accepted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = RawHttpServer.Start(async connection =>
        {
            accepted.SetResult();
            await connection.ClientClosedAsync();
        });
        using var http = new HttpClient();
        var call = http.GetAsync(server.BaseAddress);
        await accepted.Task.WaitAsync(RawConnection.Patience);

        await server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => call.WaitAsync(RawConnection.Patience));
    }
}
