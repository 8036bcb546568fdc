using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Contracts.Generator.Documentation;
using Contracts.Generator.Pipeline;

namespace Contracts.Benchmarks.Generation;

/// <summary>
/// <c>stages &lt;spec&gt; [runs]</c>: the median time and allocations of each stage over warm runs, then the driver's whole
/// run, the edits on a warm driver (an unrelated C# edit, a description edit, a schema added), and the process's peak working set. A quick look at where the time goes; BenchmarkDotNet gives the error bars.
/// </summary>
internal static class StageTimer
{
    public static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: stages <seed|lightsail|github|stripe|path> [runs, default 5]");
            return 2;
        }

        var path = BenchmarkSpecs.Resolve(args[0]);
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var input = GenerationPipeline.Load(path);
        var samples = new Dictionary<string, List<(double Ms, long Bytes)>>(StringComparer.Ordinal);
        (int Files, long Characters) output = default;
        var compilation = GenerationPipeline.CreateCompilation();

        // The first round is the cold one (JIT); it is printed apart and left out of the medians.
        for (var round = 0; round <= runs; round++)
        {
            // What a description edit costs before the cached parse: the text split into structure and documentation.
            var split = Measure(samples, round, "split (documentation out, as on each spec edit)", () => GenerationSteps.SplitDocumentation(input, CancellationToken.None));
            Measure(samples, round, "  its scan by the line scanner (null: SharpYaml's)", () => BlockYamlScanner.TryFind(input.Text, CancellationToken.None, out var found) ? found : null);
            Measure(samples, round, "  the same scan by SharpYaml's events (the fallback)", () => DocumentationSplitter.FindWithParser(input.Text, CancellationToken.None));
            var read = Measure(samples, round, "read", () => GenerationPipeline.Read(input));
            var model = Measure(samples, round, "model", () => GenerationPipeline.BuildModel(input, read));
            Measure(samples, round, "restore (documentation back, as on each spec edit)", () => DocumentationRestorer.Restore(model, split.Documentation));
            output = Measure(samples, round, "emit", () => GenerationPipeline.Emit(model));
            var spec = new TextFile(path, input.Text);
            Measure(samples, round, "driver (all stages)", () => GenerationPipeline.CreateDriver(spec).RunGenerators(compilation));
            GC.Collect();
        }

        Console.WriteLine($"{System.IO.Path.GetFileName(path)}: {output.Files} files, {output.Characters / 1e6:F1} M characters; medians of {runs} warm runs");
        Console.WriteLine("| stage | cold ms | median ms | allocated MB |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (stage, list) in samples)
        {
            var warm = list.Skip(1).ToList();
            var ms = Median(warm.Select(s => s.Ms));
            var mb = Median(warm.Select(s => s.Bytes / 1e6));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {list[0].Ms:F0} | {ms:F0} | {mb:F0} |"));
        }

        // The keystroke path: a warm driver, an unrelated C# edit (flipping between two compilations so each run is a change).
        var incremental = new IncrementalGeneration { Spec = args[0] };
        if (BenchmarkSpecs.Paths.ContainsKey(args[0]))
        {
            incremental.Setup();
            for (var i = 0; i < 20; i++)
            {
                incremental.UnrelatedCSharpEdit();
            }

            var edits = new List<(double Ms, long Bytes)>();
            for (var i = 0; i < 200; i++)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                incremental.UnrelatedCSharpEdit();
                edits.Add((watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - bytes));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| unrelated C# edit (warm driver, median of 200) | | {Median(edits.Select(e => e.Ms)):F3} | {Median(edits.Select(e => e.Bytes / 1e6)):F3} |"));

            // The spec edits on a warm driver, as the IDE sees a keystroke in the spec (EditTimer, interleaved with the others).
            foreach (var row in EditTimer.Measure(args[0], Math.Max(runs, 5)).Skip(1))
            {
                var cells = row.Split('|');
                Console.WriteLine($"| {cells[2].Trim()} (warm driver, median of {Math.Max(runs, 5)}) | | {cells[3].Trim()} | {cells[4].Trim()} |");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
        return 0;
    }

    private static T Measure<T>(Dictionary<string, List<(double, long)>> samples, int round, string stage, Func<T> action)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = action();
        watch.Stop();
        if (!samples.TryGetValue(stage, out var list))
        {
            samples[stage] = list = new List<(double, long)>();
        }

        list.Add((watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - bytes));
        return result;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
