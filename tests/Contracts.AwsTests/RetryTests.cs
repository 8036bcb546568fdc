using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
using Contracts.Runtime;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>What is tried again, how often, and that every attempt is signed afresh and verified.</summary>
public sealed class RetryTests
{
    private static readonly GetBucketAccessKeysRequest Get = new() { BucketName = "photos" };
    private static readonly CreateBucketAccessKeyRequest Create = new() { BucketName = "photos" };

    [Fact]
    public async Task Throttling_is_retried_until_the_call_succeeds()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.Throttle(2);
        var delays = new List<TimeSpan>();
        using var http = new HttpClient();

        var keys = await Clients.Lightsail(http, fake, Clients.FastRetry(maxAttempts: 3, delays)).GetBucketAccessKeysAsync(Get);

        Assert.Empty(keys.AccessKeys!);
        Assert.Equal(3, fake.CountOf("GetBucketAccessKeys"));
        Assert.Equal(0, fake.SignatureFailures);
        Assert.Equal(2, delays.Count);

        // Full jitter under a doubling bound: 100 ms, then 200 ms.
        Assert.InRange(delays[0], TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        Assert.InRange(delays[1], TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Each_retry_waits_a_random_part_of_a_bound_that_doubles_up_to_MaxDelay()
    {
        const int Attempts = 30;
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.Throttle(Attempts - 1);
        var delays = new List<TimeSpan>();
        using var http = new HttpClient();

        await Clients.Lightsail(http, fake, Clients.FastRetry(Attempts, delays)).GetBucketAccessKeysAsync(Get);

        // The default policy: 100 ms before the second attempt, doubled for each later one, capped at 20 s.
        var bounds = Enumerable.Range(0, Attempts - 1).Select(retry => TimeSpan.FromMilliseconds(Math.Min(20_000, 100 * Math.Pow(2, retry)))).ToList();
        Assert.Equal(bounds.Count, delays.Count);
        var fractions = delays.Zip(bounds, (delay, bound) => delay / bound).ToList();
        Assert.All(fractions, fraction => Assert.InRange(fraction, 0, 1));

        // Full jitter draws each fraction uniformly from [0, 1), so they average 1/2. That 29 of them add up to less
        // than 2.9 has a probability under 1e-17 (2.9^29 / 29!), while a policy that does not wait scores 0.
        Assert.True(fractions.Sum() >= 0.1 * fractions.Count, "the delays asked for: " + string.Join(", ", delays));
    }

    [Fact]
    public async Task Throttling_of_a_non_idempotent_call_is_retried_too()
    {
        // A throttled request was not processed, so even a Create may go again.
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.Throttle(1);
        using var http = new HttpClient();

        await Clients.Lightsail(http, fake).CreateBucketAccessKeyAsync(Create);

        Assert.Equal(2, fake.CountOf("CreateBucketAccessKey"));
        Assert.Single(fake.AccessKeyIds("photos"));
    }

    [Fact]
    public async Task Retries_stop_after_MaxAttempts_with_the_last_error()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.Throttle(10);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<LightsailException>(() => Clients.Lightsail(http, fake, Clients.FastRetry(maxAttempts: 4)).GetBucketAccessKeysAsync(Get));

        Assert.Equal("ThrottlingException", error.ErrorType);
        Assert.Equal(4, fake.CountOf("GetBucketAccessKeys"));
    }

    [Fact]
    public async Task RetryPolicy_None_makes_one_attempt()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.Throttle(1);
        using var http = new HttpClient();

        await Assert.ThrowsAsync<LightsailException>(() => Clients.Lightsail(http, fake, RetryPolicy.None).GetBucketAccessKeysAsync(Get));

        Assert.Equal(1, fake.CountOf("GetBucketAccessKeys"));
    }

