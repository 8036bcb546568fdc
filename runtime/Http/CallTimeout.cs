using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Http;

/// <summary>
/// The timeout of one call set by <see cref="RequestOptions.Timeout"/> (the call's, else the client's): a source linked
/// to the caller's token that cancels itself when the time is up. Created only for calls that set one.
/// </summary>
internal sealed class CallTimeout : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly TimeSpan _timeout;
    private readonly bool _fromClient;

    private CallTimeout(CancellationToken callerToken, TimeSpan timeout, bool fromClient)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        _timeout = timeout;
        _fromClient = fromClient;
        _source.CancelAfter(timeout);
    }

    /// <summary>Cancelled when the caller cancels or the time is up.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The timeout the call's options set, started now; null when they set none (or an infinite one).</summary>
    public static CallTimeout? Start(RequestOptions? clientDefaults, RequestOptions? callOptions, CancellationToken callerToken)
    {
        var perCall = callOptions?.Timeout;
        if ((perCall ?? clientDefaults?.Timeout) is not { } timeout || timeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        return new CallTimeout(callerToken, timeout, fromClient: perCall is null);
    }

    /// <summary>Whether the time ran out (rather than the caller cancelling).</summary>
    public bool HasElapsed(CancellationToken callerToken) => _source.IsCancellationRequested && !callerToken.IsCancellationRequested;

    /// <summary>The exception <c>HttpClient</c> throws when its own timeout elapses, naming this setting instead.</summary>
    public TaskCanceledException Elapsed(Exception cause) =>
        new(
            "The request was canceled due to the timeout of " + _timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " seconds set by "
                + (_fromClient ? "Timeout in the client's options" : "RequestOptions.Timeout for this call") + " elapsing.",
            new TimeoutException(cause.Message, cause));

    public void Dispose() => _source.Dispose();
}
