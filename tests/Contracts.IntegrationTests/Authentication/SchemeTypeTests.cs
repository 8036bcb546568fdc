using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.Runtime.Authentication;
using Xunit;
using static Contracts.IntegrationTests.Authentication.AuthServer;

namespace Contracts.IntegrationTests.Authentication;

/// <summary>
/// Over HTTP, for each scheme type: a service that checks the credential accepts the configured one, refuses a wrong
/// one (and the exception does not repeat it), and a missing one is refused by the client before anything is sent.
/// </summary>
public sealed class SchemeTypeTests
{
    public static TheoryData<string, string> Schemes => new()
    {
        { "headerKey", "/apikey/header" },
        { "queryKey", "/apikey/query" },
        { "cookieKey", "/apikey/cookie" },
        { "bearer", "/bearer" },
        { "basic", "/basic" },
        { "tokenScheme", "/token-scheme" },
        { "oauth", "/oauth" },
        { "oidc", "/oauth" },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task The_configured_credential_is_accepted(string scheme, string path)
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();

        await server.CallAsync(http, server.Authentication(http), path, Requires(scheme));

        Assert.Equal(1, server.Received(path));
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task A_wrong_credential_is_refused_and_not_repeated_by_the_exception(string scheme, string path)
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        const string Wrong = "wrong-credential-8d7c";
        var authentication = server.Authentication(http, apiKey: Wrong, bearer: Wrong, password: Wrong, schemeValue: Wrong, clientSecret: Wrong);

        var exception = await Assert.ThrowsAsync<ApiException>(() => server.CallAsync(http, authentication, path, Requires(scheme)));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Contains("***", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(Wrong), exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task A_missing_credential_is_refused_before_anything_is_sent(string scheme, string path)
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var authentication = server.Authentication(http, apiKey: null, bearer: null, password: null, schemeValue: null, clientSecret: null);

        var exception = await Assert.ThrowsAsync<CredentialNotConfiguredException>(() => server.CallAsync(http, authentication, path, Requires(scheme)));

        Assert.Empty(server.Server.Requests);
        Assert.Equal([scheme], exception.SchemeNames);
        Assert.Contains("'" + scheme + "'", exception.Message, StringComparison.Ordinal);
    }
}
