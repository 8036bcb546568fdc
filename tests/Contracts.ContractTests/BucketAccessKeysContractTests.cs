using System;
using System.IO;
using System.Threading.Tasks;
using Contracts.ContractTests.Buckets;
using Contracts.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Contracts.ContractTests;

/// <summary>The bucket-access-keys description (an envelope over AWS JSON): every operation driven, both sides agreeing.</summary>
public sealed class BucketAccessKeysContractTests(ITestOutputHelper output)
{
    private static readonly string s_document = Path.Combine(AppContext.BaseDirectory, "Specs", "lightsail-bucket-access-keys.yaml");

    [Theory]
    [InlineData(1)]
    [InlineData(20251208)]
    public async Task Every_operation_agrees_on_both_sides(int seed)
    {
        await using var kit = await ContractTestKit.StartAsync<IBucketsHandler>(app => app.MapBuckets(), s_document, BucketsJsonContext.Default);

        var report = await kit.RunAsync(http => new BucketsClient(http, new BucketsClientOptions { BaseAddress = http.BaseAddress }), seed, casesPerOperation: 12);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.Empty(report.Skipped);
        Assert.Equal(1, report.DrivenCount);
        Assert.Equal(12, report.CaseCount);
    }
}
