using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// Gives the access token a request sends as <c>Authorization: Bearer</c>: the hook for any OAuth 2.0 flow or token
/// source (authorization code, device code, MSAL's <c>AcquireTokenForClient</c>, Duende.IdentityModel's token client,
/// a managed identity). It is asked before every request that needs a token, so it should cache; when
/// <see cref="TokenRequestContext.ForceRefresh"/> is set (the service answered <c>401</c>), it should not return the
/// cached token.
/// </summary>
public interface ITokenProvider
{
    /// <summary>A token for <paramref name="context"/>'s scheme and scopes.</summary>
    ValueTask<AccessToken> GetTokenAsync(TokenRequestContext context, CancellationToken cancellationToken);
}
