using System;
using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace Contracts.Runtime.Http;

/// <summary>
/// What is retried, shared by <see cref="RetryHandler"/> and the resilience handler of the generated service registration
/// (Microsoft.Extensions.Http.Resilience), so both decide alike: 408, 429, 500, 502, 503, 504 and transport errors, for
/// requests that can be sent twice, after the wait the server asked for or a jittered backoff. Generated code calls it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RetryRules
{
    /// <summary>The header that makes a non-idempotent request safe to send again (the server does the work once per key).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<RetryPolicy> s_policyKey = new("Contracts.RetryPolicy");
#else
    private const string PolicyKey = "Contracts.RetryPolicy";
#endif

    /// <summary>
    /// Decides after a failed attempt: true when attempt <paramref name="attempt"/> (1 for the first) may be followed by
    /// another under the request's own policy (a call's options), else <paramref name="policy"/>. Exactly one of
    /// <paramref name="response"/> and <paramref name="exception"/> is set; <paramref name="cancellationToken"/> is the
    /// call's, so the caller's cancellation (or the client's overall timeout) is never retried.
    /// </summary>
    public static bool ShouldRetry(
        RetryPolicy policy,
        HttpRequestMessage? request,
        HttpResponseMessage? response,
        Exception? exception,
        int attempt,
        CancellationToken cancellationToken)
    {
        policy = PolicyFor(request, policy ?? throw new ArgumentNullException(nameof(policy)));
        if (attempt >= policy.MaxAttempts || cancellationToken.IsCancellationRequested || request is null || !CanSendAgain(request))
        {
            return false;
        }

        if (response is not null)
        {
            // A wait longer than the policy accepts fails the call with this response instead of holding the caller.
            return IsRetryable(response.StatusCode)
                && (RetryAfter(response, policy.TimeProvider.GetUtcNow()) is not { } asked || asked <= policy.MaxRetryAfter);
        }

        return exception is not null && IsTransient(exception);
    }

    /// <summary>
    /// The wait before the attempt after <paramref name="attempt"/>: what <paramref name="response"/>'s <c>Retry-After</c>
    /// asks for (never negative), else a random time up to the doubling bound of the request's policy, else of
    /// <paramref name="policy"/>.
    /// </summary>
    public static TimeSpan DelayBefore(RetryPolicy policy, HttpRequestMessage? request, HttpResponseMessage? response, int attempt)
    {
        policy = PolicyFor(request, policy ?? throw new ArgumentNullException(nameof(policy)));
        var asked = response is null ? null : RetryAfter(response, policy.TimeProvider.GetUtcNow());
        return policy.DelayAfter(attempt, asked) ?? policy.MaxRetryAfter;
    }

    /// <summary>
    /// The policy configuration sets (<c>Retry:MaxAttempts</c>, <c>Retry:BaseDelay</c>, <c>Retry:MaxDelay</c>,
    /// <c>Retry:MaxRetryAfter</c>; times as <c>hh:mm:ss</c>) over <paramref name="current"/> (null: the default policy);
    /// <paramref name="current"/> itself when none is set. The generated options binding calls it.
    /// </summary>
    /// <exception cref="FormatException">A value is not a number or a time.</exception>
    public static RetryPolicy? Bind(RetryPolicy? current, string? maxAttempts, string? baseDelay, string? maxDelay, string? maxRetryAfter)
    {
        if (string.IsNullOrEmpty(maxAttempts) && string.IsNullOrEmpty(baseDelay) && string.IsNullOrEmpty(maxDelay) && string.IsNullOrEmpty(maxRetryAfter))
        {
            return current;
        }

        var from = current ?? RetryPolicy.Default;
        return new RetryPolicy
        {
            MaxAttempts = string.IsNullOrEmpty(maxAttempts) ? from.MaxAttempts : int.Parse(maxAttempts, NumberStyles.None, CultureInfo.InvariantCulture),
            BaseDelay = Time(baseDelay, from.BaseDelay),
            MaxDelay = Time(maxDelay, from.MaxDelay),
            MaxRetryAfter = Time(maxRetryAfter, from.MaxRetryAfter),
            TimeProvider = from.TimeProvider,
            Delay = from.Delay,
        };

        static TimeSpan Time(string? text, TimeSpan otherwise) =>
            string.IsNullOrEmpty(text) ? otherwise : TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>The policy of this one request when its call options set one (<see cref="SetPolicy"/>), else <paramref name="fallback"/>.</summary>
    internal static RetryPolicy PolicyFor(HttpRequestMessage? request, RetryPolicy fallback)
    {
#if NET5_0_OR_GREATER
        return request is not null && request.Options.TryGetValue(s_policyKey, out var policy) && policy is not null ? policy : fallback;
#else
        return request is not null && request.Properties.TryGetValue(PolicyKey, out var policy) && policy is RetryPolicy set ? set : fallback;
#endif
    }

    /// <summary>Makes <paramref name="policy"/> apply to <paramref name="request"/> only, over the handler's own (a call's <c>RequestOptions</c>).</summary>
    internal static void SetPolicy(HttpRequestMessage request, RetryPolicy? policy)
    {
        if (policy is null)
        {
            return;
        }

#if NET5_0_OR_GREATER
        request.Options.Set(s_policyKey, policy);
#else
        request.Properties[PolicyKey] = policy;
#endif
    }

    /// <summary>The statuses that say the request was not handled and may succeed later: 408, 429, 500, 502, 503, 504.</summary>
    internal static bool IsRetryable(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>
    /// A failure of the transport rather than an answer: the connection was refused, dropped or broken, or an attempt timed
    /// out. The caller's cancellation is excluded before this is asked.
    /// </summary>
    internal static bool IsTransient(Exception exception) =>
        exception is HttpRequestException or TimeoutException or OperationCanceledException
        || exception.InnerException is HttpRequestException or TimeoutException;

    /// <summary>
    /// The request may be sent again: its method is idempotent (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) or it carries an
    /// <c>Idempotency-Key</c>, and its body, if any, is held in memory (JSON, form, text, or multipart of those): a
    /// caller's stream has been read once and is not sent again.
    /// </summary>
    internal static bool CanSendAgain(HttpRequestMessage request) =>
        (IsIdempotent(request.Method) || request.Headers.Contains(IdempotencyKeyHeader)) && ReplayableContent.CanSendAgain(request.Content);

    internal static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    /// <summary>
    /// The wait <c>Retry-After</c> asks for: delta-seconds, or an HTTP-date less <paramref name="now"/> (negative when
    /// past); null when the header is absent or unreadable.
    /// </summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now,
        _ => null,
    };
}
