using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.Runtime.Authentication;
using Duende.IdentityModel.Client;

namespace Contracts.IntegrationTests.Authentication;

/// <summary>
/// The token-provider hook with Duende.IdentityModel's token client: any grant it supports (here client credentials)
/// becomes a client's token. What the docs show; <see cref="TokenProviderHookTests"/> runs it against a token endpoint.
/// It asks on every call: in production, cache (Duende.AccessTokenManagement does) and skip the cache when
/// <see cref="TokenRequestContext.ForceRefresh"/> is set.
/// </summary>
public sealed class DuendeTokenProvider(HttpClient http, ClientCredentialsTokenRequest template) : ITokenProvider
{
    public async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var request = new ClientCredentialsTokenRequest
        {
            Address = template.Address,
            ClientId = template.ClientId,
            ClientSecret = template.ClientSecret,
            Scope = context.Scopes.Count > 0 ? string.Join(" ", context.Scopes) : template.Scope,
        };
        var response = await http.RequestClientCredentialsTokenAsync(request, cancellationToken);
        if (response.IsError || response.AccessToken is null)
        {
            // Error and ErrorDescription are the server's; the secret stays out of the message.
            throw new InvalidOperationException("The token request failed: " + response.Error + " " + response.ErrorDescription);
        }

        return new AccessToken(response.AccessToken, response.ExpiresIn > 0 ? DateTimeOffset.UtcNow.AddSeconds(response.ExpiresIn) : null);
    }
}
