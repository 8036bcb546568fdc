using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// An <c>oauth2</c> or <c>openIdConnect</c> scheme: the credential's token provider, else the client credentials grant
/// against the configured token endpoint, the flow's <c>tokenUrl</c> or the discovery document's <c>token_endpoint</c>.
/// The scopes asked for are the credential's, else every scope of the flow.
/// </summary>
internal sealed class OAuth2Scheme : AuthenticationScheme
{
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly string? _tokenUrl;
    private readonly string? _discoveryUrl;
    private readonly string[] _flowScopes;
    private readonly OAuth2Credential? _credential;
    private readonly object _gate = new();

    // Built at the first request (its address resolves a relative tokenUrl), then kept: its cache is the point.
    private OAuth2ClientCredentialsProvider? _clientCredentials;
    private IReadOnlyList<string>? _scopes;
    private string? _provided;

    public OAuth2Scheme(string name, HttpClient httpClient, TimeProvider timeProvider, string? tokenUrl, string? discoveryUrl, string[]? flowScopes, OAuth2Credential? credential)
        : base(name)
    {
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _tokenUrl = string.IsNullOrEmpty(tokenUrl) ? null : tokenUrl;
        _discoveryUrl = string.IsNullOrEmpty(discoveryUrl) ? null : discoveryUrl;
        _flowScopes = flowScopes ?? Array.Empty<string>();
        _credential = credential;
    }

    public override bool IsConfigured => _credential is { } credential
        && (credential.TokenProvider is not null
            || (credential.HasClientCredentials && (credential.TokenEndpoint is not null || _tokenUrl is not null || _discoveryUrl is not null)));

    public override bool IsRefreshable => true;

    public override async ValueTask ApplyAsync(HttpRequestMessage request, SchemeUse use, bool forceRefresh, CancellationToken cancellationToken)
    {
        var credential = _credential!;
        var context = new TokenRequestContext(Name, Scopes(credential), forceRefresh);
        var provider = credential.TokenProvider ?? ClientCredentials(credential, request.RequestUri);
        var token = await provider.GetTokenAsync(context, cancellationToken).ConfigureAwait(false);
        var value = Checked(token?.Token, "access token");
        _provided = value;
        ContractsHttp.MarkCredential(request, value);
        SetAuthorization(request, "Bearer", value);
    }

    public override void AddSecrets(List<string> secrets)
    {
        Add(secrets, _credential?.ClientSecret);
        Add(secrets, _provided);
        OAuth2ClientCredentialsProvider? provider;
        lock (_gate)
        {
            provider = _clientCredentials;
        }

        provider?.AddSecrets(secrets);
    }

    private IReadOnlyList<string> Scopes(OAuth2Credential credential)
    {
        var scopes = _scopes;
        if (scopes is null)
        {
            var configured = credential.Scopes;
            if (configured is { Count: > 0 })
            {
                // Read once: the token cache is per scope set, and configuration is settled by the first request.
                var copy = new string[configured.Count];
                configured.CopyTo(copy, 0);
                scopes = copy;
            }
            else
            {
                scopes = _flowScopes;
            }

            _scopes = scopes;
        }

        return scopes;
    }

    private OAuth2ClientCredentialsProvider ClientCredentials(OAuth2Credential credential, Uri? requestUri)
    {
        lock (_gate)
        {
            if (_clientCredentials is { } built)
            {
                return built;
            }

            if (credential.TokenEndpoint is { } configured)
            {
                _clientCredentials = new OAuth2ClientCredentialsProvider(_httpClient, Resolve(configured.OriginalString, requestUri, "token endpoint"), credential.ClientId!, credential.ClientSecret!, credential.ClientAuthenticationMethod, _timeProvider);
            }
            else if (_tokenUrl is not null)
            {
                _clientCredentials = new OAuth2ClientCredentialsProvider(_httpClient, Resolve(_tokenUrl, requestUri, "tokenUrl"), credential.ClientId!, credential.ClientSecret!, credential.ClientAuthenticationMethod, _timeProvider);
            }
            else
            {
                var discovery = new OpenIdDiscovery(_httpClient, Resolve(_discoveryUrl!, requestUri, "openIdConnectUrl"), Name);
                _clientCredentials = new OAuth2ClientCredentialsProvider(
                    _httpClient,
                    discovery.TokenEndpointAsync,
                    "(token_endpoint of " + discovery.DocumentUrl.GetLeftPart(UriPartial.Path) + ")",
                    credential.ClientId!,
                    credential.ClientSecret!,
                    credential.ClientAuthenticationMethod,
                    _timeProvider);
            }

            return _clientCredentials;
        }
    }

    /// <summary>An absolute URL as it is; a relative one (OpenAPI 3.1 allows it) against the request's address.</summary>
    private Uri Resolve(string url, Uri? requestUri, string what)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
        {
            return absolute;
        }

        if (requestUri is { IsAbsoluteUri: true } && Uri.TryCreate(requestUri, url, out var resolved))
        {
            return resolved;
        }

        throw new InvalidOperationException("The " + what + " of security scheme '" + Name + "' is not an http(s) URL.");
    }
}
