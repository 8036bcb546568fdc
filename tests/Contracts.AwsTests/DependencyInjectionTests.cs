using System.Collections.Generic;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>The AWS client registered with <c>services.AddLightsailClient(configuration)</c>: region and credentials from configuration.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task Region_and_credentials_bind_from_configuration_and_the_calls_are_signed_with_them()
    {
        await using var fake = await FakeLightsail.StartAsync(region: "eu-west-1");
        fake.AddBucket("photos");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Lightsail:BaseAddress"] = fake.BaseAddress.ToString(),
                ["Lightsail:Region"] = "eu-west-1",
                ["Lightsail:Credentials:AccessKeyId"] = TestCredentials.AccessKeyId,
                ["Lightsail:Credentials:SecretAccessKey"] = TestCredentials.SecretAccessKey,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLightsailClient(configuration.GetSection("Lightsail"));
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<ILightsailClient>().GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" });

        Assert.NotNull(result);
        Assert.Equal(0, fake.SignatureFailures);
        Assert.Contains("/eu-west-1/lightsail/aws4_request", Assert.Single(fake.Exchanges).Request.Header("Authorization"));
    }
}
