using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// The generated registration in a project without Microsoft.Extensions.Http.Resilience: the runtime's RetryHandler
/// retries, on by default, off with <see cref="RetryPolicy.None"/>; compiled, loaded, and called over Kestrel.
/// (Contracts.IntegrationTests references the resilience package, so its registrations take the other path.)
/// </summary>
public sealed class RetryRegistrationBehaviourTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Pings, version: "1" }
        servers:
          - url: https://{retry}.example.com
            variables:
              retry: { default: pings }
        paths:
          /ping:
            get:
              operationId: Ping
              responses:
                "200":
                  description: Pong.
                  content:
                    application/json:
                      schema: { type: string }
        """;

    [Fact]
    public async Task Retries_are_on_by_default()
    {
        await using var server = await StartAsync((503, "0"), (200, null));
        using var output = Load();
        await using var provider = Provider(output, server.BaseAddress, retry: null);

        var pong = await LoadedOutput.InvokeAsync(Client(output, provider), "PingAsync", CancellationToken.None);

        Assert.Equal("pong", pong);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task RetryPolicy_None_turns_them_off()
    {
        await using var server = await StartAsync((503, "0"), (200, null));
        using var output = Load();
        await using var provider = Provider(output, server.BaseAddress, RetryPolicy.None);

        var error = await Assert.ThrowsAsync<ApiException>(() => LoadedOutput.InvokeAsync(Client(output, provider), "PingAsync", CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_wait_is_the_Retry_After_the_server_asked_for_on_the_policy_clock()
    {
        await using var server = await StartAsync((429, "4"), (200, null));
        using var output = Load();
        var clock = new TimerClock();
        await using var provider = Provider(output, server.BaseAddress, new RetryPolicy { TimeProvider = clock });

        var call = LoadedOutput.InvokeAsync(Client(output, provider), "PingAsync", CancellationToken.None);
        var waited = await clock.AdvanceToNextTimerAsync();

        Assert.Equal("pong", await call);
        Assert.Equal(TimeSpan.FromSeconds(4), waited);
    }

    [Fact]
    public void A_server_variable_named_retry_gets_a_name_of_its_own()
    {
        using var output = Load();
        var options = output.Type("Contracts.Tests.Pings.PingsClientOptions");

        Assert.Equal(typeof(RetryPolicy), options.GetProperty("Retry")!.PropertyType);
        Assert.Equal(typeof(string), options.GetProperty("Retry2")!.PropertyType);
    }

    private static LoadedOutput Load() => LoadedOutput.Load(GeneratorHarness.RunWith(
        GeneratorHarness.HttpClientFactoryReferences(), SpecFile.Inline("pings.yaml", Spec, "Contracts.Tests.Pings", "PingsClient")));

    /// <summary>Calls the generated <c>AddPingsClient(services)</c>, then sets the options the way <c>configure</c> would.</summary>
    private static ServiceProvider Provider(LoadedOutput output, Uri baseAddress, RetryPolicy? retry)
    {
        var services = new ServiceCollection();
        output.Type("Contracts.Tests.Pings.PingsClientServiceCollectionExtensions").GetMethods()
            .Single(method => method.Name == "AddPingsClient" && method.GetParameters().Length == 2)
            .Invoke(null, [services, null]);
        var provider = services.BuildServiceProvider();
        var optionsType = output.Type("Contracts.Tests.Pings.PingsClientOptions");
        var options = provider.GetRequiredService(typeof(Microsoft.Extensions.Options.IOptions<>).MakeGenericType(optionsType));
        var value = options.GetType().GetProperty("Value")!.GetValue(options)!;
        optionsType.GetProperty("BaseAddress")!.SetValue(value, baseAddress);
        optionsType.GetProperty("Retry")!.SetValue(value, retry);
        return provider;
    }

    private static object Client(LoadedOutput output, IServiceProvider provider) =>
        provider.GetRequiredService(output.Type("Contracts.Tests.Pings.IPingsClient"));

    private static Task<LoopbackServer> StartAsync(params (int Status, string? RetryAfter)[] replies)
    {
        var next = -1;
        return LoopbackServer.StartAsync(context =>
        {
            var (status, retryAfter) = replies[Math.Min(Interlocked.Increment(ref next), replies.Length - 1)];
            if (retryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = retryAfter;
            }

            return LoopbackServer.Respond(context, status, status == 200 ? "\"pong\"" : "{}");
        });
    }
}
