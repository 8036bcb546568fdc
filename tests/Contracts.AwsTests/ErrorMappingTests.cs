using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>AWS error responses become the exceptions generated from the description, with what AWS said about them.</summary>
public sealed class ErrorMappingTests
{
    [Fact]
    public async Task A_missing_bucket_is_a_NotFoundException_with_message_and_request_id()
    {
        await using var fake = await FakeLightsail.StartAsync();
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<NotFoundException>(() =>
            Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "nope" }));

        Assert.IsAssignableFrom<LightsailException>(error);
        Assert.IsAssignableFrom<AwsServiceException>(error);
        Assert.Equal("NotFoundException", error.ErrorType);
        Assert.Equal("The bucket does not exist: nope", error.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("GetBucketAccessKeys", error.OperationName);
        var exchange = Assert.Single(fake.Exchanges);
        Assert.Equal(exchange.RequestId, error.RequestId);
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public async Task Deleting_a_key_that_is_gone_is_a_NotFoundException()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<NotFoundException>(() =>
            Clients.Lightsail(http, fake).DeleteBucketAccessKeyAsync(new DeleteBucketAccessKeyRequest { BucketName = "photos", AccessKeyId = "AKIA0000000000000000" }));

        Assert.Equal("The access key does not exist: AKIA0000000000000000", error.ErrorMessage);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_by_signature_and_surfaces_as_the_service_base_exception()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        using var http = new HttpClient();
        var wrong = new AwsCredentials(TestCredentials.AccessKeyId, "not-the-secret-the-server-knows-0123456789");

        var error = await Assert.ThrowsAsync<LightsailException>(() =>
            Clients.Lightsail(http, fake, credentials: wrong).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        // Not listed in the description, so no subclass: the base type, carrying the type AWS named.
        Assert.Equal(typeof(LightsailException), error.GetType());
        Assert.Equal("InvalidSignatureException", error.ErrorType);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.StartsWith("The request signature we calculated does not match", error.ErrorMessage);
        Assert.Equal(1, fake.SignatureFailures);
    }

    [Fact]
    public async Task An_unknown_access_key_is_UnrecognizedClientException()
    {
        await using var fake = await FakeLightsail.StartAsync();
        using var http = new HttpClient();
        var stranger = new AwsCredentials("AKIAIOSFODNN7EXAMPLE", TestCredentials.SecretAccessKey);

        var error = await Assert.ThrowsAsync<LightsailException>(() =>
            Clients.Lightsail(http, fake, credentials: stranger).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        Assert.Equal("UnrecognizedClientException", error.ErrorType);
    }

    [Fact]
    public async Task A_signature_for_another_region_is_refused()
    {
        await using var fake = await FakeLightsail.StartAsync(region: "eu-west-1");
        fake.AddBucket("photos");
        using var http = new HttpClient();
        var client = new LightsailClient(http, new LightsailClientOptions
        {
            BaseAddress = fake.BaseAddress,
            Region = "us-east-1",
            Credentials = new StaticCredentialsProvider(TestCredentials.Create()),
            Retry = Clients.FastRetry(),
        });

        var error = await Assert.ThrowsAsync<LightsailException>(() => client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        Assert.Equal("InvalidSignatureException", error.ErrorType);
        Assert.Contains("/eu-west-1/lightsail/aws4_request", error.ErrorMessage);
    }

    [Fact]
    public async Task An_error_type_the_description_does_not_list_is_the_base_exception()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        fake.FailWithUnknownError("com.amazonaws.lightsail#QuantumFluxException", "The flux is out of phase.");
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<LightsailException>(() =>
            Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        Assert.Equal(typeof(LightsailException), error.GetType());
        Assert.Equal("QuantumFluxException", error.ErrorType);
        Assert.Equal("The flux is out of phase.", error.ErrorMessage);
        Assert.Equal(1, fake.CountOf("GetBucketAccessKeys"));
    }

    [Fact]
    public async Task The_error_type_header_and_a_capitalised_Message_are_read_too()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.Enqueue(FakeReply.Raw(400, """{"Message":"Access is denied."}""", errorTypeHeader: "AccessDeniedException:http://internal.amazon.com/coral/com.amazonaws.lightsail/"));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        Assert.Equal("AccessDeniedException", error.ErrorType);
        Assert.Equal("Access is denied.", error.ErrorMessage);
    }

    [Fact]
    public async Task The_type_is_read_from___type_even_when_Lightsail_s_code_member_comes_first()
    {
        // Lightsail's error shapes have a "code" member ("NotFound") beside "__type"; member order is not significant in JSON.
        await using var fake = await FakeLightsail.StartAsync();
        fake.Enqueue(FakeReply.Raw(400, """{"code":"NotFound","__type":"NotFoundException","message":"The bucket does not exist: photos"}"""));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAnyAsync<LightsailException>(() =>
            Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" }));

        Assert.Equal("NotFoundException", error.ErrorType);
        Assert.IsType<NotFoundException>(error);
    }
}
