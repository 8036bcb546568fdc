using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.IntegrationTests.Lightsail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>The generated <c>services.AddLightsailClient(…)</c>, resolved from a real service provider.</summary>
public sealed class DependencyInjectionTests
{
    private const string SuccessBody = """{"success": true, "data": {"id": "abc123", "created_at": "2025-01-01T00:00:00Z"}}""";

    [Fact]
    public async Task The_client_resolves_from_the_provider_and_calls_the_configured_base_address()
    {
        await using var server = await LoopbackServer.StartAsync(200, SuccessBody);
        var services = new ServiceCollection();
        services.AddLightsailClient(options => options.BaseAddress = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ILightsailClient>();
        var keys = await client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "demo-bucket" });

        Assert.IsType<LightsailClient>(client);
        Assert.Equal("abc123", keys.Id);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Options_bind_from_a_configuration_section_and_handlers_join_the_pipeline()
    {
        await using var server = await LoopbackServer.StartAsync(200, SuccessBody);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Lightsail:BaseAddress"] = server.BaseAddress.ToString(),
                ["Lightsail:Region"] = "eu-west-1",
            })
            .Build();
        var seen = new List<string>();
        var services = new ServiceCollection();
        services.AddLightsailClient(configuration.GetSection("Lightsail"))
            .AddHttpMessageHandler(() => new PipelineProbe(seen));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LightsailClientOptions>>().Value;
        var keys = await provider.GetRequiredService<ILightsailClient>().GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "demo-bucket" });

        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(server.BaseAddress, options.BaseAddress);
        Assert.Equal("abc123", keys.Id);
        Assert.Equal(["POST " + new Uri(server.BaseAddress, "/")], seen);
    }

    [Fact]
    public async Task Without_a_base_address_the_region_picks_the_server_url()
    {
        var services = new ServiceCollection();
        var seen = new List<string>();
        services.AddLightsailClient(options => options.Region = "ap-south-1")
            .ConfigurePrimaryHttpMessageHandler(() => new PipelineProbe(seen, respond: true));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ILightsailClient>().GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "demo-bucket" });

        Assert.Equal(["POST https://lightsail.ap-south-1.amazonaws.com/"], seen);
    }

    [Fact]
    public async Task The_response_size_cap_binds_from_configuration()
    {
        await using var server = await LoopbackServer.StartAsync(200, SuccessBody + new string(' ', 1000));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Lightsail:BaseAddress"] = server.BaseAddress.ToString(),
                ["Lightsail:MaxResponseContentBufferSize"] = "1000",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLightsailClient(configuration.GetSection("Lightsail"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LightsailClientOptions>>().Value;
        var exception = await Assert.ThrowsAsync<Contracts.Runtime.ApiException>(() =>
            provider.GetRequiredService<ILightsailClient>().GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "demo-bucket" }));

        Assert.Equal(1000, options.MaxResponseContentBufferSize);
        Assert.Contains("exceeds the limit of 1000 bytes set by MaxResponseContentBufferSize in the client's options", exception.Reason, System.StringComparison.Ordinal);
    }

    /// <summary>Records each request's method and URI; answers it itself when it is the primary handler.</summary>
    private sealed class PipelineProbe(List<string> seen, bool respond = false) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            seen.Add(request.Method + " " + request.RequestUri);
            if (!respond)
            {
                return base.SendAsync(request, cancellationToken);
            }

            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(SuccessBody) });
        }
    }
}
