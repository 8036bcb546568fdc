using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Contracts.Benchmarks.Reading;

/// <summary>
/// Time and allocated bytes of the stages in one process, interleaved (the order rotates every round), so that the load
/// of a shared machine falls on all alike: the ratio is the figure to read, the milliseconds only beside the load average.
/// </summary>
internal static class Measurements
{
    /// <summary>One comparison: the current stage (first) against one or more prototype variants doing the same work.</summary>
    private sealed record Work(string Name, (string Stage, Func<string, long[]> Call)[] Stages);

    private static Work[] Works(PrototypeReadingStage prototype) => new[]
    {
        new Work("stage", new (string, Func<string, long[]>)[]
        {
            ("current", CurrentReadingStage.ReadLocateFacts),
            ("one tree", text => prototype.ReadLocateFacts(text)),
            ("public + events", text => prototype.ReadLocateFactsPublic(text)),
        }),
        new Work("reader", new (string, Func<string, long[]>)[]
        {
            ("current", CurrentReadingStage.ReaderAlone),
            ("public", text => prototype.ReaderAlone(text)),
        }),
    };

    public static int Warm(int runs, List<(string Name, string Path)> specs)
    {
        Console.WriteLine("warm: median of " + runs + " runs after one first run in this process; " + Program.Load());
        var works = Works(PrototypeReadingStage.Load());
        Console.WriteLine();
        Console.WriteLine("| spec | work | generator ms | prototype variant | prototype ms | prototype / generator time | generator MB | prototype MB | prototype / generator bytes | first run in process, generator / prototype ms |");
        Console.WriteLine("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var mismatches = new List<string>();
        var phases = new List<string>();
        foreach (var (name, path) in specs)
        {
            var text = File.ReadAllText(path);
            foreach (var work in works)
            {
                var n = work.Stages.Length;
                var samples = work.Stages.Select(_ => new List<(double Ms, long Bytes, long[] Figures)>()).ToArray();
                var first = new double[n];
                for (var round = -1; round < runs; round++)
                {
                    // Round -1 is each stage's first run on this document; then the order rotates.
                    for (var k = 0; k < n; k++)
                    {
                        var i = (k + Math.Max(round, 0)) % n;
                        var sample = Measure(work.Stages[i].Call, text);
                        if (round < 0)
                        {
                            first[i] = sample.Ms;
                        }
                        else
                        {
                            samples[i].Add(sample);
                        }
                    }
                }

                var ms = samples.Select(s => Median(s.Select(x => x.Ms))).ToArray();
                var mb = samples.Select(s => Median(s.Select(x => (double)x.Bytes)) / 1e6).ToArray();
                for (var i = 1; i < n; i++)
                {
                    Console.WriteLine(FormattableString.Invariant(
                        $"| {name} | {work.Name} | {ms[0]:F0} | {work.Stages[i].Stage} | {ms[i]:F0} | {ms[i] / ms[0]:F2} | {mb[0]:F0} | {mb[i]:F0} | {mb[i] / mb[0]:F2} | {first[0]:F0} / {first[i]:F0} |"));
                    if (work.Name == "stage")
                    {
                        mismatches.AddRange(Compare(name + " (" + work.Stages[i].Stage + ")", samples[0][0].Figures, samples[i][0].Figures));
                    }
                }

                if (work.Name == "stage")
                {
                    for (var phase = Figures.FirstPhase; phase < Figures.Names.Length; phase++)
                    {
                        var p = samples.Select(s => Median(s.Select(x => (double)x.Figures[phase])) / 1000).ToArray();
                        phases.Add(FormattableString.Invariant($"| {name} | {Figures.Names[phase].Replace("Microseconds", "", StringComparison.Ordinal)} | ")
                            + string.Join(" | ", p.Select(v => v.ToString("F0", CultureInfo.InvariantCulture))) + " |");
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("Phases of the stage (median ms of the same runs):");
        Console.WriteLine();
        Console.WriteLine("| spec | phase | generator | prototype one tree | prototype public + events |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        phases.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine(mismatches.Count == 0 ? "figures agree (paths, operations, schemas, located pointers and their positions, facts, schemas walked)" : string.Join(Environment.NewLine, mismatches));
        Console.WriteLine("after: " + Program.Load());
        return 0;
    }

    /// <summary>Each stage's first run in a fresh process (assembly loading and JIT included), the processes interleaved.</summary>
    public static int Cold(int repeats, List<(string Name, string Path)> specs)
    {
        Console.WriteLine("cold: median of " + repeats + " fresh processes per stage and document, interleaved; " + Program.Load());
        Console.WriteLine();
        Console.WriteLine("| spec | work | generator ms | prototype variant | prototype ms | prototype / generator time | generator MB | prototype MB |");
        Console.WriteLine("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |");
        var names = Works(null!).Select(w => (w.Name, Stages: w.Stages.Select(s => s.Stage).ToArray())).ToArray();
        foreach (var (name, path) in specs)
        {
            foreach (var (work, stages) in names)
            {
                var samples = stages.Select(_ => new List<(double Ms, long Bytes)>()).ToArray();
                for (var r = 0; r < repeats; r++)
                {
                    for (var k = 0; k < stages.Length; k++)
                    {
                        var i = (k + r) % stages.Length;
                        var output = Program.RunSelf("cold-once", work, stages[i], path).Trim().Split(' ');
                        samples[i].Add((double.Parse(output[0], CultureInfo.InvariantCulture), long.Parse(output[1], CultureInfo.InvariantCulture)));
                    }
                }

                var ms = samples.Select(s => Median(s.Select(x => x.Ms))).ToArray();
                var mb = samples.Select(s => Median(s.Select(x => (double)x.Bytes)) / 1e6).ToArray();
                for (var i = 1; i < stages.Length; i++)
                {
                    Console.WriteLine(FormattableString.Invariant($"| {name} | {work} | {ms[0]:F0} | {stages[i]} | {ms[i]:F0} | {ms[i] / ms[0]:F2} | {mb[0]:F0} | {mb[i]:F0} |"));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("after: " + Program.Load());
        return 0;
    }

    /// <summary>One run in this fresh process: loading the stage (and, for prototype, its load context) is part of it.</summary>
    public static int ColdOnce(string work, string stage, string path)
    {
        var text = File.ReadAllText(path);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var prototype = stage == "current" ? null! : PrototypeReadingStage.Load();
        var call = Works(prototype).Single(w => w.Name == work).Stages.Single(s => s.Stage == stage).Call;
        _ = call(text);
        clock.Stop();
        Console.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalMilliseconds:F1} {GC.GetTotalAllocatedBytes(precise: true) - before}"));
        return 0;
    }

    private static (double Ms, long Bytes, long[] Figures) Measure(Func<string, long[]> call, string text)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var figures = call(text);
        clock.Stop();
        return (clock.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - before, figures);
    }

    public static IEnumerable<string> Compare(string name, long[] current, long[] prototype)
    {
        foreach (var i in Figures.Compared)
        {
            if (current[i] != prototype[i])
            {
                yield return name + ": " + Figures.Names[i] + " differs: generator " + current[i] + ", prototype " + prototype[i];
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
