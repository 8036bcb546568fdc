using System;
using System.Collections.Generic;
using System.ComponentModel;
using Contracts.Runtime.Authentication;
using Contracts.Runtime.Http;
using Contracts.Runtime.Paging;

namespace Contracts.Runtime;

/// <summary>
/// Settings for one call of a generated client, passed as its last argument (<c>requestOptions:</c>). What is set here
/// takes precedence over the client's options for that call only; what is left null keeps the client's setting.
/// </summary>
public sealed class RequestOptions
{
    private long? _maxResponseContentBufferSize;

    /// <summary>
    /// The most bytes of a response body the call reads into memory, counted after decompression; a longer body fails
    /// with an <see cref="ApiException"/>. Null keeps the client's limit: its options' <c>MaxResponseContentBufferSize</c>,
    /// else a lowered <see cref="System.Net.Http.HttpClient.MaxResponseContentBufferSize"/>, else 64 MiB.
    /// <c>Stream</c> results are read by the caller and are not capped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public long? MaxResponseContentBufferSize
    {
        get => _maxResponseContentBufferSize;
        set => _maxResponseContentBufferSize = value is null or > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxResponseContentBufferSize must be a positive number of bytes.");
    }

    /// <summary>The client's security schemes and credentials; set on the client-level options only.</summary>
    internal ClientAuthentication? Authentication { get; private set; }

    /// <summary>
    /// Attaches the client's authentication to these (client-level) options and returns them. Generated client
    /// constructors call this; it is plumbing.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RequestOptions WithAuthentication(ClientAuthentication authentication)
    {
        Authentication = authentication ?? throw new ArgumentNullException(nameof(authentication));
        return this;
    }

    // The per-call members below are kept apart from the response-size cap and from the client-level plumbing that
    // other members carry, so that a call without them costs nothing more than before.
    private Dictionary<string, string>? _headers;
    private TimeSpan? _timeout;
    private TimeSpan? _streamIdleTimeout;

    /// <summary>
    /// Extra request headers (names compared without regard to case). Each replaces a header of the same name that the
    /// generated method set (a header parameter, <c>Accept</c>) or that <see cref="System.Net.Http.HttpClient.DefaultRequestHeaders"/>
    /// would add; content headers (<c>Content-Type</c>, <c>Content-Language</c>…) go on the request body. Checked when
    /// the call is sent, before anything is: a name that is not an HTTP token, <c>Host</c>, <c>Content-Length</c> and
    /// <c>Transfer-Encoding</c> (the transport sets them), a content header on a request without a body, and a value
    /// with a line break (CR, LF) or NUL are refused with an <see cref="ArgumentException"/> naming the header.
    /// </summary>
    public IDictionary<string, string> Headers => _headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The longest this call may take, from sending the request until its response body has been read (a <c>Stream</c>
    /// result: until its headers arrived), including the retries a handler of the <c>HttpClient</c> makes and their
    /// delays (an AWS client, which retries and re-signs outside it, gives each attempt this long);
    /// <see cref="System.Net.Http.HttpClient.Timeout"/> still applies too, whichever ends first. When it elapses, the call throws the <see cref="System.Threading.Tasks.TaskCanceledException"/>
    /// (with a <see cref="TimeoutException"/> inside) that <c>HttpClient</c> throws for its own timeout, naming this
    /// setting. Null keeps the client's setting; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> sets none for this call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than infinite), or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set => _timeout = value is not { } timeout
            || timeout == System.Threading.Timeout.InfiniteTimeSpan
            || (timeout > TimeSpan.Zero && timeout.TotalMilliseconds <= int.MaxValue)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Timeout must be positive (at most Int32.MaxValue milliseconds) or Timeout.InfiniteTimeSpan.");
    }

