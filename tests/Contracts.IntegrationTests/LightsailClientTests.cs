using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.IntegrationTests.Lightsail;
using Contracts.Runtime;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>The generated LightsailClient against a real HTTP server on loopback.</summary>
public sealed class LightsailClientTests
{
    private const string Target = "Lightsail_20161128.GetBucketAccessKeys";
    private const string SuccessBody = """{"success": true, "data": {"id": "abc123", "created_at": "2025-01-01T00:00:00Z"}}""";
    private const string FailureBody = """{"success": false, "error": {"code": "VALIDATION_ERROR", "message": "Invalid request parameters"}}""";

    private static readonly GetBucketAccessKeysRequest Request = new() { BucketName = "my-bucket" };

    [Fact]
    public async Task A_success_envelope_returns_its_data()
    {
        await using var server = await LoopbackServer.StartAsync(200, SuccessBody);
        using var http = new HttpClient();

        var result = await Client(http, server.BaseAddress).GetBucketAccessKeysAsync(Request);

        Assert.Equal("abc123", result.Id);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), result.CreatedAt);
        Assert.Null(result.AccessKeys);
    }

    [Fact]
    public async Task A_full_success_envelope_reads_nested_keys_enums_and_nulls()
    {
        const string Body = """
            {"success": true, "data": {"id": "b1", "created_at": "2025-01-01T00:00:00Z", "accessKeys": [
              {"accessKeyId": "AK1", "status": "Active", "createdAt": "2025-02-01T10:00:00Z",
               "lastUsed": {"lastUsedDate": null, "region": "N/A", "serviceName": "N/A"}},
              {"accessKeyId": "AK2", "status": "Inactive"}]}}
            """;
        await using var server = await LoopbackServer.StartAsync(200, Body);
        using var http = new HttpClient();

        var result = await Client(http, server.BaseAddress).GetBucketAccessKeysAsync(Request);

        Assert.NotNull(result.AccessKeys);
        Assert.Equal(2, result.AccessKeys!.Count);
        Assert.Equal("AK1", result.AccessKeys[0].AccessKeyId);
        Assert.Equal(StatusType.Active, result.AccessKeys[0].Status);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 10, 0, 0, TimeSpan.Zero), result.AccessKeys[0].CreatedAt);
        Assert.Null(result.AccessKeys[0].LastUsed!.LastUsedDate);
        Assert.Equal("N/A", result.AccessKeys[0].LastUsed!.Region);
        Assert.Equal(StatusType.Inactive, result.AccessKeys[1].Status);
        Assert.Null(result.AccessKeys[1].LastUsed);
    }

    [Fact]
    public async Task A_failure_envelope_throws_the_typed_error()
    {
        await using var server = await LoopbackServer.StartAsync(400, FailureBody);
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<EnvelopeError>>(
            () => Client(http, server.BaseAddress).GetBucketAccessKeysAsync(Request));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("VALIDATION_ERROR", exception.ErrorCode);
        Assert.Equal("Invalid request parameters", exception.ErrorMessage);
        Assert.Equal("VALIDATION_ERROR", exception.Error.Code);
        Assert.Equal("Invalid request parameters", exception.Error.Message);
        Assert.Equal("GetBucketAccessKeys", exception.OperationName);
    }

    [Fact]
    public async Task The_request_is_a_json_post_to_the_root_with_the_target_header()
    {
        await using var server = await LoopbackServer.StartAsync(200, SuccessBody);
        using var http = new HttpClient();

        await Client(http, server.BaseAddress).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos-2025" });

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal(string.Empty, request.QueryString);
        Assert.Equal(Target, request.Headers["X-Amz-Target"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(JsonValueKind.Object, body.RootElement.ValueKind);
        var member = Assert.Single(body.RootElement.EnumerateObject());
        Assert.Equal("bucketName", member.Name);
        Assert.Equal("photos-2025", member.Value.GetString());
    }

    public static TheoryData<string, int, string, string, string?> UnreadableResponses => new()
    {
        // Case, status, body, content type, text the excerpt must contain.
        { "HTML error page", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", "502 Bad Gateway" },
        { "empty success", 200, string.Empty, "application/json", null },
        { "empty error", 500, string.Empty, "application/json", null },
        { "truncated JSON", 200, """{"success": true, "data": {"id": "abc""", "application/json", "\"success\"" },
        { "success without data", 200, """{"success": true}""", "application/json", "success" },
        { "failure without error", 400, """{"success": false}""", "application/json", "success" },
        { "no success flag", 200, """{"data": {"id": "abc123", "created_at": "2025-01-01T00:00:00Z"}}""", "application/json", "abc123" },
        { "JSON null", 200, "null", "application/json", "null" },
        { "JSON array", 200, "[]", "application/json", "[]" },
        { "data missing a required member", 200, """{"success": true, "data": {"created_at": "2025-01-01T00:00:00Z"}}""", "application/json", "created_at" },
        { "success envelope with error status", 503, SuccessBody, "application/json", "abc123" },
    };

    [Theory]
    [MemberData(nameof(UnreadableResponses))]
    public async Task An_unreadable_response_throws_ApiException_with_status_and_excerpt(string @case, int status, string body, string contentType, string? excerpt)
    {
        await using var server = await LoopbackServer.StartAsync(status, body, contentType);
        using var http = new HttpClient();

        var thrown = await Record.ExceptionAsync(() => Client(http, server.BaseAddress).GetBucketAccessKeysAsync(Request));

        var exception = Assert.IsType<ApiException>(thrown);
        Assert.True((HttpStatusCode)status == exception.StatusCode, $"{@case}: status {exception.StatusCode}");
        Assert.NotNull(exception.ResponseExcerpt);
        if (excerpt is not null)
        {
            Assert.Contains(excerpt, exception.ResponseExcerpt, StringComparison.Ordinal);
        }

        Assert.Equal("GetBucketAccessKeys", exception.OperationName);
        Assert.False(string.IsNullOrWhiteSpace(exception.Reason), @case);
    }

    [Fact]
    public async Task Options_base_address_wins_over_the_HttpClient_base_address()
    {
        await using var chosen = await LoopbackServer.StartAsync(200, SuccessBody);
        await using var ignored = await LoopbackServer.StartAsync(200, SuccessBody);
        using var http = new HttpClient { BaseAddress = ignored.BaseAddress };

        await Client(http, chosen.BaseAddress).GetBucketAccessKeysAsync(Request);

        Assert.Single(chosen.Requests);
        Assert.Empty(ignored.Requests);
    }

    [Fact]
    public async Task The_HttpClient_base_address_is_used_when_options_have_none()
    {
        await using var server = await LoopbackServer.StartAsync(200, SuccessBody);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        await new LightsailClient(http).GetBucketAccessKeysAsync(Request);
        await new LightsailClient(http, new LightsailClientOptions()).GetBucketAccessKeysAsync(Request);

        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData("gateway/lightsail")]
    [InlineData("gateway/lightsail/")]
    public async Task A_base_address_with_a_path_keeps_its_path(string prefix)
    {
        await using var server = await LoopbackServer.StartAsync(200, SuccessBody);
        using var http = new HttpClient();

        await Client(http, new Uri(server.BaseAddress, prefix)).GetBucketAccessKeysAsync(Request);

        Assert.Equal("/gateway/lightsail/", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Cancellation_is_not_wrapped()
    {
        await using var server = await LoopbackServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var http = new HttpClient();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Client(http, server.BaseAddress).GetBucketAccessKeysAsync(Request, cancellation.Token));
    }

    [Fact]
    public async Task Transport_failures_are_not_wrapped()
    {
        // Bound without listening: refused, and no server of a parallel test can be given the port meanwhile.
        using var closed = new ClosedPort();
        using var http = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => Client(http, closed.BaseAddress).GetBucketAccessKeysAsync(Request));
    }

    private static LightsailClient Client(HttpClient http, Uri baseAddress) =>
        new(http, new LightsailClientOptions { BaseAddress = baseAddress });
}
