using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.LightsailService;
using Contracts.Runtime.Aws;
using Contracts.Runtime.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Contracts.IntegrationTests.Server;

/// <summary>
/// The Lightsail description (spec/aws/lightsail-2016-11-28.yaml, five of its operations) served and called over HTTP:
/// the generated client signs with SigV4 and sends <c>POST /</c> with <c>X-Amz-Target</c>; each target is its own
/// endpoint, which requires the document's security (the policy <c>hmac</c>) before the handler; declared errors,
/// unknown targets and malformed bodies are answered as AWS answers them, and the generated client reads each back
/// as its typed exception.
/// </summary>
public sealed class ServerAwsJsonTests : IAsyncLifetime
{
    private const string AccessKeyId = "AKIDEXAMPLE";
    private const string Target = "Lightsail_20161128.";
    private static readonly DateTimeOffset s_created = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly BucketsHandler _handler = new();
    private ServedApp _served = null!;
    private HttpClient _http = null!;
    private LightsailServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _served = await ServedApp.StartAsync(
            services =>
            {
                services.AddSingleton<ILightsailServiceHandler>(_handler);
                services.AddAuthentication(SignatureHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, SignatureHandler>(SignatureHandler.SchemeName, null);
                // The policy the generated endpoints name: the document's scheme, hmac (Amazon Signature v4).
                services.AddAuthorization(options => options.AddPolicy("hmac", p => p.RequireClaim("accessKeyId", AccessKeyId)));
                services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(LightsailServiceJsonContext.Default));
                services.AddContractEndpointDescriptions();
                services.AddOpenApi();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapLightsailService();
                app.MapOpenApi();
            });
        _http = _served.Http;
        _client = new LightsailServiceClient(_http, new LightsailServiceClientOptions
        {
            BaseAddress = _http.BaseAddress,
            Region = "eu-west-1",
            Credentials = new StaticCredentialsProvider(new AwsCredentials(AccessKeyId, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")),
        });
    }

    public async Task DisposeAsync()
    {
        await _served.DisposeAsync();
    }

    [Fact]
    public async Task Operations_round_trip_between_the_generated_client_and_the_generated_server()
    {
        var created = await _client.CreateBucketAsync(new CreateBucketRequest
        {
            BucketName = "photos",
            BundleId = "small_1_0",
            EnableObjectVersioning = true,
            Tags = [new Tag { Key = "team", Value = "web" }],
        });
        var listed = await _client.GetBucketsAsync(new GetBucketsRequest { BucketName = "photos", IncludeConnectedResources = false });

        // What the handler received is what the client sent.
        var request = Assert.IsType<CreateBucketRequest>(_handler.Received["CreateBucket"]);
        Assert.Equal("photos", request.BucketName);
        Assert.Equal("small_1_0", request.BundleId);
        Assert.True(request.EnableObjectVersioning);
        Assert.Equal(("team", "web"), (request.Tags!.Single().Key, request.Tags!.Single().Value));
        var query = Assert.IsType<GetBucketsRequest>(_handler.Received["GetBuckets"]);
        Assert.Equal("photos", query.BucketName);
        Assert.False(query.IncludeConnectedResources);

        // What the client read is what the handler returned (dates travel as epoch seconds).
        Assert.Equal("photos", created.Bucket!.Name);
        Assert.Equal(s_created, created.Bucket.CreatedAt);
        Assert.Equal("web", created.Bucket.Tags!.Single().Value);
        Assert.Equal("photos", Assert.Single(listed.Buckets!).Name);
    }

    [Fact]
    public async Task A_declared_error_reaches_the_generated_client_as_its_typed_exception()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => _client.DeleteBucketAsync(new DeleteBucketRequest { BucketName = "missing" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("NotFoundException", error.ErrorType);
        Assert.Equal("No bucket named missing.", error.ErrorMessage);
        Assert.Equal("missing", Assert.IsType<DeleteBucketRequest>(_handler.Received["DeleteBucket"]).BucketName);
    }

    [Fact]
    public async Task A_declared_error_is_written_as_aws_writes_it()
    {
        using var response = await _http.SendAsync(Signed("DeleteBucket", """{"bucketName": "missing"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("NotFoundException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"__type":"NotFoundException","message":"No bucket named missing."}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Target + "DeleteEverything", "The operation 'Lightsail_20161128.DeleteEverything' is not served here.")]
    [InlineData(Target + "getbuckets", "The operation 'Lightsail_20161128.getbuckets' is not served here.")]
    [InlineData(null, "The request has no X-Amz-Target header.")]
    public async Task An_unknown_or_missing_target_is_refused_as_aws_refuses_it(string? target, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1") };
        if (target is not null)
        {
            request.Headers.Add("X-Amz-Target", target);
        }

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UnknownOperationException", body.RootElement.GetProperty("__type").GetString());
        Assert.Equal(message, body.RootElement.GetProperty("message").GetString());
        Assert.Empty(_handler.Received);
    }

    [Fact]
    public async Task A_malformed_body_is_refused_before_the_handler()
    {
        using var response = await _http.SendAsync(Signed("GetBuckets", """{"bucketName": 5}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SerializationException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SerializationException", body.RootElement.GetProperty("__type").GetString());
        Assert.Empty(_handler.Received);
    }

    [Fact]
    public async Task An_unsigned_request_for_a_served_target_is_401_and_never_reaches_the_handler()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1") };
        request.Headers.Add("X-Amz-Target", Target + "GetRegions");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handler.Received);
    }

    [Fact]
    public async Task The_app_document_lists_each_target_as_aws_conversions_spell_it()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("openapi/v1.json"));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .Select(path => path.Name + " " + path.Value.GetProperty("post").GetProperty("operationId").GetString())
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            new[] { "CreateBucket", "DeleteBucket", "GetBucketAccessKeys", "GetBuckets", "GetRegions" }.Select(o => "/#X-Amz-Target=" + Target + o + " " + o).ToArray(),
            operations);
        var deleteBucket = document.RootElement.GetProperty("paths").GetProperty("/#X-Amz-Target=" + Target + "DeleteBucket").GetProperty("post");
        Assert.Contains(deleteBucket.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "X-Amz-Target" && p.GetProperty("in").GetString() == "header");
        Assert.True(deleteBucket.GetProperty("responses").TryGetProperty("481", out _));
    }

    /// <summary>A request carrying an Authorization header of the SigV4 form (the test's authentication reads the key id from it).</summary>
    private static HttpRequestMessage Signed(string operation, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.1") };
        request.Headers.Add("X-Amz-Target", Target + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=" + AccessKeyId + "/20250301/eu-west-1/lightsail/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000");
        return request;
    }

    /// <summary>
    /// Authenticates a request whose <c>Authorization</c> is a SigV4 one for Lightsail, with its access key id as a
    /// claim. It reads the header's form, not the signature (verifying it needs the secret, which the server side of
    /// a test does not model).
    /// </summary>
    private sealed class SignatureHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "SigV4";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            const string Prefix = "AWS4-HMAC-SHA256 Credential=";
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            // Credential=AKID/date/region/service/aws4_request
            var scope = header.Substring(Prefix.Length).Split(',')[0].Split('/');
            if (scope.Length != 5 || scope[3] != "lightsail" || scope[4] != "aws4_request")
            {
                return Task.FromResult(AuthenticateResult.Fail("Not a SigV4 credential scope for Lightsail."));
            }

            var identity = new ClaimsIdentity([new Claim("accessKeyId", scope[0])], Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }

    /// <summary>Keeps the buckets it created, records what each operation received, and answers a missing bucket with NotFoundException.</summary>
    private sealed class BucketsHandler : ILightsailServiceHandler
    {
        private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, object> Received { get; } = new(StringComparer.Ordinal);

        public Task<CreateBucketResult2> CreateBucketAsync(CreateBucketRequest request, CancellationToken cancellationToken)
        {
            Received["CreateBucket"] = request;
            var bucket = new Bucket { Name = request.BucketName, BundleId = request.BundleId, CreatedAt = s_created, Tags = request.Tags };
            _buckets[request.BucketName] = bucket;
            return Task.FromResult<CreateBucketResult2>(new CreateBucketResult { Bucket = bucket });
        }

        public Task<GetBucketsResult2> GetBucketsAsync(GetBucketsRequest request, CancellationToken cancellationToken)
        {
            Received["GetBuckets"] = request;
            return Task.FromResult<GetBucketsResult2>(new GetBucketsResult
            {
                Buckets = _buckets.Values.Where(b => request.BucketName is null || b.Name == request.BucketName).ToList(),
            });
        }

        public Task<DeleteBucketResult2> DeleteBucketAsync(DeleteBucketRequest request, CancellationToken cancellationToken)
        {
            Received["DeleteBucket"] = request;
            return Task.FromResult(_buckets.TryRemove(request.BucketName, out _)
                ? DeleteBucketResult2.Ok(new DeleteBucketResult())
                : DeleteBucketResult2.NotFoundException("No bucket named " + request.BucketName + "."));
        }

        public Task<GetBucketAccessKeysResult2> GetBucketAccessKeysAsync(GetBucketAccessKeysRequest request, CancellationToken cancellationToken)
        {
            Received["GetBucketAccessKeys"] = request;
            return Task.FromResult(GetBucketAccessKeysResult2.NotFoundException("No bucket named " + request.BucketName + "."));
        }

        public Task<GetRegionsResult2> GetRegionsAsync(GetRegionsRequest request, CancellationToken cancellationToken)
        {
            Received["GetRegions"] = request;
            return Task.FromResult<GetRegionsResult2>(new GetRegionsResult { Regions = [] });
        }
    }
}
