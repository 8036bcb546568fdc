using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// The OAuth 2.0 client credentials grant (RFC 6749 section 4.4): posts <c>grant_type=client_credentials</c> (and the
/// scopes asked for) to the token endpoint, and caches the token until shortly before it expires. Concurrent callers
/// share one token request; <see cref="TokenRequestContext.ForceRefresh"/> skips the cache. A refusal by the token
/// endpoint is an <see cref="ApiException"/> carrying the OAuth <c>error</c> and <c>error_description</c>, with the
/// client secret scrubbed out.
/// </summary>
/// <remarks>
/// A token is used until <see cref="RefreshMargin"/> (one minute, or half the token's lifetime when that is shorter)
/// before it expires: the margin covers the clock difference between client and server and the time a request spends
/// on its way, so that a token is not sent in its last seconds. A token whose answer had no <c>expires_in</c> is used
/// until a service answers <c>401</c> to it.
/// </remarks>
public sealed class OAuth2ClientCredentialsProvider : ITokenProvider
{
    /// <summary>How long before its expiry a token is replaced (at most half its lifetime).</summary>
    internal static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    /// <summary>A token endpoint's answer is small; a longer one is refused rather than read.</summary>
    private const long MaxResponseBytes = 1L << 20;

    private readonly HttpClient _httpClient;
    private readonly Func<CancellationToken, ValueTask<Uri>> _tokenEndpoint;
    private readonly string _describedEndpoint;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly OAuth2ClientAuthenticationMethod _method;
    private readonly TimeProvider _timeProvider;
    private readonly object _gate = new();
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>A provider that posts to <paramref name="tokenEndpoint"/> through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">Sends the token requests.</param>
    /// <param name="tokenEndpoint">The token endpoint (absolute).</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="clientAuthenticationMethod">How the id and secret are sent; <c>client_secret_basic</c> by default.</param>
    /// <param name="timeProvider">The clock expiry is measured by; the system clock by default.</param>
    /// <exception cref="ArgumentException">The token endpoint is not absolute, or the client id is empty.</exception>
    public OAuth2ClientCredentialsProvider(
        HttpClient httpClient,
        Uri tokenEndpoint,
        string clientId,
        string clientSecret,
        OAuth2ClientAuthenticationMethod clientAuthenticationMethod = OAuth2ClientAuthenticationMethod.ClientSecretBasic,
        TimeProvider? timeProvider = null)
        : this(httpClient, Fixed(tokenEndpoint), Describe(tokenEndpoint), clientId, clientSecret, clientAuthenticationMethod, timeProvider)
    {
    }

