using System;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.Runtime.Tests;

public sealed class AwsEndpointTests
{
    [Theory]
    [InlineData("https://lightsail.us-east-1.amazonaws.com", "lightsail", "us-east-1")]
    [InlineData("https://dynamodb.eu-west-1.amazonaws.com/", "dynamodb", "eu-west-1")]
    [InlineData("https://LIGHTSAIL.US-EAST-1.AMAZONAWS.COM.", "lightsail", "us-east-1")]
    [InlineData("https://ec2.cn-north-1.amazonaws.com.cn", "ec2", "cn-north-1")]
    [InlineData("https://lambda.us-gov-west-1.amazonaws.com", "lambda", "us-gov-west-1")]
    [InlineData("https://dynamodb-fips.us-west-2.amazonaws.com", "dynamodb", "us-west-2")]
    [InlineData("https://bucket.s3.dualstack.eu-central-1.amazonaws.com", "s3", "eu-central-1")]
    [InlineData("https://abc123.execute-api.ap-southeast-2.amazonaws.com/prod", "execute-api", "ap-southeast-2")]
    [InlineData("https://dynamodb.us-east-1.api.aws", "dynamodb", "us-east-1")]
    [InlineData("https://s3-us-west-2.amazonaws.com", "s3", "us-west-2")]
    [InlineData("https://iam.amazonaws.com", "iam", null)]
    [InlineData("https://bucket.s3.amazonaws.com", "s3", null)]
    public void Reads_the_signing_name_and_region_of_AWS_hosts(string endpoint, string service, string? region)
    {
        Assert.Equal(service, AwsEndpoint.ServiceFromHost(new Uri(endpoint)));
        Assert.Equal(region, AwsEndpoint.RegionFromHost(new Uri(endpoint)));
    }

    [Theory]
    [InlineData("http://localhost:5000")]
    [InlineData("http://127.0.0.1")]
    [InlineData("https://amazonaws.com")]
    [InlineData("https://example.com")]
    [InlineData("https://lightsail.us-east-1.amazonaws.com.evil.example")]
    public void Other_hosts_name_no_service_or_region(string endpoint)
    {
        Assert.Null(AwsEndpoint.ServiceFromHost(new Uri(endpoint)));
        Assert.Null(AwsEndpoint.RegionFromHost(new Uri(endpoint)));
    }

    [Fact]
    public void A_relative_uri_is_refused() =>
        Assert.Throws<ArgumentException>(() => AwsEndpoint.ServiceFromHost(new Uri("/path", UriKind.Relative)));
}
