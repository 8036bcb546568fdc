using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Contracts.Benchmarks.Wire;

public static class Program
{
    /// <summary>
    /// <c>--validate</c> checks that every serializer reads and writes the same values (no timing; CI can run it);
    /// <c>--interleaved [--rounds N] [--only Read|Write]</c> times every method round-robin in one process (see <see cref="Interleaved"/>);
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

        if (args.Contains("--interleaved"))
        {
            var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(41);
            var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
            Interleaved.Run(rounds, batchMilliseconds: 5, only);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
