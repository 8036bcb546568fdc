using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// The OAuth 2.0 client credentials grant (RFC 6749 section 4.4): posts <c>grant_type=client_credentials</c> (and the
/// scopes asked for) to the token endpoint, and caches the token until shortly before it expires. Concurrent callers
/// share one token request; <see cref="TokenRequestContext.ForceRefresh"/> skips the cache. A refusal by the token
/// endpoint is an <see cref="ApiException"/> carrying the OAuth <c>error</c> and <c>error_description</c>, with the
/// client secret scrubbed out.
/// </summary>
public sealed class OAuth2ClientCredentialsProvider : ITokenProvider
{
    /// <summary>A provider that posts to <paramref name="tokenEndpoint"/> through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">Sends the token requests.</param>
    /// <param name="tokenEndpoint">The token endpoint (absolute).</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="clientAuthenticationMethod">How the id and secret are sent; <c>client_secret_basic</c> by default.</param>
    /// <param name="timeProvider">The clock expiry is measured by; the system clock by default.</param>
    public OAuth2ClientCredentialsProvider(
        HttpClient httpClient,
        Uri tokenEndpoint,
        string clientId,
        string clientSecret,
        OAuth2ClientAuthenticationMethod clientAuthenticationMethod = OAuth2ClientAuthenticationMethod.ClientSecretBasic,
        TimeProvider? timeProvider = null)
    {
        throw new NotImplementedException();
    }

    /// <inheritdoc />
    public ValueTask<AccessToken> GetTokenAsync(TokenRequestContext context, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Names the token endpoint and client id, never the secret or a token.</summary>
    public override string ToString() => throw new NotImplementedException();
}
