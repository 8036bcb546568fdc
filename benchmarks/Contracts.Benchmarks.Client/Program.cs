using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Contracts.Benchmarks.Client;

/// <summary>
/// Runs the client-call benchmarks (<c>dotnet run -c Release -- --filter '*' --job short</c>), or with
/// <c>--validate</c> only checks that every client sends the expected request and returns every expected key.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--validate")
        {
            foreach (var keys in new[] { 2, 200 })
            {
                var unsigned = new ClientCallBenchmarks { Keys = keys };
                unsigned.Setup();
                unsigned.Cleanup();
                var signed = new SignedCallBenchmarks { Keys = keys };
                signed.Setup();
                signed.Cleanup();
            }

            var streaming = new Streaming.StreamingBenchmarks();
            streaming.Setup();
            streaming.Cleanup();

            Console.WriteLine("valid: every client sent the expected request and returned every expected key (2 and 200 keys, unsigned and signed)");
            Console.WriteLine("valid: both chat stream readers sent the streaming request and read every event's text (" + Streaming.StreamingBenchmarks.ContentChunks + " content chunks)");
            return 0;
        }

        // Building the benchmark's copy of this project runs the generator over two specs: on a busy machine that
        // takes longer than BenchmarkDotNet's default two minutes.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
