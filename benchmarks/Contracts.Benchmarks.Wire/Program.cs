using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Contracts.Benchmarks.Wire;

public static class Program
{
    /// <summary>
    /// <c>--validate</c> checks that every serializer reads and writes the same values (no timing; CI can run it);
    /// anything else goes to BenchmarkDotNet, e.g. <c>--filter *ReadBenchmarks* --job short</c>.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Contains("--validate"))
        {
            foreach (var keys in new[] { 2, 2000 })
            {
                Validation.Check(Payload.Of(keys));
                Console.WriteLine("wire payload with " + keys + " keys: every reader and writer agrees");
            }

            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
