using System;
using System.Net;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
using Contracts.Runtime;
using Contracts.Runtime.Aws;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>
/// A signed call that the endpoint redirects, over real HTTP on 127.0.0.1, with the client from the generated
/// <c>services.AddLightsailClient(…)</c>: a signature, a session token and a body never travel to another origin, and a
/// same-origin redirect is sent again with a signature of its own.
/// </summary>
public sealed class RedirectTests
{
    private const string SessionToken = "session-token-for-the-redirect-test-0123456789";

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_signed_call_redirected_to_another_origin_is_not_followed(int status)
    {
        var credentials = new AwsCredentials(TestCredentials.AccessKeyId, TestCredentials.SecretAccessKey, SessionToken);
        await using var other = await FakeLightsail.StartAsync(credentials: credentials);
        await using var fake = await FakeLightsail.StartAsync(credentials: credentials);
        fake.Enqueue(FakeReply.Redirect(status, other.BaseAddress.AbsoluteUri));
        await using var provider = Lightsail(fake, credentials);

        var exception = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<ILightsailClient>().GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        Assert.Empty(other.Exchanges);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Contains(other.BaseAddress.Authority, exception.Reason, StringComparison.Ordinal);
        Assert.Contains("another origin", exception.Reason, StringComparison.Ordinal);
        Assert.Single(fake.Exchanges);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_same_origin_redirect_is_sent_again_with_a_fresh_signature_and_the_body(int status)
    {
        var credentials = new AwsCredentials(TestCredentials.AccessKeyId, TestCredentials.SecretAccessKey, SessionToken);
        await using var fake = await FakeLightsail.StartAsync(credentials: credentials);
        fake.AddBucket("photos");
        fake.Enqueue(FakeReply.Redirect(status, fake.BaseAddress.AbsoluteUri));
        await using var provider = Lightsail(fake, credentials);

        var result = await provider.GetRequiredService<ILightsailClient>().GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" });

        Assert.NotNull(result);
        Assert.Equal(0, fake.SignatureFailures);
        Assert.Equal(2, fake.CountOf("GetBucketAccessKeys"));
        Assert.All(fake.Exchanges, e => Assert.Equal(SessionToken, e.Request.Header("X-Amz-Security-Token")));
        Assert.Equal(fake.Exchanges[0].Request.BodyText, fake.Exchanges[1].Request.BodyText);
    }

    private static ServiceProvider Lightsail(FakeLightsail fake, AwsCredentials credentials)
    {
        var services = new ServiceCollection();
        services.AddLightsailClient(options =>
        {
            options.BaseAddress = fake.BaseAddress;
            options.Region = fake.Region;
            options.Credentials = new StaticCredentialsProvider(credentials);
            options.Retry = Clients.FastRetry();
        });
        return services.BuildServiceProvider();
    }
}
