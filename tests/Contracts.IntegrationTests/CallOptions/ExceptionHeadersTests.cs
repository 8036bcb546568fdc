using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.IntegrationTests.CallOptions;

/// <summary>
/// <see cref="ApiException.Headers"/> over real HTTP: the error response's headers, safe to log like the rest of the
/// exception: the request's credentials echoed in a header are replaced, cookies and credential-named headers too.
/// </summary>
public sealed class ExceptionHeadersTests
{
    private const string BearerToken = "eyJhbGciOiJIUzI1NiJ9.header-echo-0123456789";
    private const string ApiKey = "key-live-5c4b3a291807";
    private const string Session = "s3ss10n-abcdef0123";

    [Fact]
    public async Task The_error_responses_headers_come_with_the_exception_scrubbed()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var headers = context.Response.Headers;
            headers.WWWAuthenticate = "Bearer error=\"invalid_token\", token=\"" + context.Request.Headers.Authorization.ToString()["Bearer ".Length..] + "\"";
            headers["X-Echo"] = "you sent " + Uri.EscapeDataString(context.Request.Headers["X-Api-Key"].ToString());
            headers.SetCookie = "session=" + Session + "; Path=/; HttpOnly";
            headers["X-Auth-Token"] = "fresh-token-0987654321";
            headers["Request-Id"] = "req_visible_42";
            headers.RetryAfter = "Wed, 21 Oct 2015 07:28:00 GMT";
            await LoopbackServer.Respond(context, 401, "{\"error\":\"unauthorized\"}");
        });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        var request = ContractsHttp.CreateRequest(HttpMethod.Get, server.BaseAddress, "/me");
        ContractsHttp.AddHeader(request, "X-Api-Key", ApiKey);

        var exception = await Assert.ThrowsAsync<ApiException>(
            () => ContractsHttp.SendAsync(http, request, "GetMe", errors: null, clientDefaults: null, requestOptions: null, CancellationToken.None));

        var headers = exception.Headers!;
        var everything = string.Join("\n", headers.Select(header => header.Key + ": " + string.Join(", ", header.Value)));
        Assert.DoesNotContain(BearerToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Session, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("fresh-token-0987654321", everything, StringComparison.Ordinal);

        // What is not a credential stays readable, and the echoes were there to be scrubbed.
        Assert.Equal("Bearer error=\"invalid_token\", token=\"***\"", headers.GetString("WWW-Authenticate"));
        Assert.Equal("you sent ***", headers.GetString("X-Echo"));
        Assert.Equal("session=***; Path=/; HttpOnly", headers.GetString("Set-Cookie"));
        Assert.Equal("***", headers.GetString("X-Auth-Token"));
        Assert.Equal("req_visible_42", headers.GetString("Request-Id"));
        Assert.Equal(new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero), headers.GetDateTimeOffset("Retry-After"));
        Assert.Equal("application/json", headers.GetString("Content-Type"));
    }

    [Fact]
    public async Task A_per_call_header_named_like_a_credential_is_scrubbed_where_echoed()
    {
        const string Secret = "per-call-secret-24680";
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers["X-Debug"] = "token " + context.Request.Headers["X-Partner-Token"];
            await LoopbackServer.Respond(context, 400, "bad");
        });
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(
            () => ContractsHttp.SendAsync(
                http,
                ContractsHttp.CreateRequest(HttpMethod.Get, server.BaseAddress, "/x"),
                "GetX",
                errors: null,
                clientDefaults: null,
                new RequestOptions { Headers = { ["X-Partner-Token"] = Secret } },
                CancellationToken.None));

        Assert.Equal("token ***", exception.Headers!.GetString("X-Debug"));
    }

    [Fact]
    public void An_exception_built_by_hand_has_no_headers()
    {
        Assert.Null(new ApiException("Op", System.Net.HttpStatusCode.BadRequest, "reason").Headers);
    }
}
