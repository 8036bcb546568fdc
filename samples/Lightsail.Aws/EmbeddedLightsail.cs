using System;
using System.Threading;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;

namespace Lightsail.Aws;

/// <summary>Starts the signature-verifying fake Lightsail with the demo bucket and one key that has been used before.</summary>
internal static class EmbeddedLightsail
{
    public static async Task<FakeLightsail> StartAsync(string region, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var fake = await FakeLightsail.StartAsync(region, TestCredentials.Create()).ConfigureAwait(false);
        fake.AddBucket(AwsArguments.DefaultBucketName);
        fake.AddAccessKey(
            AwsArguments.DefaultBucketName,
            "Active",
            new DateTimeOffset(2025, 1, 2, 9, 30, 0, TimeSpan.Zero),
            new KeyUse(new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero), region, "s3"));
        return fake;
    }
}
