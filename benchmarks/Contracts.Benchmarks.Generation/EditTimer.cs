using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace Contracts.Benchmarks.Generation;

/// <summary>
/// <c>edits &lt;spec&gt; [runs]</c>: a first build (a new driver in the warm process) and the edits of <see cref="IncrementalGeneration"/>
/// on a warm driver, timed with a stopwatch, interleaved (first build, C# edit, description edit there and back, schema added and removed, again): the median time and allocations of each, and what the
/// description edit did to the parse. One line per edit, so a script can alternate two builds and compare them
/// (<c>benchmarks/spec-edits.sh</c>).
/// </summary>
internal static class EditTimer
{
    public static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length == 0 || !BenchmarkSpecs.Paths.ContainsKey(args[0]))
        {
            Console.Error.WriteLine("usage: edits <seed|lightsail|github|stripe> [runs, default 20]");
            return 2;
        }

        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        foreach (var row in Measure(args[0], runs))
        {
            Console.WriteLine(row);
        }

        return 0;
    }

    /// <summary>Markdown rows: | spec | edit | median ms | allocated MB | parse on a description edit |.</summary>
    public static IEnumerable<string> Measure(string spec, int runs)
    {
        var bench = new IncrementalGeneration { Spec = spec };
        bench.Setup();
        var (parse, reemitted, files) = bench.DescriptionEditReasons();
        var edits = new (string Name, Func<object> Run, int Times)[]
        {
            ("first build (a new driver)", bench.FirstBuild, 1),
            ("unrelated C# edit", bench.UnrelatedCSharpEdit, 1),
            ("one-line description edit", bench.DescriptionEdit, 2),
            ("a schema added", bench.SchemaAdded, 2),
        };
        var samples = edits.ToDictionary(e => e.Name, _ => new List<(double Ms, long Bytes)>());

        // Two warm-up rounds (JIT, the driver's tables), then the measured ones. A spec edit runs twice a round, there and
        // back, so each starts from the spec as it is; both are the same kind of edit.
        for (var round = 0; round < runs + 2; round++)
        {
            foreach (var (name, run) in edits.SelectMany(e => Enumerable.Repeat((e.Name, e.Run), e.Times)))
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                run();
                watch.Stop();
                if (round >= 2)
                {
                    samples[name].Add((watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - bytes));
                }
            }
        }

        foreach (var (name, _, _) in edits)
        {
            var list = samples[name];
            var detail = name == "one-line description edit" ? $"ParseSpecs {parse}, {reemitted} of {files} outputs re-emitted" : "";
            yield return string.Create(CultureInfo.InvariantCulture,
                $"| {spec} | {name} | {Median(list.Select(s => s.Ms)):F2} | {Median(list.Select(s => s.Bytes / 1e6)):F2} | {detail} |");
        }
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
