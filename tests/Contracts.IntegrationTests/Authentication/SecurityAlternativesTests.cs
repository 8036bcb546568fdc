using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.Runtime.Authentication;
using Xunit;
using static Contracts.IntegrationTests.Authentication.AuthServer;

namespace Contracts.IntegrationTests.Authentication;

/// <summary>An operation's security over HTTP: OR of AND requirements, the anonymous alternative, anonymous only.</summary>
public sealed class SecurityAlternativesTests
{
    [Fact]
    public async Task Both_schemes_of_an_and_requirement_are_sent()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();

        await server.CallAsync(http, server.Authentication(http), "/both", Requires("headerKey", "bearer"));

        Assert.Equal(1, server.Received("/both"));
    }

    [Fact]
    public async Task The_first_satisfiable_alternative_is_sent()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var authentication = server.Authentication(http, password: null);
        SecurityRequirement[] security = [new(new SchemeUse("basic")), new(new SchemeUse("bearer")), new(new SchemeUse("headerKey"))];

        await server.CallAsync(http, authentication, "/bearer", security);

        var sent = server.Server.Requests.Single();
        Assert.Equal("Bearer " + BearerToken, sent.Headers["Authorization"]);
        Assert.False(sent.Headers.ContainsKey("X-API-Key"));
    }

    [Fact]
    public async Task An_anonymous_alternative_lets_a_client_without_credentials_call()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var authentication = server.Authentication(http, bearer: null);

        await server.CallAsync(http, authentication, "/public", [SecurityRequirement.Anonymous, new(new SchemeUse("bearer"))]);

        Assert.False(server.Server.Requests.Single().Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task An_anonymous_alternative_still_sends_a_configured_credential()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();

        await server.CallAsync(http, server.Authentication(http), "/bearer", [SecurityRequirement.Anonymous, new(new SchemeUse("bearer"))]);

        Assert.Equal("Bearer " + BearerToken, server.Server.Requests.Single().Headers["Authorization"]);
    }

    [Fact]
    public async Task An_anonymous_only_operation_sends_no_credential()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();

        await server.CallAsync(http, server.Authentication(http), "/public", []);

        var sent = server.Server.Requests.Single();
        Assert.False(sent.Headers.ContainsKey("Authorization"));
        Assert.False(sent.Headers.ContainsKey("X-API-Key"));
        Assert.False(sent.Headers.ContainsKey("Cookie"));
        Assert.Empty(sent.QueryString);
    }

    [Fact]
    public async Task An_and_requirement_with_one_missing_scheme_sends_nothing()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var authentication = server.Authentication(http, bearer: null);

        var exception = await Assert.ThrowsAsync<CredentialNotConfiguredException>(() => server.CallAsync(http, authentication, "/both", Requires("headerKey", "bearer")));

        Assert.Empty(server.Server.Requests);
        Assert.Contains("all of 'headerKey', 'bearer'", exception.Message, System.StringComparison.Ordinal);
    }
}
