using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Authentication;
using Contracts.Runtime.Paging;

namespace Contracts.Runtime.Http;

/// <summary>
/// One sent request and its response, read the same way by every generated call: the body through
/// <see cref="BodyReader"/> (capped by <see cref="ResponseLimit"/>), within <see cref="HttpClient.Timeout"/>, and
/// exceptions scrubbed of the request's credentials. A redirect that reaches it was not followed by the handler
/// (see <see cref="SafeRedirectHandler"/>) and fails the call. Disposing it disposes the response, which releases
/// (or, mid-body, closes) the connection.
/// </summary>
internal sealed class HttpCall : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly HttpRequestMessage _request;
    private readonly string _operationName;
    private readonly CancellationToken _callerToken;
    private readonly ResponseLimit _limit;
    private ClientAuthentication? _authentication;

    // The copy sent again with a refreshed token after a 401, if any (see ResendWithNewTokenAsync).
    private HttpRequestMessage? _resent;

    // RequestOptions.Timeout (the call's, else the client's); null for the calls that set none.
    private readonly CallTimeout? _timeout;

    // HttpClient.Timeout covers a ResponseHeadersRead send only until the headers arrive; the body is read within
    // what is left of the same budget, counted from here, so a server that stalls mid-body cannot hang the call.
    private readonly long _started = Stopwatch.GetTimestamp();

    private HttpCall(HttpClient httpClient, HttpRequestMessage request, string operationName, ResponseLimit limit, CallTimeout? timeout, CancellationToken cancellationToken)
    {
        _httpClient = httpClient;
        _request = request;
        _operationName = operationName;
        _limit = limit;
        _timeout = timeout;
        _callerToken = cancellationToken;
    }

    public HttpResponseMessage Response { get; private set; } = null!;

    /// <summary>The most bytes of the body this call reads into memory (for a stream: of one item).</summary>
    public ResponseLimit Limit => _limit;

    /// <summary>
    /// Sends <paramref name="request"/>; returns once the response headers have arrived. A redirect response fails
    /// with an <see cref="ApiException"/> unless <paramref name="returnRedirect"/> (the AWS protocol follows its own).
    /// </summary>
    public static async Task<HttpCall> SendAsync(
        HttpClient httpClient,
        HttpRequestMessage request,
        string operationName,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken,
        bool returnRedirect = false)
    {
        // A paginator's next link replaces the address; one leading to another origin fails here, before anything is sent.
        requestOptions?.PageLink?.ApplyTo(request, operationName);

        // Checked before anything is sent (or timed): a refused header fails the call here.
        PerCallHeaders.Apply(request, clientDefaults, requestOptions);

        // A call's own retry policy rides on the request to the RetryHandler (or the resilience handler) below.
        RetryRules.SetPolicy(request, requestOptions?.Retry);
        var call = new HttpCall(
            httpClient, request, operationName, ResponseLimit.Resolve(httpClient, clientDefaults, requestOptions), CallTimeout.Start(clientDefaults, requestOptions, cancellationToken), cancellationToken);
        try
        {
            var authenticated = await call.AuthenticateAsync(clientDefaults?.Authentication).ConfigureAwait(false);

            // Not a method of its own: an extra async method would allocate a Task for every call that completes at once.
            call.Response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, call._timeout?.Token ?? cancellationToken).ConfigureAwait(false);
            if (authenticated is not null && call.Response.StatusCode == HttpStatusCode.Unauthorized && call._authentication!.IsRefreshable(authenticated))
            {
                await call.ResendWithNewTokenAsync(authenticated).ConfigureAwait(false);
            }

            if (!returnRedirect && Redirects.TargetOf(call.Response) is { } target)
            {
                var exception = Redirects.NotFollowed(operationName, call.Response, target);
                call.Redact(exception);
                throw exception;
            }

            return call;
        }
        catch (OperationCanceledException exception) when (call._timeout?.HasElapsed(cancellationToken) == true)
        {
            call.Dispose();
            throw call._timeout.Elapsed(exception);
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Hands the body to a caller that reads it as a stream: the call's own timeout ends (like
    /// <see cref="HttpClient.Timeout"/>, it does not cover reading a stream), the capture <paramref name="requestOptions"/>
    /// carries receives the status and headers, and the body is opened without being buffered.
    /// </summary>
    public Task<System.IO.Stream> OpenBodyAsync(RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        _timeout?.Dispose();
        DeliverTo(requestOptions);
#if NET5_0_OR_GREATER
        return Response.Content.ReadAsStreamAsync(cancellationToken);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return Response.Content.ReadAsStreamAsync();
#endif
    }

    /// <summary>
    /// Reads the whole body (at most <see cref="ResponseLimit.Bytes"/>) into a pooled buffer; the caller owns it and
    /// disposes it once.
    /// </summary>
    public async Task<PooledBody> ReadBodyAsync()
    {
        // The call's own timeout, when it has one, is linked to the caller's token: either ends the read.
        var token = _timeout?.Token ?? _callerToken;
        if (_httpClient.Timeout == Timeout.InfiniteTimeSpan)
        {
            try
            {
                return await BodyReader.ReadAsync(Response, _limit, _operationName, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (_timeout?.HasElapsed(_callerToken) == true)
            {
                throw _timeout.Elapsed(exception);
            }
        }

        var elapsed = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency);
        var left = _httpClient.Timeout - elapsed;
        var timeout = BodyTimeout.Start(token, left > TimeSpan.Zero ? left : TimeSpan.Zero);
        try
        {
            return await BodyReader.ReadAsync(Response, _limit, _operationName, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (_timeout?.HasElapsed(_callerToken) == true)
        {
            throw _timeout.Elapsed(exception);
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

    /// <summary>
    /// Scrubs the credentials this call's request carried out of <paramref name="exception"/>: those of the request as
    /// the caller built it and as it was sent (with what <see cref="HttpClient.DefaultRequestHeaders"/> and handlers
    /// added), and those of the request a redirect handler sent last, when it was another one.
    /// </summary>
    public void Redact(ApiException exception)
    {
        AttachHeaders(exception);
        exception.Redact(CredentialScrubber.From(_request));
        if (_resent is not null)
        {
            exception.Redact(CredentialScrubber.From(_resent));
        }

        if (Response?.RequestMessage is { } sent && !ReferenceEquals(sent, _request) && !ReferenceEquals(sent, _resent))
        {
            exception.Redact(CredentialScrubber.From(sent));
        }

        if (_authentication is not null)
        {
            // What the client's credentials hold, whatever this request carried: a service may echo any of them.
            exception.Redact(CredentialScrubber.Learned(_authentication.Secrets()));
        }
    }

    /// <summary>
    /// Applies the operation's security (recorded on the request) with the client's credentials before the request is
    /// sent; returns the alternative applied, or null. Throws <see cref="CredentialNotConfiguredException"/> when
    /// none can be satisfied, so that nothing unauthenticated is sent.
    /// </summary>
    private ValueTask<SecurityRequirement?> AuthenticateAsync(ClientAuthentication? authentication)
    {
        _authentication = authentication;
        return ClientAuthentication.ApplyAsync(authentication, _request, _operationName, _timeout?.Token ?? _callerToken);
    }

    /// <summary>
    /// After a <c>401</c> to a token: asks for a new token (<see cref="TokenRequestContext.ForceRefresh"/>) and sends a
    /// copy of the request once more. A request whose content cannot be read again is not sent again: the 401 stands.
    /// </summary>
    private async Task ResendWithNewTokenAsync(SecurityRequirement authenticated)
    {
        if (RequestCopy.TryCopy(_request) is not { } again)
        {
            return;
        }

        await _authentication!.RefreshAsync(again, authenticated, _timeout?.Token ?? _callerToken).ConfigureAwait(false);
        Response.Dispose();
        Response = null!;
        _resent = again;
        Response = await _httpClient.SendAsync(again, HttpCompletionOption.ResponseHeadersRead, _timeout?.Token ?? _callerToken).ConfigureAwait(false);
    }

    /// <summary>Delivers the response's status and headers to the capture <paramref name="requestOptions"/> carries, if any (a twin <c>…WithResponseAsync</c> call).</summary>
    public void DeliverTo(RequestOptions? requestOptions) => requestOptions?.Capture?.Receive(Response);

    /// <summary>
    /// Gives <paramref name="exception"/> the headers of the response that caused it, <c>Set-Cookie</c> values and
    /// headers named like credentials replaced with <c>***</c>; <see cref="ApiException.Redact"/> scrubs the rest.
    /// </summary>
    private void AttachHeaders(ApiException exception)
    {
        if (Response is { } response && exception.Headers is null)
        {
            exception.Headers = ResponseHeaders.From(response).Select(ResponseHeaderRedaction.Redact);
        }
    }

    public void Dispose()
    {
        Response?.Dispose();
        _timeout?.Dispose();
    }
}
