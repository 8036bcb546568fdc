using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Http;

/// <summary>
/// Sends a request again when it failed in a way that may pass: put it in the <see cref="HttpClient"/> of a generated
/// client, <c>new HttpClient(new RetryHandler(RetryPolicy.Default) { InnerHandler = new SafeRedirectHandler() })</c>.
/// The generated <c>services.AddXClient(…)</c> registration adds it (or, where the project references
/// Microsoft.Extensions.Http.Resilience, a resilience handler that follows the same rules), with the policy of the
/// client's options' <c>Retry</c>.
/// </summary>
/// <remarks>
/// <para>
/// Retried: a 408, 429, 500, 502, 503 or 504 response, and a transport error (a refused or dropped connection, an
/// attempt that timed out); never the caller's cancellation nor the <see cref="HttpClient.Timeout"/>, which covers all
/// attempts together.
/// </para>
/// <para>
/// Only requests that can be sent twice: GET, HEAD, OPTIONS, PUT, DELETE and TRACE, and other methods when the request
/// carries an <c>Idempotency-Key</c> header (the call option <c>IdempotencyKey</c> sets it), and only when the body is
/// held in memory (JSON, form, text, multipart of those); a caller's stream is read once and never sent again.
/// </para>
/// <para>
/// Between attempts it waits what the response's <c>Retry-After</c> asks for (seconds or an HTTP-date, measured on the
/// policy's <see cref="RetryPolicy.TimeProvider"/>), else a jittered exponential backoff; a response that asks for more
/// than <see cref="RetryPolicy.MaxRetryAfter"/> is returned at once. Handlers added after this one (inner handlers, such
/// as a signing handler) run again for each attempt.
/// </para>
/// </remarks>
public sealed class RetryHandler : DelegatingHandler
{
    /// <summary>Retries under <see cref="RetryPolicy.Default"/>; set <see cref="DelegatingHandler.InnerHandler"/> before use.</summary>
    public RetryHandler()
        : this((RetryPolicy?)null)
    {
    }

    /// <summary>Retries under <paramref name="policy"/> (null: <see cref="RetryPolicy.Default"/>); set <see cref="DelegatingHandler.InnerHandler"/> before use.</summary>
    public RetryHandler(RetryPolicy? policy)
    {
        Policy = policy ?? RetryPolicy.Default;
    }

    /// <summary>Retries under <paramref name="policy"/> (null: <see cref="RetryPolicy.Default"/>), sending through <paramref name="innerHandler"/>.</summary>
    public RetryHandler(RetryPolicy? policy, HttpMessageHandler innerHandler)
        : base(innerHandler ?? throw new ArgumentNullException(nameof(innerHandler)))
    {
        Policy = policy ?? RetryPolicy.Default;
    }

    /// <summary>The policy of every request, unless a call's options set its own.</summary>
    public RetryPolicy Policy { get; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A call's own policy (its RequestOptions) wins over the handler's.
        var policy = RetryRules.PolicyFor(request, Policy);
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (RetryRules.ShouldRetry(policy, request, null, exception, attempt, cancellationToken))
            {
                await policy.Delay(RetryRules.DelayBefore(policy, request, null, attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!RetryRules.ShouldRetry(policy, request, response, null, attempt, cancellationToken))
            {
                return response;
            }

            var delay = RetryRules.DelayBefore(policy, request, response, attempt);

            // Releases the connection now rather than holding it through the wait.
            response.Dispose();
            await policy.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }
}
