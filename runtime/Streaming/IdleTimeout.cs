using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Streaming;

/// <summary>
/// The longest a stream may stay silent, and the setting that decided it (named when it elapses): the call's
/// <see cref="RequestOptions.StreamIdleTimeout"/>, the client's, then the call's <see cref="RequestOptions.Timeout"/>,
/// the client's, then <see cref="HttpClient.Timeout"/>.
/// </summary>
internal readonly struct IdleTimeout
{
    private readonly string _source;

    private IdleTimeout(TimeSpan value, string source)
    {
        Value = value;
        _source = source;
    }

    /// <summary>The timeout, or <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan Value { get; }

    public static IdleTimeout Resolve(HttpClient httpClient, RequestOptions? clientDefaults, RequestOptions? requestOptions)
    {
        if (requestOptions?.StreamIdleTimeout is { } perCall)
        {
            return new IdleTimeout(perCall, "RequestOptions.StreamIdleTimeout for this call");
        }

        if (clientDefaults?.StreamIdleTimeout is { } perClient)
        {
            return new IdleTimeout(perClient, "StreamIdleTimeout in the client's options");
        }

        if (requestOptions?.Timeout is { } callTimeout)
        {
            return new IdleTimeout(callTimeout, "RequestOptions.Timeout for this call");
        }

        if (clientDefaults?.Timeout is { } clientTimeout)
        {
            return new IdleTimeout(clientTimeout, "Timeout in the client's options");
        }

        return new IdleTimeout(httpClient.Timeout, "HttpClient.Timeout");
    }

    /// <summary>The exception <c>HttpClient</c> throws when its own timeout elapses, saying that the stream was idle and which setting allowed how long.</summary>
    public TaskCanceledException Elapsed(Exception cause) =>
        new(
            "The stream was canceled after receiving nothing for " + Value.TotalSeconds.ToString(CultureInfo.InvariantCulture)
                + " seconds, the idle timeout set by " + _source + ".",
            new TimeoutException(cause.Message, cause));
}