    /// <summary>A provider whose token endpoint is found when first needed (an OpenID Connect discovery document).</summary>
    internal OAuth2ClientCredentialsProvider(
        HttpClient httpClient,
        Func<CancellationToken, ValueTask<Uri>> tokenEndpoint,
        string describedEndpoint,
        string clientId,
        string clientSecret,
        OAuth2ClientAuthenticationMethod clientAuthenticationMethod,
        TimeProvider? timeProvider)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _tokenEndpoint = tokenEndpoint;
        _describedEndpoint = describedEndpoint;
        _clientId = string.IsNullOrEmpty(clientId) ? throw new ArgumentException("The client id is empty.", nameof(clientId)) : clientId;
        _clientSecret = clientSecret ?? throw new ArgumentNullException(nameof(clientSecret));
        _method = clientAuthenticationMethod;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The tokens this provider holds now, so that exceptions never print them.</summary>
    internal void AddSecrets(List<string> secrets)
    {
        secrets.Add(_clientSecret);
        lock (_gate)
        {
            foreach (var slot in _slots.Values)
            {
                if (slot.Token is { } token)
                {
                    secrets.Add(token.Token);
                }
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<AccessToken> GetTokenAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var scopes = context.Scopes.Count switch
        {
            0 => string.Empty,
            1 => context.Scopes[0],
            _ => string.Join(" ", context.Scopes),
        };

        TaskCompletionSource<AccessToken>? fetch = null;
        Slot? slot;
        Task<AccessToken> pending;
        lock (_gate)
        {
            if (!_slots.TryGetValue(scopes, out slot))
            {
                slot = new Slot();
                _slots[scopes] = slot;
            }

            if (!context.ForceRefresh && slot.Token is { } cached && (slot.RefreshAt is not { } refreshAt || _timeProvider.GetUtcNow() < refreshAt))
            {
                return new ValueTask<AccessToken>(cached);
            }

            // One token request at a time per scope set: callers that arrive while it runs (a forced refresh too, since
            // the token it brings is new) wait for it.
            if (slot.Pending is null)
            {
                fetch = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                slot.Pending = fetch.Task;
            }

            pending = slot.Pending;
        }

        if (fetch is not null)
        {
            _ = FetchAsync(slot, fetch, context.SchemeName, scopes);
        }

        return new ValueTask<AccessToken>(WaitAsync(pending, cancellationToken));
    }

    /// <summary>Names the token endpoint and client id, never the secret or a token.</summary>
    public override string ToString() =>
        "OAuth2ClientCredentialsProvider { TokenEndpoint = " + _describedEndpoint + ", ClientId = " + _clientId + ", ClientSecret = " + CredentialText.Hidden + " }";

    private async Task FetchAsync(Slot slot, TaskCompletionSource<AccessToken> fetch, string schemeName, string scopes)
    {
        try
        {
            // Shared by every waiting caller, so no one caller's cancellation ends it; HttpClient.Timeout bounds it.
            var issued = _timeProvider.GetUtcNow();
            var token = await RequestTokenAsync(schemeName, scopes, issued).ConfigureAwait(false);
            lock (_gate)
            {
                slot.Token = token;
                slot.RefreshAt = token.ExpiresOn is { } expiresOn ? expiresOn - Margin(expiresOn - issued) : null;
                slot.Pending = null;
            }

            fetch.SetResult(token);
        }
        catch (Exception exception)
        {
            lock (_gate)
            {
                slot.Pending = null;
            }

            fetch.SetException(exception);
        }
    }

    private static TimeSpan Margin(TimeSpan lifetime)
    {
        var half = TimeSpan.FromTicks(Math.Max(0, lifetime.Ticks) / 2);
        return half < RefreshMargin ? half : RefreshMargin;
    }

    private async Task<AccessToken> RequestTokenAsync(string schemeName, string scopes, DateTimeOffset issued)
    {
        var endpoint = await _tokenEndpoint(CancellationToken.None).ConfigureAwait(false);
        var operationName = "The token request of security scheme '" + schemeName + "'";
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (scopes.Length > 0)
        {
            fields.Add(new("scope", scopes));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        string? basic = null;
        if (_method == OAuth2ClientAuthenticationMethod.ClientSecretPost)
        {
            fields.Add(new("client_id", _clientId));
            fields.Add(new("client_secret", _clientSecret));
        }
        else
        {
            // RFC 6749 section 2.3.1: the id and secret are form-encoded before they are joined and Base64-encoded.
            var pair = FormEncode(_clientId) + ":" + FormEncode(_clientSecret);
            basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
            request.Headers.TryAddWithoutValidation("Authorization", "Basic " + basic);
        }

        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Content = new FormUrlEncodedContent(fields);
        var limits = new RequestOptions { MaxResponseContentBufferSize = MaxResponseBytes };
        using var call = await HttpCall.SendAsync(_httpClient, request, operationName, clientDefaults: null, limits, CancellationToken.None).ConfigureAwait(false);
        try
        {
            using var body = await call.ReadBodyAsync().ConfigureAwait(false);
            var status = call.Response.StatusCode;
            var answer = TokenResponse.Read(body.Span);
            if (!call.Response.IsSuccessStatusCode)
            {
                throw new ApiException(
                    operationName,
                    status,
                    "the token endpoint refused the request",
                    errorCode: answer?.Error,
                    errorMessage: answer?.ErrorDescription,
                    responseExcerpt: ResponseText.Excerpt(body.Span));
            }

            if (answer is not { AccessToken: { Length: > 0 } accessToken } token)
            {
                throw new ApiException(operationName, status, "the token endpoint's answer has no access_token", responseExcerpt: ResponseText.Excerpt(body.Span));
            }

            if (token.TokenType is { } type && !string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                // RFC 6750 is the only token type a request can send as "Authorization: Bearer".
                throw new ApiException(operationName, status, "the token endpoint issued a token of type '" + type + "', not Bearer");
            }

            DateTimeOffset? expiresOn = token.ExpiresIn is { } seconds && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds / 2
                ? issued + TimeSpan.FromSeconds(seconds)
                : null;
            return new AccessToken(accessToken, expiresOn);
        }
        catch (ApiException exception)
        {
            // Only what is secret in this request: scrubbing the whole Basic pair would also hide the client id, and
            // with it an error code such as "invalid_client" whose end matches the id's start.
            exception.Redact(CredentialScrubber.Of(_clientSecret, FormEncode(_clientSecret), basic ?? _clientSecret));
            throw;
        }
    }

    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+");

    private static async Task<AccessToken> WaitAsync(Task<AccessToken> pending, CancellationToken cancellationToken)
    {
        if (pending.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return await pending.ConfigureAwait(false);
        }

#if NET8_0_OR_GREATER
        return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
#else
        var cancelled = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<AccessToken>)state!).TrySetCanceled(), cancelled))
        {
            return await (await Task.WhenAny(pending, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
#endif
    }

    private static Func<CancellationToken, ValueTask<Uri>> Fixed(Uri tokenEndpoint)
    {
        if (tokenEndpoint is null)
        {
            throw new ArgumentNullException(nameof(tokenEndpoint));
        }

        if (!tokenEndpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("The token endpoint must be an absolute URI.", nameof(tokenEndpoint));
        }

        return _ => new ValueTask<Uri>(tokenEndpoint);
    }

    // Without its query: an endpoint's query may hold a key.
    private static string Describe(Uri tokenEndpoint) => tokenEndpoint?.IsAbsoluteUri == true ? tokenEndpoint.GetLeftPart(UriPartial.Path) : "(none)";

    /// <summary>The token of one scope set and the request fetching its successor.</summary>
    private sealed class Slot
    {
        public AccessToken? Token { get; set; }

        public DateTimeOffset? RefreshAt { get; set; }

        public Task<AccessToken>? Pending { get; set; }
    }
}
