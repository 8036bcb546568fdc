using System;
using System.Collections.Generic;
using System.Net.Http;
using Contracts.Runtime.Aws;
using Contracts.Runtime.Tests.Infrastructure;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>The canonicalization rules the suite does not reach: S3 paths, query edge cases, request signing details.</summary>
public sealed class SigV4SignerTests
{
    [Theory]
    [InlineData("/a%20b/c", "/a%2520b/c")] // sent escaped, escaped again
    [InlineData("/%E1%88%B4", "/%25E1%2588%25B4")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/a/./b//c/", "/a/b/c/")]
    [InlineData("/../a", "/a")]
    [InlineData("", "/")]
    public void Other_services_normalize_the_path_and_encode_it_again(string path, string expected) =>
        Assert.Equal(expected, SigV4Signer.CanonicalUri(path));

    [Theory]
    [InlineData("/my-object//example//photo.user", "/my-object//example//photo.user")]
    [InlineData("/a/./b/../c", "/a/./b/../c")]
    [InlineData("/a%20b/%E1%88%B4", "/a%20b/%E1%88%B4")] // decoded and encoded once
    [InlineData("/key%7E!", "/key~%21")]
    public void S3_signs_the_path_as_sent_and_encodes_it_once(string path, string expected) =>
        Assert.Equal(expected, SigV4Signer.CanonicalUri(path, SigV4SigningOptions.ForS3()));

    [Theory]
    [InlineData("", "")]
    [InlineData("?b=2&a=1", "a=1&b=2")]
    [InlineData("a&b=", "a=&b=")]
    [InlineData("a=1&&b=2", "a=1&b=2")]
    [InlineData("q=a+b c", "q=a%2Bb%20c")]
    [InlineData("path=x/y&star=*", "path=x%2Fy&star=%2A")]
    [InlineData("v=%7e%2f", "v=~%2F")]
    [InlineData("v=%zz", "v=%25zz")]
    [InlineData("b=1&B=2&a=2&a=10", "B=2&a=10&a=2&b=1")]
    public void Query_strings_are_reencoded_and_sorted_by_name_then_value(string query, string expected) =>
        Assert.Equal(expected, SigV4Signer.CanonicalQueryString(query));

    [Fact]
    public void Header_values_are_trimmed_collapsed_and_joined()
    {
        var headers = new[]
        {
            Header("X-B", "\t one \t two  "),
            Header("x-a", "1"),
            Header("X-A", " 2 "),
            Header("X-Fold", "first\n   second\n"),
            Header("X-Empty", ""),
        };

        Assert.Equal("x-a:1,2\nx-b:one two\nx-empty:\nx-fold:first,second\n", SigV4Signer.CanonicalHeaders(headers));
        Assert.Equal("x-a;x-b;x-empty;x-fold", SigV4Signer.SignedHeaders(headers));
    }

    [Fact]
    public void Times_are_signed_in_UTC()
    {
        var local = new DateTimeOffset(2015, 8, 30, 23, 36, 0, TimeSpan.FromHours(11));

        Assert.Equal("20150830T123600Z", SigV4Signer.AmzDate(local));
        Assert.Equal("20150830/us-east-1/service/aws4_request", SigV4Signer.CredentialScope(local, "us-east-1", "service"));
    }

    [Fact]
    public void Payload_hashes_are_lowercase_SHA256()
    {
        Assert.Equal(SigV4Signer.EmptyPayloadHash, SigV4Signer.HashPayload(Array.Empty<byte>()));
        Assert.Equal("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", SigV4Signer.HashPayload("Param1=value1"u8.ToArray()));
    }

    [Fact]
    public void A_slash_in_the_region_or_service_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SigV4Signer.CredentialScope(SigV4Suite.Time, "us-east-1/x", "service"));
        Assert.Throws<ArgumentException>(() => SigV4Signer.SigningKey(SigV4Suite.Credentials, SigV4Suite.Time, "us-east-1", "a/b"));
    }

    [Fact]
    public void Sign_signs_host_content_type_and_amz_headers_only()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://lightsail.us-east-1.amazonaws.com/")
        {
            Content = new StringContent("{}"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "Lightsail_20161128.GetBucketAccessKeys");
        request.Headers.TryAddWithoutValidation("User-Agent", "contracts/1.0");
        request.Headers.TryAddWithoutValidation("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793");

        SigV4Signer.Sign(request, SigV4Suite.Credentials, "us-east-1", "lightsail", SigV4Suite.Time, SigV4Signer.HashPayload("{}"u8.ToArray()));

        var authorization = string.Join(",", request.Headers.GetValues("Authorization"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/lightsail/aws4_request, ", authorization, StringComparison.Ordinal);
        Assert.Contains(" SignedHeaders=content-type;host;x-amz-date;x-amz-target, ", authorization, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_refuses_a_relative_request_uri()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/relative");

        var error = Assert.Throws<ArgumentException>(() =>
            SigV4Signer.Sign(request, SigV4Suite.Credentials, "us-east-1", "service", SigV4Suite.Time, SigV4Signer.EmptyPayloadHash));

        Assert.DoesNotContain(SigV4Suite.SecretAccessKey, error.ToString(), StringComparison.Ordinal);
    }

    private static KeyValuePair<string, string> Header(string name, string value) => new(name, value);
}
