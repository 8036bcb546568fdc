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
    /// Known disagreement: the AWS JSON endpoint writes a declared error (480 ServiceException, 481 InvalidInputException,
    /// …) as its body with the declared status and without the AWS error type (<c>__type</c>, <c>X-Amzn-ErrorType</c>),
    /// and the client, which tells AWS errors apart by that type, reads it as an unknown error without its body. Every
    /// error case disagrees in that one way, and in no other; when the endpoint writes the type this test fails, and
    /// the previous one can answer errors too.
    /// </summary>
    [Fact]
    public async Task Declared_errors_are_read_without_their_body_for_want_of_the_AWS_error_type()
    {
        await using var kit = await StartAsync();

        var report = await kit.RunAsync(Client, seed: 1128, casesPerOperation: 3);

        output.WriteLine(report.ToString());
        Assert.Empty(report.Skipped);
        Assert.Equal(Operations, report.Mismatches.Count);
        Assert.All(report.Mismatches, m =>
        {
            Assert.Equal(2, m.CaseNumber);
            Assert.Equal("read.body", m.Path);
            Assert.Contains("the service returned UnknownError", m.Actual, StringComparison.Ordinal);
        });
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
