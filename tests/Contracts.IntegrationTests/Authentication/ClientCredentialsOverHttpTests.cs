using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Contracts.Runtime;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Contracts.IntegrationTests.Authentication.AuthServer;

namespace Contracts.IntegrationTests.Authentication;

/// <summary>
/// OAuth 2.0 client credentials against a token endpoint on 127.0.0.1: one token for many requests and many
/// concurrent callers, a new one shortly before expiry (time injected), a revoked token replaced once on a 401.
/// </summary>
public sealed class ClientCredentialsOverHttpTests
{
    [Fact]
    public async Task One_token_serves_many_requests_until_shortly_before_it_expires()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var authentication = server.Authentication(http, time: time);

        await server.CallAsync(http, authentication, "/oauth", Requires("oauth"));
        await server.CallAsync(http, authentication, "/oauth", Requires("oauth"));
        time.Advance(TimeSpan.FromSeconds(3600 - 61));
        await server.CallAsync(http, authentication, "/oauth", Requires("oauth"));
        Assert.Equal(1, server.TokenRequests);

        time.Advance(TimeSpan.FromSeconds(2));
        await server.CallAsync(http, authentication, "/oauth", Requires("oauth"));

        Assert.Equal(2, server.TokenRequests);
        var tokenRequest = server.Server.Requests.First(request => request.Path == "/oauth/token");
        Assert.Equal("grant_type=client_credentials&scope=read+write", tokenRequest.BodyText);
    }

    [Fact]
    public async Task Twenty_concurrent_callers_share_one_token_request()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var authentication = server.Authentication(http);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.TokenGate = gate.Task;

        // Each call asks for its token before its first await returns, so all 20 have asked before the gate opens.
        var calls = Enumerable.Range(0, 20).Select(_ => server.CallAsync(http, authentication, "/oauth", Requires("oauth"))).ToArray();
        await server.TokenRequested.Task;
        gate.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(1, server.TokenRequests);
        Assert.Equal(20, server.Received("/oauth"));
        Assert.Single(server.Server.Requests.Where(request => request.Path == "/oauth").Select(request => request.Headers["Authorization"]).Distinct());
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_once_and_the_request_sent_again()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var authentication = server.Authentication(http);
        await server.CallAsync(http, authentication, "/oauth", Requires("oauth"));
        var first = server.Server.Requests.Single(request => request.Path == "/oauth").Headers["Authorization"].Substring(7);
        server.Revoked[first] = true;

        await server.CallAsync(http, authentication, "/oauth", Requires("oauth"), HttpMethod.Post, new StringContent("{\"n\":1}", Encoding.UTF8, "application/json"));

        Assert.Equal(2, server.TokenRequests);
        var calls = server.Server.Requests.Where(request => request.Path == "/oauth").ToArray();
        Assert.Equal(3, calls.Length);
        Assert.Equal("{\"n\":1}", calls[2].BodyText);
        Assert.NotEqual(calls[1].Headers["Authorization"], calls[2].Headers["Authorization"]);
    }

    [Fact]
    public async Task A_token_the_service_keeps_refusing_is_replaced_only_once()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var authentication = server.Authentication(http);

        var exception = await Assert.ThrowsAsync<ApiException>(() => server.CallAsync(http, authentication, "/bearer-only-refuses", Requires("oauth")));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal(2, server.Received("/bearer-only-refuses"));
        Assert.Equal(2, server.TokenRequests);
        Assert.DoesNotContain("access-", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_client_secret_is_a_clear_exception_that_does_not_repeat_it()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var authentication = server.Authentication(http, clientSecret: "not-the-secret-42");

        var exception = await Assert.ThrowsAsync<ApiException>(() => server.CallAsync(http, authentication, "/oauth", Requires("oauth")));

        Assert.Equal("invalid_client", exception.ErrorCode);
        Assert.Contains("token request of security scheme 'oauth'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-42", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":not-the-secret-42")), exception.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, server.Received("/oauth"));
    }

    [Fact]
    public async Task OpenID_Connect_reads_the_discovery_document_once()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var authentication = server.Authentication(http);

        await server.CallAsync(http, authentication, "/oauth", Requires("oidc"));
        await server.CallAsync(http, authentication, "/oauth", Requires("oidc"));

        Assert.Equal(1, server.Received("/.well-known/openid-configuration"));
        Assert.Equal(1, server.TokenRequests);
        Assert.Equal("grant_type=client_credentials&scope=read", server.Server.Requests.Single(request => request.Path == "/oauth/token").BodyText);
    }
}
