using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Repos;
using Contracts.Runtime;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.IntegrationTests.ResponseMetadata;

/// <summary>
/// The twins of the client of tests/Contracts.Generator.Tests/Specs/response-headers.yaml against Kestrel on 127.0.0.1:
/// each returns the result with the status code and every header, and the headers the document declares as typed
/// properties (<c>Link</c>, <c>ETag</c>, rate-limit integers, <c>Last-Modified</c>, <c>Location</c>).
/// </summary>
public sealed class ResponseMethodTests
{
    private static readonly DateTimeOffset Modified = new(2026, 12, 1, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_list_returns_its_page_with_the_declared_headers_typed()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var headers = context.Response.Headers;
            headers["Link"] = "<https://repos.example.com/repos?page=2>; rel=\"next\"";
            headers["ETag"] = "\"abc123\"";
            headers["X-RateLimit-Remaining"] = "4999";
            headers["X-RateLimit-Used"] = "1";
            headers["Last-Modified"] = "Tue, 01 Dec 2026 08:30:00 GMT";
            headers["X-Expires-At"] = "2026-12-02T08:30:00Z";
            headers["X-Accepted-OAuth-Scopes"] = "repo, user";
            headers["X-Undeclared"] = "kept too";
            await LoopbackServer.Respond(context, 200, """[{"name": "contracts"}, {"name": "runtime"}]""");
        });
        using var http = new HttpClient();
        var client = new ReposClient(http, new ReposClientOptions { BaseAddress = server.BaseAddress });

        var page = await client.ListReposWithResponseAsync(page: 1);

        Assert.Equal(["contracts", "runtime"], page.Value.Select(r => r.Name));
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)page.StatusCode);
        Assert.Equal("<https://repos.example.com/repos?page=2>; rel=\"next\"", page.Link);
        Assert.Equal("\"abc123\"", page.ETag);
        Assert.Equal(4999L, page.XRateLimitRemaining);
        Assert.Equal(1, page.XRateLimitUsed);
        Assert.Equal(Modified, page.LastModified);
        Assert.Equal(Modified.AddDays(1), page.XExpiresAt);
        Assert.Equal(["repo", "user"], page.XAcceptedOAuthScopes);
        Assert.Equal("kept too", page.Headers.GetString("x-undeclared"));
        Assert.Equal("application/json", page.Headers.GetString("Content-Type"));
        Assert.Equal("/repos?page=1", Assert.Single(server.Requests).Path + Assert.Single(server.Requests).QueryString);
    }

    [Fact]
    public async Task A_header_the_response_does_not_carry_is_null()
    {
        await using var server = await LoopbackServer.StartAsync(200, "[]");
        using var http = new HttpClient();
        var client = new ReposClient(http, new ReposClientOptions { BaseAddress = server.BaseAddress });

        var page = await client.ListReposWithResponseAsync();

        Assert.Empty(page.Value);
        Assert.Null(page.Link);
        Assert.Null(page.XRateLimitRemaining);
        Assert.Null(page.LastModified);
    }

    [Fact]
    public async Task A_created_resource_returns_its_location_and_status()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.Location = "/repos/contracts";
            await LoopbackServer.Respond(context, 201, """{"name": "contracts"}""");
        });
        using var http = new HttpClient();
        var client = new ReposClient(http, new ReposClientOptions { BaseAddress = server.BaseAddress });

        var created = await client.CreateRepoWithResponseAsync(new Repo { Name = "contracts" });

        Assert.Equal(HttpStatusCode.Created, (HttpStatusCode)created.StatusCode);
        Assert.Equal("contracts", created.Value!.Name);
        Assert.Equal("/repos/contracts", created.Location);
        Assert.Null(created.RetryAfter);
    }

    [Fact]
    public async Task A_response_without_a_body_still_has_its_status_and_headers()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["X-Request-Id"] = "req_42";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        using var http = new HttpClient();
        var client = new ReposClient(http, new ReposClientOptions { BaseAddress = server.BaseAddress });

        var deleted = await client.DeleteRepoWithResponseAsync("contracts");

        Assert.Equal(HttpStatusCode.NoContent, (HttpStatusCode)deleted.StatusCode);
        Assert.Equal("req_42", deleted.XRequestId);
    }

    [Fact]
    public async Task A_stream_result_comes_with_its_headers_and_still_owns_the_response()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentLength = 3;
            await LoopbackServer.Respond(context, 200, "zip", "application/zip");
        });
        using var http = new HttpClient();
        var client = new ReposClient(http, new ReposClientOptions { BaseAddress = server.BaseAddress });

#pragma warning disable CS0618 // The operation is deprecated in the document.
        var archive = await client.DownloadArchiveWithResponseAsync("contracts");
#pragma warning restore CS0618
        using var reader = new StreamReader(archive.Value);

        Assert.Equal(3L, archive.ContentLength);
        Assert.Equal("zip", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task An_undeclared_response_still_has_every_header_and_the_simple_call_is_unchanged()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers["Request-Id"] = "req_7";
            await LoopbackServer.Respond(context, 200, """{"name": "contracts"}""");
        });
        using var http = new HttpClient();
        var client = new ReposClient(http, new ReposClientOptions { BaseAddress = server.BaseAddress });

        ApiResponse<Repo> response = await client.GetRepoWithResponseAsync("contracts");
        Repo simple = await client.GetRepoAsync("contracts");

        Assert.Equal("contracts", response.Value.Name);
        Assert.Equal("req_7", response.Headers.GetString("Request-Id"));
        Assert.Equal("contracts", simple.Name);
    }

    [Fact]
    public async Task An_error_throws_as_from_the_simple_method()
    {
        await using var server = await LoopbackServer.StartAsync(422, """{"message": "name taken"}""");
        using var http = new HttpClient();
        var client = new ReposClient(http, new ReposClientOptions { BaseAddress = server.BaseAddress });

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.ListReposWithResponseAsync());

        Assert.Equal(422, (int)error.StatusCode);
        Assert.Equal("name taken", error.Error.Message);
    }
}
