using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Keeps the credentials of another provider until shortly before they expire, so that a provider that makes a network
/// call (STS, the container endpoint, the instance metadata service) is asked once per expiry, not once per request.
/// Credentials without an <see cref="AwsCredentials.Expiration"/> are kept for good.
/// </summary>
/// <remarks>
/// <para>
/// Credentials are refreshed between six and five minutes before they expire (<see cref="RefreshMargin"/> plus up to
/// <see cref="RefreshJitter"/>, chosen at random for each set): five minutes is what the AWS SDKs use, long enough for
/// a request signed just before the refresh to be sent, retried and accepted, and the random minute keeps a fleet of
/// processes that received the same credentials from the same role from refreshing in the same second.
/// </para>
/// <para>
/// Concurrent callers that find the credentials due share one refresh. When a refresh fails while the held credentials
/// have not yet expired, they are still returned and the refresh is tried again no sooner than
/// <see cref="RetryInterval"/> later; once they have expired, the failure is the caller's.
/// </para>
/// </remarks>
public sealed class CachingCredentialsProvider : IAwsCredentialsProvider
{
    private readonly IAwsCredentialsProvider _inner;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly TimeSpan _jitter;
    private readonly object _gate = new();
    private AwsCredentials? _current;
    private DateTimeOffset _refreshAt;
    private TaskCompletionSource<AwsCredentials>? _refresh;

    /// <summary>Caches the credentials of <paramref name="inner"/>, reading the time from <paramref name="timeProvider"/> (the system clock when null).</summary>
    public CachingCredentialsProvider(IAwsCredentialsProvider inner, TimeProvider? timeProvider = null)
        : this(inner, timeProvider, RefreshJitter, new Random())
    {
    }

    // The profile and web identity providers cache through this class too, without the jitter: they document (and
    // their callers rely on) credentials being kept until exactly RefreshMargin before they expire.
    internal CachingCredentialsProvider(IAwsCredentialsProvider inner, TimeProvider? timeProvider, TimeSpan refreshJitter, Random random)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _time = timeProvider ?? TimeProvider.System;
        _jitter = refreshJitter;
        _random = random;
    }

    /// <summary>How long before their expiration credentials are refreshed, at least: five minutes.</summary>
    public static TimeSpan RefreshMargin { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The most, added at random to <see cref="RefreshMargin"/> for each set of credentials: one minute.</summary>
    public static TimeSpan RefreshJitter { get; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after a failed refresh the still-valid credentials are used before the next try: 30 seconds.</summary>
    public static TimeSpan RetryInterval { get; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">The wrapped provider failed and no unexpired credentials are held.</exception>
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<AwsCredentials> refresh;
        var owner = false;
        lock (_gate)
        {
            if (_current is not null && _time.GetUtcNow() < _refreshAt)
            {
                return _current;
            }

            if (_refresh is null)
            {
                _refresh = new TaskCompletionSource<AwsCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
                owner = true;
            }

            refresh = _refresh;
        }

        if (owner)
        {
            // Not awaited here, and not given the caller's token: one caller giving up must not fail the refresh the
            // others wait for (the wrapped providers bound their own calls with timeouts). RefreshAsync never throws;
            // it completes the shared task either way.
            _ = RefreshAsync(refresh);
        }

        return await WaitAsync(refresh.Task, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => "CachingCredentialsProvider(" + _inner + ")";

    private async Task RefreshAsync(TaskCompletionSource<AwsCredentials> refresh)
    {
        AwsCredentials? fresh = null;
        Exception? failure = null;
        try
        {
            fresh = await _inner.GetCredentialsAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        AwsCredentials? result;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (fresh is not null)
            {
                _current = fresh;
                _refreshAt = RefreshTime(fresh, now);
            }
            else if (_current is { } held && (held.Expiration is not { } expiration || now < expiration))
            {
                // Still valid: keep signing with it, and give the source a rest before asking again.
                _refreshAt = held.Expiration is { } until && until < now + RetryInterval ? until : now + RetryInterval;
            }

            result = fresh ?? (_current is { } kept && (kept.Expiration is not { } end || now < end) ? kept : null);
            _refresh = null;
        }

        if (result is not null)
        {
            refresh.SetResult(result);
        }
        else
        {
            refresh.SetException(failure!);
        }
    }

    private DateTimeOffset RefreshTime(AwsCredentials credentials, DateTimeOffset now)
    {
        if (credentials.Expiration is not { } expiration)
        {
            return DateTimeOffset.MaxValue;
        }

        var margin = RefreshMargin + TimeSpan.FromTicks((long)(_jitter.Ticks * _random.NextDouble()));
        var refreshAt = expiration - margin;

        // Credentials that live shorter than the margin would otherwise be fetched again on every call: keep them for
        // half of what is left instead.
        return refreshAt > now ? refreshAt : now + TimeSpan.FromTicks(Math.Max(0, (expiration - now).Ticks / 2));
    }

    private static async Task<AwsCredentials> WaitAsync(Task<AwsCredentials> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return await task.ConfigureAwait(false);
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }

        return await task.ConfigureAwait(false);
    }
}
