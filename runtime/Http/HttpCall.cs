using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Http;

/// <summary>
/// One sent request and its response, read the same way by every generated call: the body through
/// <see cref="BodyReader"/> (capped), within <see cref="HttpClient.Timeout"/>, and exceptions scrubbed of the
/// request's credentials. Disposing it disposes the response, which releases (or, mid-body, closes) the connection.
/// </summary>
internal sealed class HttpCall : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly HttpRequestMessage _request;
    private readonly string _operationName;
    private readonly CancellationToken _callerToken;

    // HttpClient.Timeout covers a ResponseHeadersRead send only until the headers arrive; the body is read within
    // what is left of the same budget, counted from here, so a server that stalls mid-body cannot hang the call.
    private readonly long _started = Stopwatch.GetTimestamp();

    private HttpCall(HttpClient httpClient, HttpRequestMessage request, string operationName, CancellationToken cancellationToken)
    {
        _httpClient = httpClient;
        _request = request;
        _operationName = operationName;
        _callerToken = cancellationToken;
    }

    public HttpResponseMessage Response { get; private set; } = null!;

    /// <summary>Sends <paramref name="request"/>; returns once the response headers have arrived.</summary>
    public static async Task<HttpCall> SendAsync(HttpClient httpClient, HttpRequestMessage request, string operationName, CancellationToken cancellationToken)
    {
        var call = new HttpCall(httpClient, request, operationName, cancellationToken);
        try
        {
            call.Response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the whole body (at most <see cref="HttpClient.MaxResponseContentBufferSize"/> bytes) into a pooled
    /// buffer; the caller owns it and disposes it once.
    /// </summary>
    public async Task<PooledBody> ReadBodyAsync()
    {
        var limit = _httpClient.MaxResponseContentBufferSize;
        if (_httpClient.Timeout == Timeout.InfiniteTimeSpan)
        {
            return await BodyReader.ReadAsync(Response, limit, _operationName, _callerToken).ConfigureAwait(false);
        }

        var elapsed = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency);
        var left = _httpClient.Timeout - elapsed;
        var timeout = BodyTimeout.Start(_callerToken, left > TimeSpan.Zero ? left : TimeSpan.Zero);
        try
        {
            return await BodyReader.ReadAsync(Response, limit, _operationName, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!_callerToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            // The same exception HttpClient throws when its timeout elapses before the headers.
            throw new TaskCanceledException(
                "The request was canceled due to the configured HttpClient.Timeout of "
                    + _httpClient.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " seconds elapsing.",
                new TimeoutException(exception.Message, exception));
        }
        finally
        {
            timeout.Dispose();
        }
    }

    /// <summary>Scrubs the credentials this call's request carried out of <paramref name="exception"/>.</summary>
    public void Redact(ApiException exception) => exception.Redact(CredentialScrubber.From(Response?.RequestMessage ?? _request));

    public void Dispose()
    {
        Response?.Dispose();
    }
}
