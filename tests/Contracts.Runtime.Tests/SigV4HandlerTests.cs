using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Contracts.Runtime.Tests.Infrastructure;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>The handler end to end: an HttpClient whose transport is replaced by a recorder.</summary>
public sealed class SigV4HandlerTests
{
    private readonly ScriptedHandler _transport = new();

    [Fact]
    public async Task Signs_a_request_as_the_suite_does()
    {
        using var client = Client(SigV4Suite.Credentials);

        await client.PostAsync("http://example.amazonaws.com/?Param1=value1", content: null);

        Assert.Equal(SigV4Suite.Authorization("post-vanilla-query"), _transport.Last.Single("Authorization"));
        Assert.Equal("20150830T123600Z", _transport.Last.Single("X-Amz-Date"));
        Assert.Equal("example.amazonaws.com", _transport.Last.Single("Host"));
        Assert.False(_transport.Last.Has("X-Amz-Security-Token"));
        Assert.False(_transport.Last.Has("X-Amz-Content-SHA256"));
    }

    [Theory]
    [InlineData("post-x-www-form-urlencoded", "application/x-www-form-urlencoded")]
    // The .sreq (and .sts) of this case were made with "charset=utf8", unlike its .req.
    [InlineData("post-x-www-form-urlencoded-parameters", "application/x-www-form-urlencoded; charset=utf8")]
    public async Task Hashes_and_still_sends_the_body(string caseName, string contentType)
    {
        // These cases' signed requests sign Content-Type but not Content-Length, as the handler does.
        using var client = Client(SigV4Suite.Credentials);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("Param1=value1"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        await client.PostAsync("http://example.amazonaws.com/", content);

        Assert.Equal(SigV4Suite.SignedRequestAuthorization(caseName), _transport.Last.Single("Authorization"));
        Assert.Equal("Param1=value1", Encoding.UTF8.GetString(_transport.Last.Body!));
    }

    [Fact]
    public async Task Signs_the_session_token_of_temporary_credentials()
    {
        using var client = Client(new AwsCredentials(SigV4Suite.AccessKeyId, SigV4Suite.SecretAccessKey, SigV4Suite.SessionToken));

        await client.PostAsync("http://example.amazonaws.com/", content: null);

        Assert.Equal(SigV4Suite.Authorization("post-sts-token/post-sts-header-before"), _transport.Last.Single("Authorization"));
        Assert.Equal(SigV4Suite.SessionToken, _transport.Last.Single("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task Can_add_the_session_token_after_signing()
    {
        var options = new SigV4SigningOptions { SignSessionToken = false };
        using var client = Client(new AwsCredentials(SigV4Suite.AccessKeyId, SigV4Suite.SecretAccessKey, SigV4Suite.SessionToken), options: options);

        await client.PostAsync("http://example.amazonaws.com/", content: null);

        Assert.Equal(SigV4Suite.Authorization("post-sts-token/post-sts-header-after"), _transport.Last.Single("Authorization"));
        Assert.Equal(SigV4Suite.SessionToken, _transport.Last.Single("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task Adds_and_signs_the_payload_hash_header_when_asked()
    {
        using var client = Client(SigV4Suite.Credentials, options: new SigV4SigningOptions { AddContentSha256Header = true });

        await client.PutAsync("http://example.amazonaws.com/key", new ByteArrayContent(Encoding.UTF8.GetBytes("{}")));

        Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", _transport.Last.Single("X-Amz-Content-SHA256"));
        Assert.Contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date,", _transport.Last.Single("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matches_the_AWS_documentation_example_with_the_service_read_from_the_host()
    {
        // The IAM ListUsers example of the SigV4 documentation (service "iam" comes from the host).
        using var client = Client(SigV4Suite.Credentials, region: "us-east-1", service: null);
        var request = new HttpRequestMessage(HttpMethod.Get, "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")
        {
            Content = new ByteArrayContent(Array.Empty<byte>()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

        await client.SendAsync(request);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, "
            + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
            _transport.Last.Single("Authorization"));
    }

    [Fact]
    public async Task Reads_region_and_service_from_the_host_when_not_configured()
    {
        using var client = Client(SigV4Suite.Credentials, region: null, service: null);

        await client.PostAsync("https://lightsail.eu-west-1.amazonaws.com/", new StringContent("{}"));

        Assert.Contains("/20150830/eu-west-1/lightsail/aws4_request,", _transport.Last.Single("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signs_the_port_of_a_non_default_endpoint()
    {
        using var client = Client(SigV4Suite.Credentials, region: "us-east-1", service: "lightsail");

        await client.GetAsync("http://127.0.0.1:8080/");

        Assert.Equal("127.0.0.1:8080", _transport.Last.Single("Host"));
    }

    [Fact]
    public async Task Signing_again_replaces_the_previous_signature()
    {
        // A retry handler sends the same message through the signer again, a minute later.
        var now = SigV4Suite.Time;
        using var invoker = new HttpMessageInvoker(
            new SigV4Handler(_transport, new StaticCredentialsProvider(SigV4Suite.Credentials), SigV4Suite.Region, SigV4Suite.Service, clock: () => now));
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://example.amazonaws.com/?Param1=value1");

        await invoker.SendAsync(request, CancellationToken.None);
        now = now.AddMinutes(1);
        await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(SigV4Suite.Authorization("post-vanilla-query"), _transport.Requests[0].Single("Authorization"));
        Assert.Equal("20150830T123700Z", _transport.Last.Single("X-Amz-Date"));
        Assert.NotEqual(_transport.Requests[0].Single("Authorization"), _transport.Last.Single("Authorization"));
    }

    [Fact]
    public async Task Fails_clearly_when_the_host_names_no_service_and_none_is_configured()
    {
        using var client = Client(SigV4Suite.Credentials, region: "us-east-1", service: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("http://localhost/"));

        Assert.Contains("service", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SigV4Suite.SecretAccessKey, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task Credential_errors_reach_the_caller_without_values_and_nothing_is_sent()
    {
        var provider = new EnvironmentCredentialsProvider(name => name == "AWS_ACCESS_KEY_ID" ? "AKIDEXAMPLE" : null);
        using var client = new HttpClient(new SigV4Handler(_transport, provider, "us-east-1", "service"));

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => client.GetAsync("https://example.amazonaws.com/"));

        Assert.Contains("AWS_SECRET_ACCESS_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDEXAMPLE", error.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public void Refuses_synchronous_sends_rather_than_sending_unsigned()
    {
        using var client = Client(SigV4Suite.Credentials);

        Assert.Throws<NotSupportedException>(() => client.Send(new HttpRequestMessage(HttpMethod.Get, "http://example.amazonaws.com/")));
        Assert.Empty(_transport.Requests);
    }

    private HttpClient Client(
        AwsCredentials credentials,
        string? region = SigV4Suite.Region,
        string? service = SigV4Suite.Service,
        SigV4SigningOptions? options = null,
        Func<DateTimeOffset>? clock = null) =>
        new(new SigV4Handler(_transport, new StaticCredentialsProvider(credentials), region, service, options, clock ?? (() => SigV4Suite.Time)));
}
