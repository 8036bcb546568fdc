using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using Contracts.Runtime.Aws;
using Contracts.Runtime.Tests.Infrastructure;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>
/// <see cref="SigV4Signer.Sign"/> takes shortcuts the step-by-step API does not (a cached signing key, the canonical
/// request hashed without building its string): its Authorization must still be the one the steps compose, which the
/// AWS suite checks byte for byte.
/// </summary>
public sealed class SigV4SignComposedTests
{
    private static readonly AwsCredentials s_other = new("AKIDOTHEREXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "session-token-example");

    [Fact]
    public void Sign_matches_the_composed_steps_across_credentials_days_regions_and_services()
    {
        var cases = new[]
        {
            (SigV4Suite.Credentials, SigV4Suite.Time, "us-east-1", "lightsail"),
            (SigV4Suite.Credentials, SigV4Suite.Time, "us-east-1", "lightsail"), // the cached key
            (s_other, SigV4Suite.Time, "us-east-1", "lightsail"), // another secret, same scope
            (SigV4Suite.Credentials, SigV4Suite.Time.AddDays(1), "us-east-1", "lightsail"), // the next day
            (SigV4Suite.Credentials, SigV4Suite.Time.AddDays(1), "eu-west-1", "lightsail"),
            (SigV4Suite.Credentials, SigV4Suite.Time.AddDays(1), "eu-west-1", "dynamodb"),
            (new AwsCredentials("AKIDEXAMPLE", "a-different-secret-for-the-same-key-id"), SigV4Suite.Time.AddDays(1), "eu-west-1", "dynamodb"),
        };

        foreach (var (credentials, time, region, service) in cases)
        {
            using var request = Request("https://lightsail.us-east-1.amazonaws.com/", "{\"bucketName\":\"b\"}");
            var payloadHash = SigV4Signer.HashPayload(Encoding.UTF8.GetBytes("{\"bucketName\":\"b\"}"));

            SigV4Signer.Sign(request, credentials, region, service, time, payloadHash);

            Assert.Equal(Composed(request, credentials, time, region, service, payloadHash), Authorization(request));
        }
    }

    [Theory]
    [InlineData("https://example.amazonaws.com/a/b%20c/?z=1&a=%E1%88%B4&a=0")]
    [InlineData("https://example.amazonaws.com:8443/")]
    [InlineData("https://example.amazonaws.com/very/long/" + "path-segment/path-segment/path-segment/path-segment/path-segment/path-segment/path-segment/path-segment/path-segment/path-segment/path-segment/path-segment/")]
    public void Sign_matches_the_composed_steps_for_paths_queries_ports_and_long_headers(string uri)
    {
        using var request = Request(uri, "x");
        request.Headers.TryAddWithoutValidation("X-Amz-Meta-Note", "  spaced   out\tvalue ");
        request.Headers.TryAddWithoutValidation("X-Amz-Meta-Long", new string('v', 2000) + "ሴ");
        request.Headers.TryAddWithoutValidation("X-Amz-Meta-Twice", "one");
        request.Headers.TryAddWithoutValidation("X-Amz-Meta-Twice", "two");
        var payloadHash = SigV4Signer.HashPayload(Encoding.UTF8.GetBytes("x"));

        SigV4Signer.Sign(request, s_other, "us-east-1", "service", SigV4Suite.Time, payloadHash);

        Assert.Equal(Composed(request, s_other, SigV4Suite.Time, "us-east-1", "service", payloadHash), Authorization(request));
        Assert.Equal("session-token-example", request.Headers.GetValues("X-Amz-Security-Token").Single());
    }

    private static HttpRequestMessage Request(string uri, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "Lightsail_20161128.GetBucketAccessKeys");
        request.Headers.TryAddWithoutValidation("User-Agent", "contracts/1.0");
        return request;
    }

    private static string Authorization(HttpRequestMessage request) => request.Headers.GetValues("Authorization").Single();

    // The signed request's own headers (minus Authorization), through the public steps the AWS suite checks.
    private static string Composed(HttpRequestMessage request, AwsCredentials credentials, DateTimeOffset time, string region, string service, string payloadHash)
    {
        var headers = request.Headers.Concat(request.Content!.Headers)
            .Where(header => header.Key is "Host" or "Content-Type" || header.Key.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase))
            .Select(header => new KeyValuePair<string, string>(header.Key, string.Join(", ", header.Value)))
            .ToList();
        var uri = request.RequestUri!;
        var canonicalRequest = SigV4Signer.CanonicalRequest(request.Method.Method, uri.AbsolutePath, uri.Query, headers, payloadHash);
        var scope = SigV4Signer.CredentialScope(time, region, service);
        var signature = SigV4Signer.Signature(SigV4Signer.SigningKey(credentials, time, region, service), SigV4Signer.StringToSign(time, scope, canonicalRequest));
        return SigV4Signer.AuthorizationHeader(credentials.AccessKeyId, scope, SigV4Signer.SignedHeaders(headers), signature);
    }
}