    [Fact]
    public async Task A_500_on_a_Create_is_not_retried_because_the_key_may_exist_already()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.FailWithServerError(1);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ServiceException>(() => Clients.Lightsail(http, fake).CreateBucketAccessKeyAsync(Create));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(1, fake.CountOf("CreateBucketAccessKey"));
    }

    [Fact]
    public async Task A_500_on_a_Get_is_retried()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.FailWithServerError(1);
        using var http = new HttpClient();

        await Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(Get);

        Assert.Equal(2, fake.CountOf("GetBucketAccessKeys"));
    }

    [Fact]
    public async Task A_503_is_retried_even_for_a_Create()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.Enqueue(FakeReply.Error(503, "ServiceUnavailableException", "Try later."));
        using var http = new HttpClient();

        await Clients.Lightsail(http, fake).CreateBucketAccessKeyAsync(Create);

        Assert.Equal(2, fake.CountOf("CreateBucketAccessKey"));
    }

    [Fact]
    public async Task A_Retry_After_on_throttling_is_waited_for_instead_of_the_backoff()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.Enqueue(FakeReply.Error(429, "ThrottlingException", null) with { RetryAfter = "3" });
        var delays = new List<TimeSpan>();
        using var http = new HttpClient();

        await Clients.Lightsail(http, fake, Clients.FastRetry(maxAttempts: 3, delays)).GetBucketAccessKeysAsync(Get);

        Assert.Equal([TimeSpan.FromSeconds(3)], delays);
        Assert.Equal(2, fake.CountOf("GetBucketAccessKeys"));
        Assert.Equal(0, fake.SignatureFailures);
    }

    [Fact]
    public async Task A_Retry_After_beyond_MaxRetryAfter_fails_with_the_throttling_error()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.Enqueue(FakeReply.Error(429, "ThrottlingException", null) with { RetryAfter = "120" });
        using var http = new HttpClient();
        var retry = new RetryPolicy { MaxRetryAfter = TimeSpan.FromSeconds(60), Delay = (_, _) => Task.CompletedTask };

        var error = await Assert.ThrowsAsync<LightsailException>(() => Clients.Lightsail(http, fake, retry).GetBucketAccessKeysAsync(Get));

        Assert.Equal("ThrottlingException", error.ErrorType);
        Assert.Equal(1, fake.CountOf("GetBucketAccessKeys"));
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var fake = await FakeLightsail.StartAsync();
        using var http = new HttpClient();

        await Assert.ThrowsAsync<NotFoundException>(() => Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(Get));

        Assert.Equal(1, fake.CountOf("GetBucketAccessKeys"));
    }

    [Fact]
    public async Task Cancellation_during_the_retry_delay_ends_the_call_without_another_attempt()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.Throttle(5);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var retry = new RetryPolicy
        {
            MaxAttempts = 5,
            Delay = async (_, token) =>
            {
                waiting.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
            },
        };
        using var cancellation = new CancellationTokenSource();
        using var http = new HttpClient();

        var call = Clients.Lightsail(http, fake, retry).GetBucketAccessKeysAsync(Get, cancellation.Token);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal(1, fake.CountOf("GetBucketAccessKeys"));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_for_a_Get()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.DropConnection(1);
        using var http = new HttpClient();

        await Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(Get);

        Assert.Equal(2, fake.CountOf("GetBucketAccessKeys"));
    }

    [Fact]
    public async Task A_dropped_connection_on_a_Create_surfaces_as_a_transport_error()
    {
        // The key may or may not exist now; sending again could create a second one.
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.DropConnection(1);
        using var http = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => Clients.Lightsail(http, fake).CreateBucketAccessKeyAsync(Create));

        Assert.Equal(1, fake.CountOf("CreateBucketAccessKey"));
    }

    [Fact]
    public async Task An_already_cancelled_call_sends_nothing()
    {
        await using var fake = await FakeLightsail.StartAsync();
        using var http = new HttpClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(Get, new CancellationToken(canceled: true)));

        Assert.Empty(fake.Exchanges);
    }
}
