using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Files;
using Contracts.IntegrationTests.Hostile;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>
/// Redirects over real HTTP between two Kestrel servers on 127.0.0.1, on different ports and so different origins. The
/// clients come from the generated <c>services.AddXClient(…)</c>, with credentials added the three ways callers add
/// them: operation parameters (<c>X-Api-Key</c>, <c>api_key</c>, a cookie), <c>DefaultRequestHeaders</c> and a handler.
/// </summary>
public sealed class RedirectTests
{
    private const string HeaderKey = "header-key-5e6f7a8b9c";
    private const string QueryKey = "query-key-1a2b3c4d5e";
    private const string BearerToken = "bearer-token-0f1e2d3c4b";
    private const string SessionCookie = "session-cookie-9a8b7c6d";
    private const string ItemJson = """{"id": "b", "count": 1}""";

    [Fact]
    public async Task A_same_origin_redirect_keeps_every_credential()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path == "/items/a"
            ? Redirect(context, 302, "/items/b")
            : LoopbackServer.Respond(context, 200, ItemJson));
        await using var provider = Hostile(server.BaseAddress);

        var item = await provider.GetRequiredService<IHostileClient>().GetItemAsync("a", apiKey: QueryKey, xApiKey: HeaderKey, xTrace: "trace-1");

        Assert.Equal("b", item.Id);
        Assert.Equal(["/items/a", "/items/b"], server.Requests.Select(r => r.Path));
        var followed = server.Requests[1];
        Assert.Equal(HeaderKey, followed.Headers["X-Api-Key"]);
        Assert.Equal("Bearer " + BearerToken, followed.Headers["Authorization"]);
        Assert.Equal("session=" + SessionCookie, followed.Headers["Cookie"]);
        Assert.Equal("trace-1", followed.Headers["X-Trace"]);
    }

    [Fact]
    public async Task A_cross_origin_redirect_arrives_without_any_credential()
    {
        await using var other = await LoopbackServer.StartAsync(200, ItemJson);
        var target = new Uri(other.BaseAddress, "/items/b?api_key=" + QueryKey + "&keep=1");
        await using var server = await LoopbackServer.StartAsync(context => Redirect(context, 302, target.AbsoluteUri));
        await using var provider = Hostile(server.BaseAddress);

        var item = await provider.GetRequiredService<IHostileClient>().GetItemAsync("a", apiKey: QueryKey, xApiKey: HeaderKey, xTrace: "trace-1");

        Assert.Equal("b", item.Id);
        var arrived = Assert.Single(other.Requests);
        Assert.Equal("/items/b", arrived.Path);
        Assert.Equal("?keep=1", arrived.QueryString);
        Assert.False(arrived.Headers.ContainsKey("X-Api-Key"), "X-Api-Key reached the other origin");
        Assert.False(arrived.Headers.ContainsKey("Authorization"), "Authorization reached the other origin");
        Assert.False(arrived.Headers.ContainsKey("Cookie"), "the cookie reached the other origin");
        Assert.Equal(other.BaseAddress.Authority, arrived.Headers["Host"]);
        Assert.Equal("trace-1", arrived.Headers["X-Trace"]);
    }

    [Fact]
    public async Task A_307_that_would_carry_the_body_to_another_origin_is_not_followed()
    {
        await using var other = await LoopbackServer.StartAsync(200, """{"id": "ch_other"}""");
        var target = new Uri(other.BaseAddress, "/charges?access_token=" + BearerToken);
        await using var server = await LoopbackServer.StartAsync(context => Redirect(context, 307, target.AbsoluteUri));
        await using var provider = Files(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IFilesClient>().CreateChargeAsync(new CreateChargeRequest { Amount = 100 }));

        Assert.Empty(other.Requests);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, exception.StatusCode);
        Assert.Equal("CreateCharge", exception.OperationName);
        Assert.Contains(other.BaseAddress.Authority, exception.Reason, StringComparison.Ordinal);
        Assert.Contains("request body", exception.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(BearerToken, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_303_after_a_post_is_followed_as_a_get_without_the_body_or_credentials()
    {
        await using var other = await LoopbackServer.StartAsync(200, """{"id": "ch_other"}""");
        await using var server = await LoopbackServer.StartAsync(context => Redirect(context, 303, new Uri(other.BaseAddress, "/charges/ch_other").AbsoluteUri));
        await using var provider = Files(server.BaseAddress);

        var charge = await provider.GetRequiredService<IFilesClient>().CreateChargeAsync(new CreateChargeRequest { Amount = 100 });

        Assert.Equal("ch_other", charge!.Id);
        var arrived = Assert.Single(other.Requests);
        Assert.Equal("GET", arrived.Method);
        Assert.Empty(arrived.Body);
        Assert.False(arrived.Headers.ContainsKey("Content-Type"));
        Assert.False(arrived.Headers.ContainsKey("X-Api-Key"), "X-Api-Key reached the other origin");
        Assert.False(arrived.Headers.ContainsKey("Authorization"), "Authorization reached the other origin");
    }

    [Fact]
    public async Task A_same_origin_307_sends_a_buffered_body_again_with_its_credentials()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path == "/charges"
            ? Redirect(context, 307, "/charges/again")
            : LoopbackServer.Respond(context, 200, """{"id": "ch_1"}"""));
        await using var provider = Files(server.BaseAddress);

        var charge = await provider.GetRequiredService<IFilesClient>().CreateChargeAsync(new CreateChargeRequest { Amount = 100 });

        Assert.Equal("ch_1", charge!.Id);
        Assert.Equal(["/charges", "/charges/again"], server.Requests.Select(r => r.Path));
        Assert.All(server.Requests, r => Assert.Equal(("POST", "amount=100"), (r.Method, r.BodyText)));
        Assert.Equal("Bearer " + BearerToken, server.Requests[1].Headers["Authorization"]);
        Assert.Equal(HeaderKey, server.Requests[1].Headers["X-Api-Key"]);
    }

    [Fact]
    public async Task A_same_origin_307_of_an_uploaded_stream_fails_clearly_and_sends_it_once()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path == "/files/a.bin"
            ? Redirect(context, 307, "/files/b.bin")
            : LoopbackServer.Respond(context, 204, string.Empty));
        await using var provider = Files(server.BaseAddress);
        using var upload = new MemoryStream([1, 2, 3]);

        var exception = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IFilesClient>().PutFileAsync("a.bin", upload));

        Assert.Equal(["/files/a.bin"], server.Requests.Select(r => r.Path));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, exception.StatusCode);
        Assert.Contains("/files/b.bin", exception.Reason, StringComparison.Ordinal);
        Assert.Contains("stream", exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_stop_after_ten_hops()
    {
        var hops = 0;
        await using var server = await LoopbackServer.StartAsync(context => Redirect(context, 302, "/items/a?hop=" + Interlocked.Increment(ref hops)));
        await using var provider = Hostile(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IHostileClient>().GetItemAsync("a"));

        Assert.Equal(11, server.Requests.Count);
        Assert.Equal(HttpStatusCode.Found, exception.StatusCode);
        Assert.Contains("more than 10 redirects", exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_parameter_does_not_follow_a_redirect_to_another_origin()
    {
        await using var other = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(new byte[] { 7, 7 });
        });
        await using var server = await LoopbackServer.StartAsync(context => Redirect(context, 302, new Uri(other.BaseAddress, "/blobs/b").AbsoluteUri));
        await using var provider = Files(server.BaseAddress, addCredentials: false);

        await using var stream = await provider.GetRequiredService<IFilesClient>().GetFileAsync("a", session: SessionCookie);

        Assert.Equal(7, stream.ReadByte());
        Assert.Equal("session=" + SessionCookie, Assert.Single(server.Requests).Headers["Cookie"]);
        Assert.False(Assert.Single(other.Requests).Headers.ContainsKey("Cookie"), "the cookie reached the other origin");
    }

    [Fact]
    public async Task A_caller_s_HttpClient_with_a_SafeRedirectHandler_follows_the_same_policy()
    {
        await using var other = await LoopbackServer.StartAsync(200, ItemJson);
        await using var server = await LoopbackServer.StartAsync(context => Redirect(context, 307, new Uri(other.BaseAddress, "/items/b").AbsoluteUri));
        using var http = new HttpClient(new SafeRedirectHandler());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);

        var item = await HostileResponseTests.Client(http, server).GetItemAsync("a", xApiKey: HeaderKey);

        Assert.Equal("b", item.Id);
        var arrived = Assert.Single(other.Requests);
        Assert.False(arrived.Headers.ContainsKey("X-Api-Key"), "X-Api-Key reached the other origin");
        Assert.False(arrived.Headers.ContainsKey("Authorization"), "Authorization reached the other origin");
    }

    [Fact]
    public async Task A_redirect_the_HttpClient_does_not_follow_fails_naming_it()
    {
        await using var server = await LoopbackServer.StartAsync(context => Redirect(context, 302, "/items/b"));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var exception = await Assert.ThrowsAsync<ApiException>(() => HostileResponseTests.Client(http, server).GetItemAsync("a"));

        Assert.Equal(HttpStatusCode.Found, exception.StatusCode);
        Assert.Equal("the service redirected to " + new Uri(server.BaseAddress, "/items/b").AbsoluteUri + ", which was not followed: the HttpClient's handler does not follow redirects", exception.Reason);
    }

    [Fact]
    public async Task A_long_location_is_bounded_in_the_message()
    {
        var location = "/items/b?" + new string('q', 10_000);
        await using var server = await LoopbackServer.StartAsync(context => Redirect(context, 302, location));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var exception = await Assert.ThrowsAsync<ApiException>(() => HostileResponseTests.Client(http, server).GetItemAsync("a"));

        Assert.Contains("/items/b?qqq", exception.Reason, StringComparison.Ordinal);
        Assert.True(exception.Message.Length < 1000, exception.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static Task Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    /// <summary>The Hostile client from the generated registration, with a bearer token in its default headers and a handler that adds a session cookie.</summary>
    private static ServiceProvider Hostile(Uri baseAddress)
    {
        var services = new ServiceCollection();
        services.AddHostileClient(options => options.BaseAddress = baseAddress)
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken))
            .AddHttpMessageHandler(() => new CookieHandler());
        return services.BuildServiceProvider();
    }

    /// <summary>The Files client from the generated registration; its credentials are a bearer token and an API key in the default headers.</summary>
    private static ServiceProvider Files(Uri baseAddress, bool addCredentials = true)
    {
        var services = new ServiceCollection();
        var builder = services.AddFilesClient(options => options.BaseAddress = baseAddress);
        if (addCredentials)
        {
            builder.ConfigureHttpClient(http =>
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
                http.DefaultRequestHeaders.Add("X-Api-Key", HeaderKey);
            });
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Adds the session cookie to every request, as an authentication handler in a caller's pipeline does.</summary>
    private sealed class CookieHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("Cookie", "session=" + SessionCookie);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
