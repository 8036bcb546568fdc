using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime;

/// <summary>
/// How often and how patiently a failed call is tried again: exponential backoff with full jitter, bounded attempts.
/// Throttling and 502/503/504 are retried for every operation (the service did not do the work); a 500 or a dropped
/// connection only for idempotent ones, since the work may have been done.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Three attempts, 100 ms base delay, 20 s cap: the AWS SDKs' standard mode.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>No retries.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The delay before the second attempt, doubled for each later one (before jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Waits between attempts; replaceable so tests need not sleep.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = static (delay, token) => Task.Delay(delay, token);

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1: a random time up to the capped exponential bound.</summary>
    internal TimeSpan NextDelay(int attempt)
    {
        var bound = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
#if NET6_0_OR_GREATER
        var jitter = Random.Shared.NextDouble();
#else
        double jitter;
        lock (s_random)
        {
            jitter = s_random.NextDouble();
        }
#endif
        return TimeSpan.FromMilliseconds(bound * jitter);
    }

#if !NET6_0_OR_GREATER
    private static readonly Random s_random = new();
#endif
}
