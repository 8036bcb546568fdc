using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.IntegrationTests.Retries;

/// <summary>
/// The path without dependency injection: a generated client whose <see cref="HttpClient"/> has a
/// <see cref="RetryHandler"/> over a <see cref="SafeRedirectHandler"/>, against Kestrel, the clock injected.
/// </summary>
public sealed class RetryHandlerOverHttpTests
{
    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_seconds_the_server_asked_for()
    {
        await using var server = await Replies.StartAsync((429, "3", "{}"), (200, null, Replies.Items));
        var clock = new TimerClock();
        using var http = Http(new RetryPolicy { TimeProvider = clock });

        var call = Client(http, server.BaseAddress).ListItemsAsync();
        var waited = await clock.AdvanceToNextTimerAsync();
        var items = await call;

        Assert.Equal(TimeSpan.FromSeconds(3), waited);
        Assert.Equal(["a", "b"], items);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Without_a_RetryHandler_a_429_fails_at_once()
    {
        await using var server = await Replies.StartAsync((429, "0", "{}"), (200, null, Replies.Items));
        using var http = new HttpClient(new SafeRedirectHandler());

        var error = await Assert.ThrowsAsync<ApiException>(() => Client(http, server.BaseAddress).ListItemsAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_POST_is_retried_only_with_an_idempotency_key()
    {
        await using var server = await Replies.StartAsync((503, "0", "{}"), (503, "0", "{}"), (200, null, """{"id":"ch_1"}"""));
        using var http = Http(RetryPolicy.Default);
        var client = Client(http, server.BaseAddress);

        await Assert.ThrowsAsync<ApiException>(() => client.CreateChargeAsync(new Charge { Amount = 5 }));
        var charge = await client.CreateChargeAsync(new Charge { Amount = 5 }, idempotencyKey: "order-7");

        Assert.Equal("ch_1", charge.Id);
        Assert.Equal(3, server.Requests.Count);
        Assert.False(server.Requests[0].Headers.ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task A_stream_upload_is_not_sent_twice()
    {
        await using var server = await Replies.StartAsync((503, "0", "{}"), (204, null, ""));
        using var http = Http(RetryPolicy.Default);

        await Assert.ThrowsAsync<ApiException>(() => Client(http, server.BaseAddress).UploadFileAsync("a.bin", new MemoryStream([1, 2, 3])));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_reset_connection_is_retried_for_a_GET()
    {
        await using var server = Replies.ResetFirstConnection(Replies.Items);
        using var http = Http(RetryPolicy.Default);

        var items = await Client(http, server.BaseAddress).ListItemsAsync();

        Assert.Equal(["a", "b"], items);
    }

    [Fact]
    public async Task The_caller_cancelling_is_not_retried()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = Http(RetryPolicy.Default);
        using var cancellation = new CancellationTokenSource();

        var call = Client(http, server.BaseAddress).ListItemsAsync(cancellation.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Requests);
    }

    private static HttpClient Http(RetryPolicy policy) => new(new RetryHandler(policy, new SafeRedirectHandler()));

    private static RetriesClient Client(HttpClient http, Uri baseAddress) => new(http, new RetriesClientOptions { BaseAddress = baseAddress });
}
