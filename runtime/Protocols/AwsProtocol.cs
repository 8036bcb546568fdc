using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

using Contracts.Runtime.Http;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Sends calls of generated AWS clients: each attempt builds a fresh request, signs it with SigV4, sends it, and
/// either reads the result or maps the error; throttling and transient failures are retried per <see cref="RetryPolicy"/>.
/// </summary>
public static class AwsProtocol
{
    private static readonly HashSet<string> s_throttlingErrors = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    /// <summary>Calls an operation whose successful response carries <typeparamref name="T"/>.</summary>
    public static async Task<T> SendAsync<T>(
        HttpClient httpClient,
        Func<HttpRequestMessage> createRequest,
        AwsClientSettings settings,
        string operationName,
        bool isIdempotent,
        JsonTypeInfo<T> resultTypeInfo,
        CancellationToken cancellationToken)
    {
        var (status, body, request) = await SendCoreAsync(httpClient, createRequest, settings, operationName, isIdempotent, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Calls an operation whose successful response carries nothing the caller needs.</summary>
    public static async Task SendAsync(
        HttpClient httpClient,
        Func<HttpRequestMessage> createRequest,
        AwsClientSettings settings,
        string operationName,
        bool isIdempotent,
        CancellationToken cancellationToken)
    {
        var (_, body, _) = await SendCoreAsync(httpClient, createRequest, settings, operationName, isIdempotent, cancellationToken).ConfigureAwait(false);
        body.Dispose();
    }

    /// <summary>Sends until an attempt succeeds or may not be retried; the caller owns (and disposes) the returned body.</summary>
    private static async Task<(HttpStatusCode Status, PooledBody Body, HttpRequestMessage Request)> SendCoreAsync(
        HttpClient httpClient,
        Func<HttpRequestMessage> createRequest,
        AwsClientSettings settings,
        string operationName,
        bool isIdempotent,
        CancellationToken cancellationToken)
    {
        var retry = settings.Retry;
        for (var attempt = 1; ; attempt++)
        {
            using var request = createRequest();
            var credentials = await settings.Credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            await SigV4Signer.SignAsync(request, credentials, settings.Region, settings.Service, settings.Clock(), cancellationToken: cancellationToken).ConfigureAwait(false);

            HttpCall call;
            try
            {
                call = await HttpCall.SendAsync(httpClient, request, operationName, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (isIdempotent && attempt < retry.MaxAttempts)
            {
                // The request may or may not have reached the service; only an idempotent call can safely go again.
                await retry.Delay(retry.NextDelay(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (call)
            {
                var response = call.Response;
                try
                {
                    var body = await call.ReadBodyAsync().ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return (response.StatusCode, body, request);
                    }

                    AwsErrorInfo error;
                    using (body)
                    {
                        error = AwsErrorReader.Read(operationName, response, body.ToArray());
                    }

                    if (attempt >= retry.MaxAttempts || !IsRetryable(error, isIdempotent))
                    {
                        throw settings.Errors.Map(error);
                    }
                }
                catch (ApiException exception)
                {
                    call.Redact(exception);
                    throw;
                }

                await retry.Delay(retry.NextDelay(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsRetryable(AwsErrorInfo error, bool isIdempotent) =>
        s_throttlingErrors.Contains(error.ErrorType)
        || (int)error.StatusCode is 429 or 502 or 503 or 504
        || ((int)error.StatusCode == 500 && isIdempotent);
}
