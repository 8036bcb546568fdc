using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>
/// The fake's verifier must refuse what AWS refuses, or every "signed" test above would pass vacuously. Requests
/// here are signed by the runtime's signer directly and then tampered with, the way a buggy client or proxy would.
/// </summary>
public sealed class SignatureVerifierTests
{
    private const string Body = """{"bucketName":"photos"}""";

    [Fact]
    public async Task An_untouched_signed_request_is_accepted()
    {
        await using var fake = await StartAsync();
        using var http = new HttpClient();

        var response = await http.SendAsync(await SignedAsync(fake, DateTimeOffset.UtcNow));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        await using var fake = await StartAsync();
        using var http = new HttpClient();
        var request = await SignedAsync(fake, DateTimeOffset.UtcNow);
        request.Content = Content("""{"bucketName":"other"}""");

        await AssertRefusedAsync(http, request, "InvalidSignatureException");
    }

    [Fact]
    public async Task A_target_changed_after_signing_is_refused()
    {
        await using var fake = await StartAsync();
        using var http = new HttpClient();
        var request = await SignedAsync(fake, DateTimeOffset.UtcNow);
        request.Headers.Remove("X-Amz-Target");
        request.Headers.Add("X-Amz-Target", "Lightsail_20161128.CreateBucketAccessKey");

        await AssertRefusedAsync(http, request, "InvalidSignatureException");
    }

    [Fact]
    public async Task A_query_added_after_signing_is_refused()
    {
        await using var fake = await StartAsync();
        using var http = new HttpClient();
        var request = await SignedAsync(fake, DateTimeOffset.UtcNow);
        request.RequestUri = new Uri(fake.BaseAddress, "/?extra=1");

        await AssertRefusedAsync(http, request, "InvalidSignatureException");
    }

    [Fact]
    public async Task An_old_signature_is_refused()
    {
        await using var fake = await StartAsync();
        using var http = new HttpClient();

        await AssertRefusedAsync(http, await SignedAsync(fake, DateTimeOffset.UtcNow.AddMinutes(-10)), "InvalidSignatureException");
    }

    [Fact]
    public async Task An_unsigned_request_is_refused()
    {
        await using var fake = await StartAsync();
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, fake.BaseAddress) { Content = Content(Body) };
        request.Headers.Add("X-Amz-Target", "Lightsail_20161128.GetBucketAccessKeys");

        await AssertRefusedAsync(http, request, "MissingAuthenticationTokenException");
    }

    private static async Task<FakeLightsail> StartAsync()
    {
        var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        return fake;
    }

    private static async Task<HttpRequestMessage> SignedAsync(FakeLightsail fake, DateTimeOffset now)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, fake.BaseAddress) { Content = Content(Body) };
        request.Headers.Add("X-Amz-Target", "Lightsail_20161128.GetBucketAccessKeys");
        await SigV4Signer.SignAsync(request, TestCredentials.Create(), fake.Region, fake.Service, now);
        return request;
    }

    private static ByteArrayContent Content(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        return content;
    }

    private static async Task AssertRefusedAsync(HttpClient http, HttpRequestMessage request, string errorType)
    {
        using var response = await http.SendAsync(request);
        Assert.Equal(403, (int)response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(errorType, body.RootElement.GetProperty("__type").GetString());
    }
}
