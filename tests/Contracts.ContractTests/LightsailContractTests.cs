using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Contracts.ContractTests.Lightsail;
using Contracts.Runtime;
using Contracts.Runtime.Aws;
using Contracts.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Contracts.ContractTests;

/// <summary>The whole Lightsail API (AWS JSON 1.1): every operation served and driven, signed with static test credentials.</summary>
public sealed class LightsailContractTests(ITestOutputHelper output)
{
    private const int Operations = 153;
    private static readonly string s_document = Path.Combine(AppContext.BaseDirectory, "Specs", "lightsail-2016-11-28.yaml");

    [Fact]
    public async Task Every_operation_agrees_on_both_sides()
    {
        await using var kit = await StartAsync();

        // Successes only: the declared errors are the next test's.
        var report = await kit.RunAsync(Client, seed: 1128, casesPerOperation: 4, declaredErrors: false);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.Empty(report.Skipped);
        Assert.Equal(Operations, report.DrivenCount);
        Assert.Equal(Operations * 4, report.CaseCount);
    }

    /// <summary>
    /// Every operation again, every third case answered with one of its declared errors (Lightsail declares five to
    /// seven per operation, none with members): the endpoint writes it as AWS does (status 400, <c>__type</c>), and the
    /// client throws the exception named after it, with the handler's message.
    /// </summary>
    [Fact]
    public async Task Declared_errors_reach_the_client_as_their_typed_exceptions()
    {
        await using var kit = await StartAsync();

        var report = await kit.RunAsync(Client, seed: 1128, casesPerOperation: 3);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.Empty(report.Skipped);
        Assert.Equal(Operations, report.DrivenCount);
        Assert.Equal(Operations * 3, report.CaseCount);
        // Every declared response was answered with by some case: nothing is left out quietly.
        Assert.All(report.Operations, o => Assert.Empty(o.UnansweredResponses));
    }

    private static Task<ContractTestKit> StartAsync() =>
        ContractTestKit.StartAsync<ILightsailHandler>(app => app.MapLightsail(), s_document, LightsailJsonContext.Default);

    private static LightsailClient Client(System.Net.Http.HttpClient http) => new(http, new LightsailClientOptions
    {
        BaseAddress = http.BaseAddress,
        Region = "us-east-1",
        Credentials = new StaticCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
        // Each answer checked once: an error answered is not retried.
        Retry = RetryPolicy.None,
    });
}
