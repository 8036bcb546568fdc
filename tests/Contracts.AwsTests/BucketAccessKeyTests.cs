using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>The three bucket access key operations of the full Lightsail description, end to end through signed HTTP.</summary>
public sealed class BucketAccessKeyTests
{
    private static readonly DateTimeOffset CreatedAt = new(2021, 4, 23, 20, 22, 49, 123, TimeSpan.Zero);

    [Fact]
    public async Task Create_get_delete_get_round_trips_through_the_signed_endpoint()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.Clock = () => CreatedAt;
        using var http = new HttpClient();
        var client = Clients.Lightsail(http, fake);

        var created = await client.CreateBucketAccessKeyAsync(new CreateBucketAccessKeyRequest { BucketName = "photos" });
        var newKey = created.AccessKey!;
        Assert.Matches("^[A-Z0-9]{20}$", newKey.AccessKeyId!);
        Assert.Equal(40, newKey.SecretAccessKey!.Length);
        Assert.Equal(StatusType.Active, newKey.Status);
        Assert.Equal(CreatedAt, newKey.CreatedAt);
        var operation = Assert.Single(created.Operations!);
        Assert.Equal(OperationType.CreateBucketAccessKey, operation.OperationType);
        Assert.Equal(OperationStatus.Succeeded, operation.Status);
        Assert.Equal(ResourceType.Bucket, operation.ResourceType);
        Assert.Equal(RegionName.UsEast1, operation.Location!.RegionName);
        Assert.Equal(CreatedAt, operation.CreatedAt);

        var listed = await client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" });
        var key = Assert.Single(listed.AccessKeys!);
        Assert.Equal(newKey.AccessKeyId, key.AccessKeyId);
        Assert.Equal("Active", key.Status?.Value);
        Assert.Equal(CreatedAt, key.CreatedAt);
        Assert.Null(key.SecretAccessKey);
        Assert.Null(key.LastUsed!.LastUsedDate);
        Assert.Equal("N/A", key.LastUsed.Region);

        var deleted = await client.DeleteBucketAccessKeyAsync(new DeleteBucketAccessKeyRequest { BucketName = "photos", AccessKeyId = key.AccessKeyId! });
        Assert.Equal(OperationType.DeleteBucketAccessKey, Assert.Single(deleted.Operations!).OperationType);

        var after = await client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" });
        Assert.Empty(after.AccessKeys!);
        Assert.Equal(0, fake.SignatureFailures);
        Assert.All(fake.Exchanges, e => Assert.Equal(200, e.Status));
    }

    [Fact]
    public async Task Requests_are_aws_json_posts_with_a_signature_scoped_to_lightsail()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        using var http = new HttpClient();

        await Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" });

        var request = Assert.Single(fake.Exchanges).Request;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.RawPath);
        Assert.Equal(string.Empty, request.RawQuery);
        Assert.Equal("Lightsail_20161128.GetBucketAccessKeys", request.Target);
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal("""{"bucketName":"photos"}""", request.BodyText);
        var date = request.Header("X-Amz-Date")!;
        Assert.Matches(@"^\d{8}T\d{6}Z$", date);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + date[..8] + "/us-east-1/lightsail/aws4_request, SignedHeaders=", request.Header("Authorization"));
        Assert.Contains("x-amz-target", request.Header("Authorization")!.Split("SignedHeaders=")[1].Split(',')[0].Split(';'));
    }

    [Fact]
    public async Task Temporary_credentials_send_a_signed_session_token()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        using var http = new HttpClient();
        var temporary = new AwsCredentials(TestCredentials.AccessKeyId, TestCredentials.SecretAccessKey, "FwoGZXIvYXdzEXAMPLETOKEN");

        await Clients.Lightsail(http, fake, credentials: temporary).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" });

        var request = Assert.Single(fake.Exchanges).Request;
        Assert.Equal("FwoGZXIvYXdzEXAMPLETOKEN", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", request.Header("Authorization"));
        Assert.Equal(0, fake.SignatureFailures);
    }

    [Fact]
    public async Task A_used_key_reports_when_where_and_by_what()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        var usedAt = new DateTimeOffset(2024, 3, 14, 15, 9, 26, TimeSpan.Zero);
        var id = fake.AddAccessKey("photos", "Inactive", CreatedAt, new KeyUse(usedAt, "eu-west-1", "s3"));
        using var http = new HttpClient();

        var keys = await Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" });

        var key = keys.AccessKeys!.Single();
        Assert.Equal(id, key.AccessKeyId);
        Assert.Equal(StatusType.Inactive, key.Status);
        Assert.Equal(usedAt, key.LastUsed!.LastUsedDate);
        Assert.Equal("eu-west-1", key.LastUsed.Region);
        Assert.Equal("s3", key.LastUsed.ServiceName);
    }
}
