using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Lightsail;
using Contracts.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Contracts.IntegrationTests.Server;

/// <summary>
/// The seed contract (spec/lightsail-bucket-access-keys.yaml) served: its envelope responses written by the generated
/// endpoint (<c>{"success": true, "data": …}</c>, <c>{"success": false, "error": …}</c>) and read by the generated client.
/// </summary>
public sealed class ServerLightsailTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private ServedApp _served = null!;
    private HttpClient _http = null!;
    private LightsailClient _client = null!;

    public async Task InitializeAsync()
    {
        _served = await ServedApp.StartAsync(
            services =>
            {
                services.AddSingleton<ILightsailHandler, BucketsHandler>();
            },
            app =>
            {
                app.MapLightsail();
            });
        _http = _served.Http;
        _client = new LightsailClient(_http, new LightsailClientOptions { BaseAddress = _http.BaseAddress });
    }

    public async Task DisposeAsync()
    {
        await _served.DisposeAsync();
    }

    [Fact]
    public async Task The_generated_client_reads_the_success_envelope()
    {
        var keys = await _client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "my-bucket" });

        Assert.Equal("my-bucket", keys.Id);
        Assert.Equal(s_created, keys.CreatedAt);
    }

    [Fact]
    public async Task The_generated_client_reads_the_failure_envelope_as_the_typed_error()
    {
        var exception = await Assert.ThrowsAsync<ApiException<EnvelopeError>>(
            () => _client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "no-such-bucket" }));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("NOT_FOUND", exception.ErrorCode);
        Assert.Equal("No bucket no-such-bucket", exception.ErrorMessage);
    }

    [Fact]
    public async Task The_envelopes_are_written_as_the_document_declares()
    {
        using var ok = await _http.PostAsync("", new StringContent("""{"bucketName": "my-bucket"}""", Encoding.UTF8, "application/json"));
        using var failed = await _http.PostAsync("", new StringContent("""{"bucketName": "no-such-bucket"}""", Encoding.UTF8, "application/json"));

        using var success = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        using var failure = JsonDocument.Parse(await failed.Content.ReadAsStringAsync());
        Assert.True(success.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal("my-bucket", success.RootElement.GetProperty("data").GetProperty("id").GetString());
        Assert.False(failure.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal("NOT_FOUND", failure.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_bucket_name_breaking_the_pattern_is_a_400_before_the_handler()
    {
        using var response = await _http.PostAsync("", new StringContent("""{"bucketName": "Not_A_Bucket"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("body.bucketName", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class BucketsHandler : ILightsailHandler
    {
        public Task<GetBucketAccessKeysResult> GetBucketAccessKeysAsync(GetBucketAccessKeysRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(request.BucketName == "no-such-bucket"
                ? GetBucketAccessKeysResult.ClientError(404, new EnvelopeError { Code = "NOT_FOUND", Message = "No bucket " + request.BucketName })
                : new BucketAccessKeys { Id = request.BucketName, CreatedAt = s_created });
    }
}
