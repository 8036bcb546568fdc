using System;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>Secrets end up in logs through ToString() and exception messages; neither may carry one.</summary>
public sealed class SecretRedactionTests
{
    [Fact]
    public async Task A_created_key_s_secret_is_readable_but_never_printed()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        using var http = new HttpClient();

        var created = await Clients.Lightsail(http, fake).CreateBucketAccessKeyAsync(new CreateBucketAccessKeyRequest { BucketName = "photos" });

        var secret = created.AccessKey!.SecretAccessKey!;
        Assert.Equal(40, secret.Length);
        Assert.DoesNotContain(secret, created.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, created.AccessKey.ToString(), StringComparison.Ordinal);
        Assert.Contains("SecretAccessKey = ***", created.AccessKey.ToString(), StringComparison.Ordinal);

        // The description types the key id as IAMAccessKeyId, which AWS marks sensitive (format: password): it is hidden too.
        Assert.Contains("AccessKeyId = ***", created.AccessKey.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(created.AccessKey.AccessKeyId!, created.AccessKey.ToString(), StringComparison.Ordinal);

        // Copies made with `with` are redacted the same way.
        Assert.DoesNotContain(secret, (created.AccessKey with { Status = StatusType.Inactive }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_exception_from_a_refused_call_mentions_the_signing_secret()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        using var http = new HttpClient();
        const string wrongSecret = "wrongSecretKeyThatMustNotLeak/0123456789";

        var refused = await Assert.ThrowsAsync<LightsailException>(() =>
            Clients.Lightsail(http, fake, credentials: new AwsCredentials(TestCredentials.AccessKeyId, wrongSecret))
                .GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));
        var notFound = await Assert.ThrowsAsync<NotFoundException>(() =>
            Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "nope" }));

        foreach (var error in new Exception[] { refused, notFound })
        {
            Assert.DoesNotContain(wrongSecret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(TestCredentials.SecretAccessKey, error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_error_echoing_the_signed_request_s_key_id_is_scrubbed()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.FailWithUnknownError("AccessDeniedException", "The key " + TestCredentials.AccessKeyId + " may not read photos");
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        // The SigV4 signer put the key id in this request's Authorization header; the service's echo of it is scrubbed.
        Assert.Equal("The key *** may not read photos", error.ErrorMessage);
        Assert.DoesNotContain(TestCredentials.AccessKeyId, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_environment_credentials_name_the_variables_and_send_nothing()
    {
        await using var fake = await FakeLightsail.StartAsync();
        using var http = new HttpClient();
        var client = new LightsailClient(http, new LightsailClientOptions
        {
            BaseAddress = fake.BaseAddress,
            Credentials = new EnvironmentCredentialsProvider(_ => null),
        });

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Exchanges);
    }
}
