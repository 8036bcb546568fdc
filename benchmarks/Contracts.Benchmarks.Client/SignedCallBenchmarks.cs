using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Contracts.Benchmarks.Client;

/// <summary>
/// The same call signed with SigV4, reported apart because the peers do not sign on their own: each client of the
/// seed contract behind the runtime's <c>SigV4Handler</c>, and our client of the full Lightsail description, whose
/// AWS protocol signs every attempt itself (bare AWS JSON result, epoch dates). The unsigned call of our seed
/// client is the baseline, so the ratio is the price of signing.
/// </summary>
[MemoryDiagnoser]
public class SignedCallBenchmarks
{
    private Clients _unsigned = null!;
    private Clients _signed = null!;
    private AwsProtocolClient _aws = null!;

    [Params(2, 200)]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var enveloped = CannedResponses.Enveloped(Keys);
        _unsigned = new Clients(new CannedHandler(enveloped, "application/json"), sign: false);
        _signed = new Clients(new CannedHandler(enveloped, "application/json"), sign: true);
        _aws = new AwsProtocolClient(new CannedHandler(CannedResponses.AwsJson(Keys), "application/x-amz-json-1.1"));
        Verify(Keys).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _unsigned.Dispose();
        _signed.Dispose();
        _aws.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Contracts unsigned")]
    public Task<Seed.BucketAccessKeys> ContractsUnsigned() => _unsigned.ContractsAsync();

    [Benchmark(Description = "Contracts + SigV4Handler")]
    public Task<Seed.BucketAccessKeys> ContractsSigV4Handler() => _signed.ContractsAsync();

    [Benchmark(Description = "NSwag + SigV4Handler")]
    public Task<Peers.NSwag.BucketAccessKeys> NSwagSigV4Handler() => _signed.NSwagAsync();

    [Benchmark(Description = "Kiota + SigV4Handler")]
    public Task<Peers.Kiota.Models.BucketAccessKeys?> KiotaSigV4Handler() => _signed.KiotaAsync();

    [Benchmark(Description = "Contracts AWS protocol")]
    public Task<Aws.GetBucketAccessKeysResult> ContractsAwsProtocol() => _aws.CallAsync();

    private async Task Verify(int keys)
    {
        await ClientCallBenchmarks.Verify(_unsigned, keys, signed: false).ConfigureAwait(false);
        await ClientCallBenchmarks.Verify(_signed, keys, signed: true).ConfigureAwait(false);
        await CallChecks.VerifyAsync("Contracts AWS protocol", _aws.Service, _aws.CallAsync, CallChecks.Keys, keys, signed: true).ConfigureAwait(false);
    }
}
