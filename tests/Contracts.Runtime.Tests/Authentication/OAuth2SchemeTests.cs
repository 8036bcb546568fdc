using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Contracts.Runtime.Authentication;
using Xunit;
using static Contracts.Runtime.Tests.Authentication.AuthenticatedCall;

namespace Contracts.Runtime.Tests.Authentication;

/// <summary>Where an oauth2 or openIdConnect scheme gets its token from, and which scopes it asks for.</summary>
public sealed class OAuth2SchemeTests
{
    [Fact]
    public async Task A_relative_token_url_is_resolved_against_the_request_and_the_flow_scopes_are_asked_for()
    {
        var handler = Service();
        var client = new HttpClient(handler);
        var authentication = new ClientAuthentication(client).OAuth2("oauth", "/oauth/token", ["read", "write"], Credential());

        await SendAsync(client, authentication, Requires("oauth"));

        var token = handler.Requests.Single(request => request.Uri.EndsWith("/oauth/token", StringComparison.Ordinal));
        Assert.Equal("http://127.0.0.1/oauth/token", token.Uri);
        Assert.Equal("grant_type=client_credentials&scope=read+write", token.BodyText);
        Assert.Equal("Bearer at-1", handler.Last.Single("Authorization"));
    }

    [Fact]
    public async Task Configured_scopes_and_token_endpoint_win_over_the_spec()
    {
        var handler = Service();
        var client = new HttpClient(handler);
        var credential = Credential();
        credential.Scopes.Add("admin");
        credential.TokenEndpoint = new Uri("http://127.0.0.1/other/token");
        var authentication = new ClientAuthentication(client).OAuth2("oauth", "http://127.0.0.1/oauth/token", ["read"], credential);

        await SendAsync(client, authentication, Requires("oauth"));

        var token = handler.Requests[0];
        Assert.Equal("http://127.0.0.1/other/token", token.Uri);
        Assert.Equal("grant_type=client_credentials&scope=admin", token.BodyText);
    }

    [Fact]
    public async Task A_failed_discovery_is_tried_again_by_the_next_request()
    {
        var discoveries = 0;
        var handler = Service(discovery: () => ++discoveries == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : Json("{\"issuer\":\"x\",\"jwks_uri\":\"y\",\"token_endpoint\":\"http://127.0.0.1/oauth/token\"}"));
        var client = new HttpClient(handler);
        var authentication = new ClientAuthentication(client).OpenIdConnect("oidc", "http://127.0.0.1/.well-known/openid-configuration", Credential());

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(client, authentication, Requires("oidc")));
        await SendAsync(client, authentication, Requires("oidc"));
        await SendAsync(client, authentication, Requires("oidc"));

        Assert.Contains("OpenID Connect discovery of security scheme 'oidc'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, discoveries);
        Assert.Equal("Bearer at-1", handler.Last.Single("Authorization"));
    }

    [Fact]
    public async Task A_discovery_document_without_a_token_endpoint_is_a_clear_exception()
    {
        var handler = Service(discovery: () => Json("{\"issuer\":\"x\"}"));
        var client = new HttpClient(handler);
        var authentication = new ClientAuthentication(client).OpenIdConnect("oidc", "http://127.0.0.1/.well-known/openid-configuration", Credential());

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(client, authentication, Requires("oidc")));

        Assert.Contains("no absolute http(s) token_endpoint", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(handler.Requests, request => request.Uri.EndsWith("/items", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_provider_wins_over_client_credentials()
    {
        var handler = Service();
        var client = new HttpClient(handler);
        var credential = Credential();
        credential.TokenProvider = new FixedProvider();
        var authentication = new ClientAuthentication(client).OAuth2("oauth", "http://127.0.0.1/oauth/token", ["read"], credential);

        await SendAsync(client, authentication, Requires("oauth"));

        Assert.Single(handler.Requests);
        Assert.Equal("Bearer from-provider", handler.Last.Single("Authorization"));
    }

    private static OAuth2Credential Credential() => new() { ClientId = "client-1", ClientSecret = "secret-123456" };

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static ScriptedHandler Service(Func<HttpResponseMessage>? discovery = null)
    {
        var issued = 0;
        return new ScriptedHandler(request => request.RequestUri!.AbsolutePath switch
        {
            "/.well-known/openid-configuration" => discovery!(),
            "/oauth/token" or "/other/token" => Json("{\"access_token\":\"at-" + ++issued + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"),
            _ => new HttpResponseMessage(HttpStatusCode.OK),
        });
    }

    private sealed class FixedProvider : ITokenProvider
    {
        public ValueTask<AccessToken> GetTokenAsync(TokenRequestContext context, System.Threading.CancellationToken cancellationToken) =>
            new(new AccessToken("from-provider", null));
    }
}
