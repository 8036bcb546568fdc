using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;

namespace Contracts.Benchmarks.Server;

/// <summary>One request per invocation, through the whole pipeline of the server named by <see cref="Server"/>.</summary>
[MemoryDiagnoser]
public class ServerBenchmarks
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [ParamsSource(nameof(Servers))]
    public string Server { get; set; } = "";

    public static IEnumerable<string> Servers => ServerHosts.Compared;

    [GlobalSetup]
    public async Task StartAsync()
    {
        (_app, _client) = await ServerHosts.StartAsync(Server);
        foreach (var operation in Requests.All)
        {
            await Requests.CheckAsync(_client, Server, operation);
        }
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Benchmark]
    public Task<int> GetPet() => Requests.SendAsync(_client, Operation.GetPet);

    [Benchmark]
    public Task<int> ListPets() => Requests.SendAsync(_client, Operation.ListPets);

    [Benchmark]
    public Task<int> CreatePet() => Requests.SendAsync(_client, Operation.CreatePet);

    [Benchmark]
    public Task<int> GetPetBadRequest() => Requests.SendAsync(_client, Operation.GetPetBadRequest);
}

/// <summary>The bad request answered by the hand-written server with a problem-details body (see <see cref="ServerHosts.HandWrittenProblem"/>).</summary>
[MemoryDiagnoser]
public class ProblemBodyBenchmarks
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        (_app, _client) = await ServerHosts.StartAsync(ServerHosts.HandWrittenProblem);
        var (status, contentType, body) = await Requests.DescribeAsync(_client, Operation.GetPetBadRequest);
        if (status != 400 || !contentType.StartsWith("application/problem+json", System.StringComparison.Ordinal))
        {
            throw new System.InvalidOperationException("the hand-written server with problem details answered " + status + " " + contentType + ": " + body);
        }
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Benchmark]
    public Task<int> GetPetBadRequest() => Requests.SendAsync(_client, Operation.GetPetBadRequest);
}

/// <summary>The harness alone: TestServer, HttpClient and routing to a RequestDelegate that answers 204.</summary>
[MemoryDiagnoser]
public class FloorBenchmarks
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        (_app, _client) = await ServerHosts.StartAsync(ServerHosts.Floor);
        var (status, _, _) = await Requests.DescribeAsync(_client, Operation.GetPet);
        if (status != 204)
        {
            throw new System.InvalidOperationException("the floor server answered " + status);
        }
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Benchmark]
    public Task<int> Floor() => Requests.SendAsync(_client, Operation.GetPet);
}
