using System.Net.Http;
using System.Threading.Tasks;
using Contracts.Runtime.Authentication;
using Duende.IdentityModel.Client;
using Xunit;
using static Contracts.IntegrationTests.Authentication.AuthServer;

namespace Contracts.IntegrationTests.Authentication;

/// <summary>A token from another library (Duende.IdentityModel here) through the <see cref="ITokenProvider"/> hook.</summary>
public sealed class TokenProviderHookTests
{
    [Fact]
    public async Task A_Duende_token_client_supplies_the_bearer_token()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var duende = new DuendeTokenProvider(http, new ClientCredentialsTokenRequest { Address = server.TokenEndpoint.AbsoluteUri, ClientId = ClientId, ClientSecret = ClientSecret });
        var authentication = new ClientAuthentication(http).OAuth2("oauth", tokenUrl: null, ["read"], new OAuth2Credential { TokenProvider = duende });

        await server.CallAsync(http, authentication, "/oauth", Requires("oauth"));
        await server.CallAsync(http, authentication, "/oauth", Requires("oauth"));

        Assert.Equal(2, server.Received("/oauth"));
        Assert.Equal(2, server.TokenRequests);
    }

    [Fact]
    public async Task An_oauth2_scheme_without_a_client_credentials_flow_needs_a_token_provider()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var authentication = new ClientAuthentication(http).OAuth2("oauth", tokenUrl: null, ["read"], new OAuth2Credential { ClientId = ClientId, ClientSecret = ClientSecret });

        await Assert.ThrowsAsync<CredentialNotConfiguredException>(() => server.CallAsync(http, authentication, "/oauth", Requires("oauth")));

        Assert.Empty(server.Server.Requests);
    }
}
