using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Authentication;
using Microsoft.Identity.Client;

namespace Contracts.IntegrationTests.Authentication;

/// <summary>
/// The token-provider hook with MSAL (Microsoft Entra ID): a confidential client's app-only token. MSAL caches the
/// token itself and refreshes it before expiry; a 401 from the service asks past its cache
/// (<see cref="TokenRequestContext.ForceRefresh"/>). Compiled here so that the docs' example stays right; MSAL talks
/// only to https authorities, so it is not called against the local stand-in.
/// </summary>
public sealed class MsalTokenProvider(IConfidentialClientApplication application, params string[] scopes) : ITokenProvider
{
    public async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        // Entra ID wants "<resource>/.default" for app-only tokens; the spec's scopes are used when none are given.
        var asked = scopes.Length > 0 ? scopes : context.Scopes.ToArray();
        var result = await application.AcquireTokenForClient(asked)
            .WithForceRefresh(context.ForceRefresh)
            .ExecuteAsync(cancellationToken);
        return new AccessToken(result.AccessToken, result.ExpiresOn);
    }
}
