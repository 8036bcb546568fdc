using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace Contracts.Benchmarks.Server;

public static class Program
{
    /// <summary>
    /// <c>--check</c> prints every server's answer to every request (no timing; fails on an unexpected status);
    /// <c>--interleaved [--rounds N] [--batch N]</c> times every server round-robin in one process (see <see cref="Interleaved"/>);
    /// anything else goes to BenchmarkDotNet, e.g. <c>--filter * --job short</c>. Its CSV report has fixed units
    /// (ns, bytes) for benchmarks/server.sh.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--check"))
        {
            return await CheckAsync();
        }

        if (args.Contains("--interleaved"))
        {
            var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(15);
            var batch = args.SkipWhile(a => a != "--batch").Skip(1).Select(int.Parse).FirstOrDefault(200);
            await Interleaved.RunAsync(rounds, batch);
            return 0;
        }

        var style = new SummaryStyle(CultureInfo.InvariantCulture, printUnitsInHeader: true, sizeUnit: SizeUnit.B, timeUnit: TimeUnit.Nanosecond, printUnitsInContent: false);
        var config = DefaultConfig.Instance.AddExporter(new CsvExporter(CsvSeparator.Semicolon, style));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }

    private static async Task<int> CheckAsync()
    {
        var failures = 0;
        foreach (var server in ServerHosts.Compared)
        {
            var (app, client) = await ServerHosts.StartAsync(server);
            foreach (var operation in Requests.All)
            {
                var (status, contentType, body) = await Requests.DescribeAsync(client, operation);
                var ok = status == Requests.ExpectedStatus(operation);
                failures += ok ? 0 : 1;
                Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {server,-12} {operation,-16} {status} {contentType} {body}");
            }

            client.Dispose();
            await app.DisposeAsync();
        }

        var (problemApp, problemClient) = await ServerHosts.StartAsync(ServerHosts.HandWrittenProblem);
        var problem = await Requests.DescribeAsync(problemClient, Operation.GetPetBadRequest);
        var problemOk = problem.Status == 400 && problem.ContentType.StartsWith("application/problem+json", StringComparison.Ordinal);
        failures += problemOk ? 0 : 1;
        Console.WriteLine($"{(problemOk ? "ok  " : "FAIL")} {ServerHosts.HandWrittenProblem} {Operation.GetPetBadRequest} {problem.Status} {problem.ContentType} {problem.Body}");
        problemClient.Dispose();
        await problemApp.DisposeAsync();

        return failures == 0 ? 0 : 1;
    }
}
