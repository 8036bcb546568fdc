using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.Benchmarks.Peers.Kiota;
using Contracts.Benchmarks.Peers.NSwag;
using Contracts.Runtime.Aws;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Contracts.Runtime.Authentication;
using Seed = Contracts.Benchmarks.Client.Seed;
using SeedBearer = Contracts.Benchmarks.Client.SeedBearer;
using Aws = Contracts.Benchmarks.Client.Aws;
using KiotaModels = Contracts.Benchmarks.Peers.Kiota.Models;

namespace Contracts.Benchmarks.Client;

/// <summary>
/// Our client and the two peers over one <see cref="HttpClient"/> and one <see cref="CannedHandler"/>; with
/// <c>sign</c>, a <see cref="SigV4Handler"/> signs every request before the canned service sees it. Each call
/// builds its request object as a caller would, and returns what the caller gets.
/// </summary>
internal sealed class Clients : IDisposable
{
    public static readonly Uri Endpoint = new("https://lightsail.us-east-1.amazonaws.com");

    /// <summary>The documented example pair of AWS's SigV4 test suite: not a real key.</summary>
    public static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private readonly HttpClient _http;
    private readonly Seed.LightsailClient _contracts;
    private readonly SeedBearer.LightsailBearerClient _contractsBearer;
    private readonly LightsailNSwagClient _nswag;
    private readonly LightsailKiotaClient _kiota;
    private readonly HttpClientRequestAdapter _kiotaAdapter;

    public Clients(CannedHandler service, bool sign)
    {
        Service = service;
        HttpMessageHandler pipeline = sign
            ? new SigV4Handler(service, new StaticCredentialsProvider(Credentials), "us-east-1", "lightsail")
            : service;
        _http = new HttpClient(pipeline);
        _contracts = new Seed.LightsailClient(_http, new Seed.LightsailClientOptions { BaseAddress = Endpoint });
        _contractsBearer = new SeedBearer.LightsailBearerClient(_http, new SeedBearer.LightsailBearerClientOptions { BaseAddress = Endpoint, BearerAuth = new BearerCredential(BearerToken) });
        _nswag = new LightsailNSwagClient(_http) { BaseUrl = Endpoint.OriginalString };
        _kiotaAdapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: _http) { BaseUrl = Endpoint.OriginalString };
        _kiota = new LightsailKiotaClient(_kiotaAdapter);
    }

    /// <summary>The bearer row's token: a fixed string (the canned service does not check it; CallChecks does).</summary>
    public const string BearerToken = "sk-benchmark-0123456789abcdef";

    public CannedHandler Service { get; }

    /// <summary>The same call through the seed contract with an http bearer scheme: the token comes from the client's options.</summary>
    public Task<SeedBearer.BucketAccessKeys> ContractsBearerAsync() =>
        _contractsBearer.GetBucketAccessKeysAsync(new SeedBearer.GetBucketAccessKeysRequest { BucketName = CannedResponses.BucketName });

    public Task<Seed.BucketAccessKeys> ContractsAsync() =>
        _contracts.GetBucketAccessKeysAsync(new Seed.GetBucketAccessKeysRequest { BucketName = CannedResponses.BucketName });

    public async Task<Peers.NSwag.BucketAccessKeys> NSwagAsync()
    {
        var response = await _nswag.GetBucketAccessKeysAsync(
            XAmzTarget.Lightsail_20161128_GetBucketAccessKeys,
            new Peers.NSwag.GetBucketAccessKeysRequest { BucketName = CannedResponses.BucketName }).ConfigureAwait(false);
        return response.Data;
    }

    public async Task<KiotaModels.BucketAccessKeys?> KiotaAsync()
    {
        // Kiota drops the one-value X-Amz-Target header parameter: a Kiota user adds it per request (a static lambda).
        var response = await _kiota.XAmzTargetLightsail_20161128GetBucketAccessKeys.PostAsGetBucketAccessKeysPostResponseAsync(
            new KiotaModels.GetBucketAccessKeysRequest { BucketName = CannedResponses.BucketName },
            static configuration => configuration.Headers.Add("X-Amz-Target", CannedResponses.Target)).ConfigureAwait(false);
        return response?.Data;
    }

    public void Dispose()
    {
        _kiotaAdapter.Dispose();
        _http.Dispose();
    }
}

/// <summary>The full Lightsail description's client: AWS JSON 1.1, every request signed with SigV4 by the runtime.</summary>
internal sealed class AwsProtocolClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Aws.LightsailAwsClient _client;

    public AwsProtocolClient(CannedHandler service)
    {
        Service = service;
        _http = new HttpClient(service);
        _client = new Aws.LightsailAwsClient(_http, new Aws.LightsailAwsClientOptions
        {
            BaseAddress = Clients.Endpoint,
            Region = "us-east-1",
            Credentials = new StaticCredentialsProvider(Clients.Credentials),
        });
    }

    public CannedHandler Service { get; }

    public Task<Aws.GetBucketAccessKeysResult> CallAsync() =>
        _client.GetBucketAccessKeysAsync(new Aws.GetBucketAccessKeysRequest { BucketName = CannedResponses.BucketName });

    public void Dispose() => _http.Dispose();
}
