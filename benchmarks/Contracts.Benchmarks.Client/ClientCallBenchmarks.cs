using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using SeedBearer = Contracts.Benchmarks.Client.SeedBearer;

namespace Contracts.Benchmarks.Client;

/// <summary>
/// Issue 7, item 6: one full GetBucketAccessKeys call (request built and serialized, sent, response received,
/// envelope unwrapped, result deserialized) through the in-memory service, unsigned: ours against the
/// NSwag- and Kiota-generated clients of the same seed contract. <c>HandlerOnly</c> is the service's own cost,
/// included in every other row.
/// </summary>
[MemoryDiagnoser]
public class ClientCallBenchmarks
{
    private Clients _clients = null!;
    private HttpMessageInvoker _handlerOnly = null!;
    private HttpRequestMessage _handlerOnlyRequest = null!;

    /// <summary>Access keys in the result: a realistic bucket has at most two; 200 shows how reading scales.</summary>
    [Params(2, 200)]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var service = new CannedHandler(CannedResponses.Enveloped(Keys), "application/json");
        _clients = new Clients(service, sign: false);
        _handlerOnly = new HttpMessageInvoker(service, disposeHandler: false);
        _handlerOnlyRequest = new HttpRequestMessage(HttpMethod.Post, Clients.Endpoint);
        Verify(_clients, Keys, signed: false).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clients.Dispose();
        _handlerOnly.Dispose();
        _handlerOnlyRequest.Dispose();
    }

    [Benchmark(Description = "HandlerOnly")]
    public async Task<HttpStatusCode> HandlerOnly()
    {
        using var response = await _handlerOnly.SendAsync(_handlerOnlyRequest, CancellationToken.None).ConfigureAwait(false);
        return response.StatusCode;
    }

    [Benchmark(Baseline = true, Description = "Contracts")]
    public Task<Seed.BucketAccessKeys> Contracts() => _clients.ContractsAsync();

    /// <summary>Issue 15: the same call with an http bearer credential applied from the client's options.</summary>
    [Benchmark(Description = "Contracts + bearer")]
    public Task<SeedBearer.BucketAccessKeys> ContractsBearer() => _clients.ContractsBearerAsync();

    [Benchmark(Description = "NSwag")]
    public Task<Peers.NSwag.BucketAccessKeys> NSwag() => _clients.NSwagAsync();

    [Benchmark(Description = "Kiota")]
    public Task<Peers.Kiota.Models.BucketAccessKeys?> Kiota() => _clients.KiotaAsync();

    internal static async Task Verify(Clients clients, int keys, bool signed)
    {
        await CallChecks.VerifyAsync("Contracts", clients.Service, clients.ContractsAsync, CallChecks.Keys, keys, signed).ConfigureAwait(false);
        if (!signed)
        {
            // Behind a SigV4Handler the signature replaces the bearer header: the bearer row is measured unsigned only.
            await CallChecks.VerifyAsync("Contracts + bearer", clients.Service, clients.ContractsBearerAsync, CallChecks.Keys, keys, signed: false, bearer: Clients.BearerToken).ConfigureAwait(false);
        }

        await CallChecks.VerifyAsync("NSwag", clients.Service, clients.NSwagAsync, CallChecks.Keys, keys, signed).ConfigureAwait(false);
        await CallChecks.VerifyAsync("Kiota", clients.Service, clients.KiotaAsync, CallChecks.Keys, keys, signed).ConfigureAwait(false);
    }
}
