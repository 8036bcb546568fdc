using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

using Contracts.Runtime.Http;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Sends calls of generated AWS clients: each attempt builds a fresh request, signs it with SigV4, sends it, and
/// either reads the result or maps the error; throttling and transient failures are retried per <see cref="RetryPolicy"/>
/// (here rather than by a <see cref="RetryHandler"/>, so that each attempt is signed afresh).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AwsProtocol
{
    private static readonly HashSet<string> s_throttlingErrors = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    /// <summary>
    /// Calls an operation whose successful response carries <typeparamref name="T"/>, its body capped by
    /// <paramref name="requestOptions"/>, else <paramref name="clientDefaults"/> (the client's options).
    /// </summary>
    public static async Task<T> SendAsync<T>(
        HttpClient httpClient,
        Func<HttpRequestMessage> createRequest,
        AwsClientSettings settings,
        string operationName,
        bool isIdempotent,
        JsonTypeInfo<T> resultTypeInfo,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        var (status, body, request) = await SendCoreAsync(httpClient, createRequest, settings, operationName, isIdempotent, clientDefaults, requestOptions, cancellationToken).ConfigureAwait(false);
        using var owned = body;
        try
        {
            // AWS JSON operations without output members answer with an empty body or {}.
            return ContractsHttp.ReadResult(body.Length == 0 ? s_emptyObject : body.Span, status, operationName, resultTypeInfo);
        }
        catch (ApiException exception)
        {
            // The signed request's Authorization (its signature and key id) must not reach a log.
            exception.Redact(CredentialScrubber.From(request));
            throw;
        }
    }

    private static readonly byte[] s_emptyObject = { (byte)'{', (byte)'}' };

    /// <summary>Calls an operation whose successful response carries nothing the caller needs; error bodies are capped as for results.</summary>
    public static async Task SendAsync(
        HttpClient httpClient,
        Func<HttpRequestMessage> createRequest,
        AwsClientSettings settings,
        string operationName,
        bool isIdempotent,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        var (_, body, _) = await SendCoreAsync(httpClient, createRequest, settings, operationName, isIdempotent, clientDefaults, requestOptions, cancellationToken).ConfigureAwait(false);
        body.Dispose();
    }

    /// <summary>Sends until an attempt succeeds or may not be retried; the caller owns (and disposes) the returned body.</summary>
    private static async Task<(HttpStatusCode Status, PooledBody Body, HttpRequestMessage Request)> SendCoreAsync(
        HttpClient httpClient,
        Func<HttpRequestMessage> createRequest,
        AwsClientSettings settings,
        string operationName,
        bool isIdempotent,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        // A call's own policy (RequestOptions.Retry) replaces the client's for this call.
        var retry = requestOptions?.Retry ?? settings.Retry;
        for (var attempt = 1; ; attempt++)
        {
            HttpCall call;
            HttpRequestMessage request;
            try
            {
                (call, request) = await SendSignedAsync(httpClient, createRequest, settings, operationName, clientDefaults, requestOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (isIdempotent && attempt < retry.MaxAttempts)
            {
                // The request may or may not have reached the service; only an idempotent call can safely go again.
                await retry.Delay(retry.NextDelay(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }

            TimeSpan delay;
            using (request)
            using (call)
            {
                var response = call.Response;
                try
                {
                    var body = await call.ReadBodyAsync().ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        call.DeliverTo(requestOptions);
                        return (response.StatusCode, body, request);
                    }

                    AwsErrorInfo error;
                    using (body)
                    {
                        error = AwsErrorReader.Read(operationName, response, body.ToArray());
                    }

                    // A Retry-After (AWS sends it with some throttling) is waited for, up to the policy's MaxRetryAfter.
                    if (attempt >= retry.MaxAttempts
                        || !IsRetryable(error, isIdempotent)
                        || retry.DelayAfter(attempt, RetryRules.RetryAfter(response, retry.TimeProvider.GetUtcNow())) is not { } wait)
                    {
                        throw settings.Errors.Map(error);
                    }

                    delay = wait;
                }
                catch (ApiException exception)
                {
                    call.Redact(exception);
                    throw;
                }
            }

            await retry.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends one attempt: a fresh request, freshly signed. A redirect to the same origin is sent again as a new request,
    /// signed for its new address (a signature covers the address); a redirect to another origin is never followed,
    /// so the signature, the session token and the body stay with the endpoint the client was configured for.
    /// </summary>
    private static async Task<(HttpCall Call, HttpRequestMessage Request)> SendSignedAsync(
        HttpClient httpClient,
        Func<HttpRequestMessage> createRequest,
        AwsClientSettings settings,
        string operationName,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        Uri? target = null;
        HttpMethod? method = null;
        for (var followed = 0; ; followed++)
        {
            var request = createRequest();
            HttpCall call;
            try
            {
                if (target is not null)
                {
                    request.RequestUri = target;
                    if (method != request.Method)
                    {
                        // 301–303 after a POST: a GET, without the body.
                        request.Method = method!;
                        request.Content?.Dispose();
                        request.Content = null;
                    }
                }

                var credentials = await settings.Credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                await SigV4Signer.SignAsync(request, credentials, settings.Region, settings.Service, settings.Clock(), cancellationToken: cancellationToken).ConfigureAwait(false);
                call = await HttpCall.SendAsync(httpClient, request, operationName, clientDefaults, requestOptions, cancellationToken, returnRedirect: true).ConfigureAwait(false);
            }
            catch
            {
                request.Dispose();
                throw;
            }

            if (Redirects.TargetOf(call.Response) is not { } next)
            {
                return (call, request);
            }

            var nextMethod = Redirects.MethodAfter(call.Response.StatusCode, request.Method);
            var refusal = Redirects.IsSameOrigin(request.RequestUri!, next)
                ? Redirects.Refusal(request, next, request.Content is not null && nextMethod == request.Method, followed)
                : "an AWS call is never sent to another origin (its signature, session token and body stay with the endpoint)";
            using (request)
            using (call)
            {
                if (refusal is not null)
                {
                    var exception = Redirects.NotFollowed(operationName, call.Response.StatusCode, next, refusal);
                    call.Redact(exception);
                    throw exception;
                }
            }

            target = next;
            method = nextMethod;
        }
    }

    private static bool IsRetryable(AwsErrorInfo error, bool isIdempotent) =>
        s_throttlingErrors.Contains(error.ErrorType)
        || (int)error.StatusCode is 429 or 502 or 503 or 504
        || ((int)error.StatusCode == 500 && isIdempotent);
}
