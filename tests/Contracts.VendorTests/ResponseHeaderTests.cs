using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.VendorTests.GitHub;
using Contracts.VendorTests.Stripe;
using Xunit;

namespace Contracts.VendorTests;

/// <summary>
/// The headers GitHub's description declares on its success responses come back typed from the twin methods:
/// <c>Link</c> on list operations, the <c>X-RateLimit-*</c> integers on <c>rate-limit/get</c>. Stripe's description
/// declares no response header: its twins return <c>ApiResponse&lt;T&gt;</c>, whose headers hold its <c>Request-Id</c>.
/// </summary>
public sealed class ResponseHeaderTests
{
    [Fact]
    public async Task A_GitHub_list_operation_returns_its_Link_header()
    {
        const string link = "<https://api.github.com/organizations/9919/repos?page=2>; rel=\"next\", <https://api.github.com/organizations/9919/repos?page=5>; rel=\"last\"";
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers["Link"] = link;
            await LoopbackServer.Respond(context, 200, "[]");
        });
        using var http = new HttpClient();
        var client = new GitHubClient(http, new GitHubClientOptions { BaseAddress = server.BaseAddress });

        ReposListForOrgResponse page = await client.ReposListForOrgWithResponseAsync("github", page: 1);

        Assert.Empty(page.Value);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(link, page.Link);
        Assert.Equal("/orgs/github/repos?page=1", Assert.Single(server.Requests).Path + Assert.Single(server.Requests).QueryString);
    }

    [Fact]
    public async Task GitHub_rate_limit_headers_are_integers()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers["X-RateLimit-Limit"] = "5000";
            context.Response.Headers["X-RateLimit-Remaining"] = "4987";
            context.Response.Headers["X-RateLimit-Reset"] = "1372700873";
            await LoopbackServer.Respond(context, 200, """
                {"resources": {"core": {"limit": 5000, "remaining": 4987, "reset": 1372700873}, "search": {"limit": 30, "remaining": 18, "reset": 1372697452}},
                 "rate": {"limit": 5000, "remaining": 4987, "reset": 1372700873}}
                """);
        });
        using var http = new HttpClient();
        var client = new GitHubClient(http, new GitHubClientOptions { BaseAddress = server.BaseAddress });

        var limits = await client.RateLimitGetWithResponseAsync();

        Assert.Equal(5000L, limits.XRateLimitLimit);
        Assert.Equal(4987L, limits.XRateLimitRemaining);
        Assert.Equal(1372700873L, limits.XRateLimitReset);
        Assert.Equal(4987L, limits.Value.Rate.Remaining);
    }

    [Fact]
    public async Task A_Stripe_twin_returns_the_Request_Id_with_the_result()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers["Request-Id"] = "req_1Yv2Bq3Cr4Ds5E";
            await LoopbackServer.Respond(context, 200, System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", "stripe-balance.json")));
        });
        using var http = new HttpClient();
        // Stripe's description requires basicAuth or bearerAuth on every operation.
        var client = new StripeClient(http, new StripeClientOptions { BaseAddress = server.BaseAddress, BearerAuth = new("sk_test_4eC39HqLyjWDarjtT1zdp7dc") });

        ApiResponse<Balance> balance = await client.GetBalanceWithResponseAsync();

        Assert.Equal("req_1Yv2Bq3Cr4Ds5E", balance.Headers.GetString("Request-Id"));
        Assert.False(balance.Value.Livemode);
    }
}
