using System;
using BenchmarkDotNet.Running;

namespace Contracts.Benchmarks.Generation;

/// <summary>
/// <c>stages &lt;spec&gt; [runs]</c> times each stage with a stopwatch and reports peak memory (one spec per process);
/// <c>edits &lt;spec&gt; [runs]</c> times the IDE's edits on a warm driver (<see cref="EditTimer"/>);
/// <c>split-identity &lt;folder&gt;</c> checks the documentation split over a corpus (<see cref="SplitIdentity"/>);
/// <c>hostile</c> times the inputs that were quadratic or broke the build beside normal ones (<see cref="HostileInputs"/>);
/// anything else goes to BenchmarkDotNet, e.g. <c>--filter *GenerationStages* --job short</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "stages")
        {
            return StageTimer.Run(args.AsSpan(1));
        }

        if (args.Length > 0 && args[0] == "edits")
        {
            return EditTimer.Run(args.AsSpan(1));
        }

        if (args.Length > 0 && args[0] == "split-identity")
        {
            return SplitIdentity.Run(args.AsSpan(1));
        }

        if (args.Length > 0 && args[0] == "hostile")
        {
            return HostileInputs.Run(args.AsSpan(1));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