    /// <summary>
    /// For a streamed result (<c>StreamingResponse&lt;T&gt;</c>: server-sent events, JSON Lines): the longest the stream
    /// may stay silent, that is, the longest wait for its next bytes once its headers arrived (a comment a server
    /// sends to keep the connection alive counts). When it elapses, the enumeration throws the
    /// <see cref="System.Threading.Tasks.TaskCanceledException"/> (with a <see cref="TimeoutException"/> inside) that
    /// <c>HttpClient</c> throws for its own timeout, naming this setting, and the connection is closed. The whole
    /// stream has no time limit. Null keeps the client's setting, else uses <see cref="Timeout"/> (the call's, else the
    /// client's), else <see cref="System.Net.Http.HttpClient.Timeout"/>; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// sets none.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than infinite), or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public TimeSpan? StreamIdleTimeout
    {
        get => _streamIdleTimeout;
        set => _streamIdleTimeout = value is not { } timeout
            || timeout == System.Threading.Timeout.InfiniteTimeSpan
            || (timeout > TimeSpan.Zero && timeout.TotalMilliseconds <= int.MaxValue)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "StreamIdleTimeout must be positive (at most Int32.MaxValue milliseconds) or Timeout.InfiniteTimeSpan.");
    }

    /// <summary>
    /// Sent as the <c>Idempotency-Key</c> header (replacing one in <see cref="Headers"/>): the service does the work of
    /// a repeated request with the same key only once, which also makes a call that is not idempotent (a <c>POST</c>)
    /// safe to retry. Use a new unique value (a GUID) per logical operation. Checked like <see cref="Headers"/>.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>How this call is retried, overriding the client's policy; <see cref="RetryPolicy.None"/> turns retries off for it. Null keeps the client's policy.</summary>
    public RetryPolicy? Retry { get; set; }

    /// <summary>
    /// Whether this call checks its body and parameters against the OpenAPI document's constraints (<c>minimum</c>,
    /// <c>maxLength</c>, <c>pattern</c>…) before sending, throwing a <see cref="Validation.RequestValidationException"/>
    /// that lists every violation, with nothing sent. Null keeps the client's setting (its options' <c>ValidateRequests</c>,
    /// off unless set); only clients whose document declares constraints on request values validate.
    /// </summary>
    public bool? ValidateRequest { get; set; }

    /// <summary>Where a twin <c>…WithResponseAsync</c> method receives the response's status and headers; null for every other call.</summary>
    internal ResponseCapture? Capture { get; private set; }

    /// <summary>Where a paginator sends this call instead of the address the generated method built (the next page's link); null for every other call.</summary>
    internal PageLink? PageLink { get; private set; }

    /// <summary>As <see cref="Capturing"/>, the call sent to <paramref name="pageLink"/> when there is one (paginators).</summary>
    internal static RequestOptions CapturingPage(RequestOptions? callOptions, ResponseCapture capture, PageLink? pageLink)
    {
        var copy = Capturing(callOptions, capture);
        copy.PageLink = pageLink;
        return copy;
    }

    /// <summary>Whether the call sends headers of its own (no dictionary is created to find out).</summary>
    internal bool HasHeaders => _headers is { Count: > 0 } || IdempotencyKey is not null;

    /// <summary>The extra headers, or null when none were added.</summary>
    internal IReadOnlyDictionary<string, string>? HeadersOrNull => _headers is { Count: > 0 } headers ? headers : null;

    /// <summary>
    /// A copy of <paramref name="callOptions"/> (or empty options) whose call delivers its response's status and
    /// headers to <paramref name="capture"/>; the caller's options are not changed. Generated twin methods call this;
    /// it is plumbing.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static RequestOptions Capturing(RequestOptions? callOptions, ResponseCapture capture)
    {
        var copy = new RequestOptions { Capture = capture ?? throw new ArgumentNullException(nameof(capture)) };
        callOptions?.CopyPerCallMembersTo(copy);
        return copy;
    }

    /// <summary>Copies what this class carries for a call (every member but the capture) to <paramref name="copy"/>.</summary>
    private void CopyPerCallMembersTo(RequestOptions copy)
    {
        copy._maxResponseContentBufferSize = _maxResponseContentBufferSize;
        copy._headers = _headers is null ? null : new Dictionary<string, string>(_headers, StringComparer.OrdinalIgnoreCase);
        copy._timeout = _timeout;
        copy._streamIdleTimeout = _streamIdleTimeout;
        copy.IdempotencyKey = IdempotencyKey;
        copy.Retry = Retry;
        copy.ValidateRequest = ValidateRequest;
    }
}
