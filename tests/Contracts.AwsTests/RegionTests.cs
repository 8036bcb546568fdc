using System;
using System.Net.Http;
using Contracts.AwsTests.Lightsail;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>The region is a host label of the endpoint and the SigV4 signing region: a value that is not one is refused when the client is built.</summary>
public sealed class RegionTests
{
    [Theory]
    [InlineData("us-east-1.attacker.example")]
    [InlineData("us-east-1/")]
    [InlineData("-us-east-1")]
    [InlineData("us east 1")]
    public void A_region_that_is_not_a_host_label_is_refused_even_with_a_base_address(string region)
    {
        using var http = new HttpClient();

        var exception = Assert.Throws<ArgumentException>(() => new LightsailClient(http, new LightsailClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:9/"),
            Region = region,
            Credentials = new StaticCredentialsProvider(Infrastructure.TestCredentials.Create()),
        }));

        Assert.Contains("region", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1.attacker.example")]
    [InlineData("ap-nowhere-9")]
    public void Without_a_base_address_the_region_must_be_one_the_document_declares(string region)
    {
        using var http = new HttpClient();

        var exception = Assert.Throws<ArgumentException>(() => new LightsailClient(http, new LightsailClientOptions { Region = region }));

        Assert.Contains("'region'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_base_address_a_region_the_document_does_not_list_yet_is_accepted()
    {
        using var http = new HttpClient();

        var client = new LightsailClient(http, new LightsailClientOptions { BaseAddress = new Uri("https://lightsail.ap-nowhere-9.amazonaws.com/"), Region = "ap-nowhere-9" });

        Assert.NotNull(client);
    }
}
