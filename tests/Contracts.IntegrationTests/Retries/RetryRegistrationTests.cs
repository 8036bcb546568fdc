using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Contracts.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Contracts.IntegrationTests.Retries;

/// <summary>
/// The generated <c>services.AddRetriesClient(…)</c> in a project that references Microsoft.Extensions.Http.Resilience:
/// calls retry through its resilience handler, by the runtime's rules, on by default, over Kestrel, with the clock
/// injected through the policy (<see cref="TimerClock"/>), never slept.
/// </summary>
public sealed class RetryRegistrationTests
{
    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_seconds_the_server_asked_for()
    {
        await using var server = await Replies.StartAsync((429, "2", "{}"), (200, null, Replies.Items));
        var clock = new TimerClock();
        await using var provider = Provider(server, new RetryPolicy { TimeProvider = clock });

        var call = provider.GetRequiredService<IRetriesClient>().ListItemsAsync();
        var waited = await clock.AdvanceToNextTimerAsync();
        var items = await call;

        Assert.Equal(TimeSpan.FromSeconds(2), waited);
        Assert.Equal(["a", "b"], items);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_503_is_retried_after_the_Retry_After_date_the_server_named()
    {
        var clock = new TimerClock();
        await using var server = await Replies.StartAsync((503, clock.GetUtcNow().AddSeconds(45).ToString("r"), "{}"), (200, null, Replies.Items));
        await using var provider = Provider(server, new RetryPolicy { TimeProvider = clock });

        var call = provider.GetRequiredService<IRetriesClient>().ListItemsAsync();
        var waited = await clock.AdvanceToNextTimerAsync();
        await call;

        Assert.Equal(TimeSpan.FromSeconds(45), waited);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_are_on_by_default()
    {
        await using var server = await Replies.StartAsync((503, "0", "{}"), (200, null, Replies.Items));
        await using var provider = Provider(server, retry: null);

        var items = await provider.GetRequiredService<IRetriesClient>().ListItemsAsync();

        Assert.Equal(["a", "b"], items);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task RetryPolicy_None_turns_them_off()
    {
        await using var server = await Replies.StartAsync((503, "0", "{}"), (200, null, Replies.Items));
        await using var provider = Provider(server, RetryPolicy.None);

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IRetriesClient>().ListItemsAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retry_MaxAttempts_binds_from_configuration()
    {
        await using var server = await Replies.StartAsync((503, "0", "{}"), (503, "0", "{}"), (200, null, Replies.Items));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Retries:BaseAddress"] = server.BaseAddress.ToString(), ["Retries:Retry:MaxAttempts"] = "2" })
            .Build();
        var services = new ServiceCollection();
        services.AddRetriesClient(configuration.GetSection("Retries"));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IRetriesClient>().ListItemsAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_Retry_After_beyond_MaxRetryAfter_fails_at_once()
    {
        await using var server = await Replies.StartAsync((429, "600", "{}"), (200, null, Replies.Items));
        var clock = new TimerClock();
        await using var provider = Provider(server, new RetryPolicy { TimeProvider = clock, MaxRetryAfter = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IRetriesClient>().ListItemsAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(server.Requests);
        Assert.True(clock.NoTimerStarted);
    }

    [Fact]
    public async Task A_POST_without_an_idempotency_key_is_not_retried()
    {
        await using var server = await Replies.StartAsync((503, "0", "{}"), (200, null, """{"id":"ch_1"}"""));
        await using var provider = Provider(server, retry: null);

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IRetriesClient>().CreateChargeAsync(new Charge { Amount = 5 }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_POST_with_an_idempotency_key_is_retried_with_the_same_key()
    {
        await using var server = await Replies.StartAsync((503, "0", "{}"), (200, null, """{"id":"ch_1"}"""));
        await using var provider = Provider(server, retry: null);

        var charge = await provider.GetRequiredService<IRetriesClient>().CreateChargeAsync(new Charge { Amount = 5 }, idempotencyKey: "order-7");

        Assert.Equal("ch_1", charge.Id);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, request => Assert.Equal("order-7", request.Headers["Idempotency-Key"]));
        Assert.All(server.Requests, request => Assert.Equal("""{"amount":5}""", request.BodyText));
    }

    [Fact]
    public async Task A_stream_upload_is_not_sent_twice()
    {
        await using var server = await Replies.StartAsync((503, "0", "{}"), (204, null, ""));
        await using var provider = Provider(server, retry: null);

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IRetriesClient>().UploadFileAsync("a.bin", new MemoryStream([1, 2, 3])));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_reset_connection_is_retried_for_a_GET()
    {
        await using var server = Replies.ResetFirstConnection(Replies.Items);
        var services = new ServiceCollection();
        services.AddRetriesClient(options => options.BaseAddress = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var items = await provider.GetRequiredService<IRetriesClient>().ListItemsAsync();

        Assert.Equal(["a", "b"], items);
    }

    private static ServiceProvider Provider(LoopbackServer server, RetryPolicy? retry)
    {
        var services = new ServiceCollection();
        services.AddRetriesClient(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.Retry = retry;
        });
        return services.BuildServiceProvider();
    }
}
