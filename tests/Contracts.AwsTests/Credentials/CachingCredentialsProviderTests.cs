using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Contracts.AwsTests.Credentials;

/// <summary>The cache in front of network sources: refreshed before expiry, one refresh for many callers, stale but valid credentials kept on failure. Time is a <see cref="FakeTimeProvider"/>.</summary>
public sealed class CachingCredentialsProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A source that counts its calls and answers what the test scripts, or waits for the test's signal.</summary>
    private sealed class ScriptedSource : IAwsCredentialsProvider
    {
        private int _calls;

        public Func<int, Task<AwsCredentials>> Answer { get; set; } = _ => throw new InvalidOperationException("no answer scripted");

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
            new(Answer(Interlocked.Increment(ref _calls)));
    }

    private static AwsCredentials Temporary(int generation, DateTimeOffset expiration) =>
        new("ASIAGENERATION" + generation, "secret-of-generation-" + generation, "token-" + generation) { Expiration = expiration };

    [Fact]
    public async Task Credentials_are_kept_until_between_six_and_five_minutes_before_they_expire()
    {
        var time = new FakeTimeProvider(Start);
        var expiration = Start.AddHours(1);
        var source = new ScriptedSource { Answer = n => Task.FromResult(Temporary(n, expiration.AddHours(n - 1))) };
        var cache = new CachingCredentialsProvider(source, time);

        var first = await cache.GetCredentialsAsync(default);
        time.SetUtcNow(expiration - TimeSpan.FromMinutes(6) - TimeSpan.FromSeconds(1));
        var beforeWindow = await cache.GetCredentialsAsync(default);
        time.SetUtcNow(expiration - TimeSpan.FromMinutes(5));
        var inWindow = await cache.GetCredentialsAsync(default);
        var again = await cache.GetCredentialsAsync(default);

        Assert.Same(first, beforeWindow);
        Assert.Equal("ASIAGENERATION2", inWindow.AccessKeyId);
        Assert.Same(inWindow, again);
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_refresh()
    {
        var time = new FakeTimeProvider(Start);
        var release = new TaskCompletionSource<AwsCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new ScriptedSource { Answer = _ => release.Task };
        var cache = new CachingCredentialsProvider(source, time);

        var callers = Enumerable.Range(0, 20).Select(_ => cache.GetCredentialsAsync(default).AsTask()).ToArray();
        var callsWhileWaiting = source.Calls;
        release.SetResult(Temporary(1, Start.AddHours(1)));
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, callsWhileWaiting);
        Assert.Equal(1, source.Calls);
        Assert.All(results, credentials => Assert.Same(results[0], credentials));
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_valid_credentials_and_waits_before_trying_again_then_fails_once_they_expire()
    {
        var time = new FakeTimeProvider(Start);
        var expiration = Start.AddHours(1);
        var source = new ScriptedSource
        {
            Answer = n => n == 1 ? Task.FromResult(Temporary(1, expiration)) : Task.FromException<AwsCredentials>(new AwsCredentialsException("the source is down")),
        };
        var cache = new CachingCredentialsProvider(source, time);
        var first = await cache.GetCredentialsAsync(default);

        time.SetUtcNow(expiration - TimeSpan.FromMinutes(4));
        var kept = await cache.GetCredentialsAsync(default);
        var keptWithoutAsking = await cache.GetCredentialsAsync(default);
        var callsAfterFailure = source.Calls;
        time.Advance(CachingCredentialsProvider.RetryInterval);
        await cache.GetCredentialsAsync(default);
        var callsAfterInterval = source.Calls;
        time.SetUtcNow(expiration);
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => cache.GetCredentialsAsync(default).AsTask());

        Assert.Same(first, kept);
        Assert.Same(first, keptWithoutAsking);
        Assert.Equal(2, callsAfterFailure);
        Assert.Equal(3, callsAfterInterval);
        Assert.Equal("the source is down", error.Message);
    }

    [Fact]
    public async Task Credentials_without_an_expiration_are_asked_for_once()
    {
        var time = new FakeTimeProvider(Start);
        var source = new ScriptedSource { Answer = _ => Task.FromResult(new AwsCredentials("AKIALONGTERM", "long-term-secret")) };
        var cache = new CachingCredentialsProvider(source, time);

        await cache.GetCredentialsAsync(default);
        time.Advance(TimeSpan.FromDays(400));
        await cache.GetCredentialsAsync(default);

        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public async Task Credentials_that_live_shorter_than_the_margin_are_not_asked_for_on_every_call()
    {
        var time = new FakeTimeProvider(Start);
        var source = new ScriptedSource { Answer = n => Task.FromResult(Temporary(n, time.GetUtcNow().AddMinutes(4))) };
        var cache = new CachingCredentialsProvider(source, time);

        await cache.GetCredentialsAsync(default);
        time.Advance(TimeSpan.FromMinutes(1));
        await cache.GetCredentialsAsync(default);
        var callsWithinHalfTheirLife = source.Calls;
        time.Advance(TimeSpan.FromMinutes(1));
        await cache.GetCredentialsAsync(default);

        Assert.Equal(1, callsWithinHalfTheirLife);
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_refresh_the_others_wait_for()
    {
        var time = new FakeTimeProvider(Start);
        var release = new TaskCompletionSource<AwsCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new ScriptedSource { Answer = _ => release.Task };
        var cache = new CachingCredentialsProvider(source, time);
        using var impatient = new CancellationTokenSource();

        var first = cache.GetCredentialsAsync(impatient.Token).AsTask();
        var second = cache.GetCredentialsAsync(default).AsTask();
        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult(Temporary(1, Start.AddHours(1)));

        Assert.Equal("ASIAGENERATION1", (await second).AccessKeyId);
        Assert.Equal(1, source.Calls);
    }
}
