using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.IntegrationTests.Lightsail;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>Without any base address, the client calls the spec's first server URL with its variables filled in.</summary>
public sealed class ServerUrlTests
{
    private const string SuccessBody = """{"success": true, "data": {"id": "abc123", "created_at": "2025-01-01T00:00:00Z"}}""";

    [Fact]
    public async Task The_default_region_selects_the_us_east_1_endpoint()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, SuccessBody);
        using var http = new HttpClient(handler);

        await new LightsailClient(http).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "my-bucket" });

        Assert.Equal("https://lightsail.us-east-1.amazonaws.com/", Assert.Single(handler.Requests).Uri);
        Assert.Equal("us-east-1", new LightsailClientOptions().Region);
    }

    [Fact]
    public async Task The_region_option_fills_the_server_variable()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, SuccessBody);
        using var http = new HttpClient(handler);

        await new LightsailClient(http, new LightsailClientOptions { Region = "eu-west-3" })
            .GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "my-bucket" });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://lightsail.eu-west-3.amazonaws.com/", request.Uri);
        Assert.Equal(HttpMethod.Post, request.Method);
    }

    [Theory]
    [InlineData("us-east-1.attacker.example")]
    [InlineData("ap-nowhere-9")]
    [InlineData("us-east-1/x")]
    public void A_region_the_document_does_not_declare_is_refused_when_the_client_is_constructed(string region)
    {
        using var http = new HttpClient(new RecordingHandler(HttpStatusCode.OK, SuccessBody));

        var exception = Assert.Throws<ArgumentException>(() => new LightsailClient(http, new LightsailClientOptions { Region = region }));

        Assert.Contains("'region'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("us-east-1, us-east-2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_address_with_a_query_keeps_it_after_the_request_path()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"id": "a", "count": 1}""");
        using var http = new HttpClient();
        var client = new Contracts.IntegrationTests.Hostile.HostileClient(
            http, new Contracts.IntegrationTests.Hostile.HostileClientOptions { BaseAddress = new Uri(server.BaseAddress, "/v1?api-version=2024-01-01") });

        await client.GetItemAsync("a", q: "x y");

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/items/a", request.Path);
        Assert.Equal("?api-version=2024-01-01&q=x%20y", request.QueryString);
    }
}
