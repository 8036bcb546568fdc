using System;
using System.Threading;

namespace Contracts.Runtime.Http;

/// <summary>
/// The cancellation a body is read under: the caller's token or what is left of <c>HttpClient.Timeout</c>, whichever
/// comes first. On .NET 8 its source is reused: after a read that did not time out, <c>TryReset</c> stops the timer and
/// drops every registration, and the source (with its timer) waits in a per-thread slot for the next call, so a call
/// allocates neither a source nor a timer.
/// </summary>
internal readonly struct BodyTimeout : IDisposable
{
#if NET6_0_OR_GREATER
    [ThreadStatic]
    private static CancellationTokenSource? t_spare;
#endif

    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _link;

    private BodyTimeout(CancellationTokenSource source, CancellationTokenRegistration link)
    {
        _source = source;
        _link = link;
    }

    public CancellationToken Token => _source.Token;

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    public static BodyTimeout Start(CancellationToken callerToken, TimeSpan delay)
    {
#if NET6_0_OR_GREATER
        var source = t_spare ?? new CancellationTokenSource();
        t_spare = null;
        var link = callerToken.CanBeCanceled
            ? callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
#else
        var source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        var link = default(CancellationTokenRegistration);
#endif
        source.CancelAfter(delay);
        return new BodyTimeout(source, link);
    }

    /// <summary>Ends the read: unlinks the caller's token and keeps the source for reuse unless it was cancelled.</summary>
    public void Dispose()
    {
        _link.Dispose();
#if NET6_0_OR_GREATER
        if (t_spare is null && _source.TryReset())
        {
            t_spare = _source;
            return;
        }
#endif
        _source.Dispose();
    }
}
