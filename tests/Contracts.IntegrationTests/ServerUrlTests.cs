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
        var handler = new CapturingHandler(HttpStatusCode.OK, SuccessBody);
        using var http = new HttpClient(handler);

        await new LightsailClient(http).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "my-bucket" });

        Assert.Equal(new Uri("https://lightsail.us-east-1.amazonaws.com/"), Assert.Single(handler.Requests).RequestUri);
        Assert.Equal("us-east-1", new LightsailClientOptions().Region);
    }

    [Fact]
    public async Task The_region_option_fills_the_server_variable()
    {
        var handler = new CapturingHandler(HttpStatusCode.OK, SuccessBody);
        using var http = new HttpClient(handler);

        await new LightsailClient(http, new LightsailClientOptions { Region = "eu-west-3" })
            .GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "my-bucket" });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("https://lightsail.eu-west-3.amazonaws.com/"), request.RequestUri);
        Assert.Equal(HttpMethod.Post, request.Method);
    }
}
