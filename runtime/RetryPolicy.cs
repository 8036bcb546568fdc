using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime;

/// <summary>
/// How often and how patiently a failed call is tried again: exponential backoff with full jitter, bounded attempts,
/// and a server's <c>Retry-After</c> honoured up to <see cref="MaxRetryAfter"/>. One policy for every client: generated
/// AWS clients apply it themselves (each attempt signed afresh), other clients through
/// <see cref="Http.RetryHandler"/> or, in the generated service registration, Microsoft.Extensions.Http.Resilience.
/// </summary>
/// <remarks>
/// Which failures are retried is not configurable here: 408, 429, 500, 502, 503 and 504 responses and transport errors
/// (a refused or dropped connection, a timeout that is not the caller's cancellation), for requests that can safely be
/// sent twice (see <see cref="Http.RetryHandler"/>); AWS clients retry throttling and 502/503/504 for every operation,
/// a 500 or a dropped connection only for idempotent ones.
/// </remarks>
public sealed class RetryPolicy
{
    private readonly int _maxAttempts = 3;

    /// <summary>Waits on <see cref="TimeProvider"/> unless <see cref="Delay"/> is replaced.</summary>
    public RetryPolicy()
    {
        Delay = WaitAsync;
    }

    /// <summary>Three attempts, 100 ms base delay, 20 s cap, <c>Retry-After</c> up to one minute: the AWS SDKs' standard mode.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>No retries.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts in all, the first included.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxAttempts
    {
        get => _maxAttempts;
        init => _maxAttempts = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxAttempts counts the first attempt: at least 1.");
    }

    /// <summary>The delay before the second attempt, doubled for each later one (before jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay between two attempts that the policy picks itself (a server's <c>Retry-After</c> is capped by <see cref="MaxRetryAfter"/> instead).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The longest wait a server may ask for with <c>Retry-After</c> (seconds or an HTTP-date): a response that asks for
    /// longer is not retried, and the call fails with it at once rather than holding the caller. One minute by default.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock: what an HTTP-date in <c>Retry-After</c> is measured from, and what the default <see cref="Delay"/> waits on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Waits between attempts; by default a timer of <see cref="TimeProvider"/>. Replaceable so tests need not sleep.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; }

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

    /// <summary>
    /// The delay before attempt <paramref name="attempt"/> + 1 after a response that asked for <paramref name="retryAfter"/>
    /// (null: it did not): that wait, else the backoff; null when the server asks for more than <see cref="MaxRetryAfter"/>.
    /// </summary>
    internal TimeSpan? DelayAfter(int attempt, TimeSpan? retryAfter) => retryAfter switch
    {
        null => NextDelay(attempt),
        { } asked when asked > MaxRetryAfter => null,
        { } asked => asked < TimeSpan.Zero ? TimeSpan.Zero : asked,
    };

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return Task.Delay(delay, TimeProvider, cancellationToken);
#else
        return TimeProvider.Delay(delay, cancellationToken);
#endif
    }

#if !NET6_0_OR_GREATER
    private static readonly Random s_random = new();
#endif
}
