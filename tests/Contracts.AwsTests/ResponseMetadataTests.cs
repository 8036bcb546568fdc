using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>The twins of an AWS client go through signing and retries like the plain methods, and return the response that ended the call.</summary>
public sealed class ResponseMetadataTests
{
    [Fact]
    public async Task A_twin_returns_the_status_and_request_id_of_the_attempt_that_succeeded()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.Throttle(2);
        using var http = new HttpClient();
        var client = Clients.Lightsail(http, fake, Clients.FastRetry(maxAttempts: 3));

        var response = await client.GetBucketAccessKeysWithResponseAsync(new GetBucketAccessKeysRequest { BucketName = "photos" });

        Assert.Empty(response.Value.AccessKeys!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, fake.CountOf("GetBucketAccessKeys"));
        Assert.Equal(0, fake.SignatureFailures);
        Assert.Equal(fake.Exchanges.Last().RequestId, response.Headers.GetString("x-amzn-RequestId"));
        Assert.NotEqual(fake.Exchanges.First().RequestId, response.Headers.GetString("x-amzn-RequestId"));
    }
}
