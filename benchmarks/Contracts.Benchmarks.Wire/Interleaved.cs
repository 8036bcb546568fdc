using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Contracts.Benchmarks.Wire;

/// <summary>
/// <c>--interleaved</c>: the same benchmark methods, timed round-robin in one process (order rotated each round) so
/// that load from other processes hits every candidate alike, timed by the thread's CPU time (<see cref="ThreadClock"/>); prints the median time per operation, its ratio to
/// the baseline and the bytes allocated per operation. BenchmarkDotNet runs each method in its own process one after
/// another, which on a shared machine turns background load into differences between candidates.
/// </summary>
public static class Interleaved
{
    public static void Run(int rounds, double batchMilliseconds, string? only)
    {
        Console.WriteLine(ThreadClock.IsCpuTime ? "Time: CPU time of the measuring thread." : "Time: wall-clock time.");
        Console.WriteLine();
        Console.WriteLine("| Operation | Keys | Body | Method | Median | Ratio | Allocated |");
        Console.WriteLine("|---|---:|---|---|---:|---:|---:|");
        foreach (var type in new[] { typeof(ReadBenchmarks), typeof(WriteBenchmarks) })
        {
            if (only is not null && !type.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var keys in new[] { 2, 2000 })
            {
                foreach (var body in new[] { Body.Bare, Body.Envelope })
                {
                    var instance = (WireBenchmark)Activator.CreateInstance(type)!;
                    instance.Keys = keys;
                    instance.Body = body;
                    instance.Setup();
                    Measure(type.Name.Replace("Benchmarks", string.Empty, StringComparison.Ordinal), instance, keys, body, rounds, batchMilliseconds);
                }
            }
        }
    }

    private static void Measure(string operation, WireBenchmark instance, int keys, Body body, int rounds, double batchMilliseconds)
    {
        var methods = instance.GetType().GetMethods()
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .Select(m => (m.Name, Baseline: m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline, Run: (Func<object>)m.CreateDelegate(typeof(Func<object>), instance)))
            .ToArray();

        // Warm up for long enough that tiered compilation has promoted the hot methods to their final code (calls are
        // counted for 100 ms before promotion), then size each batch to about batchMilliseconds.
        var batch = new int[methods.Length];
        for (var i = 0; i < methods.Length; i++)
        {
            var warmup = Stopwatch.StartNew();
            for (var w = 0; w < 50 || warmup.ElapsedMilliseconds < 400; w++)
            {
                Time(methods[i].Run, 1);
            }

            var once = Math.Max(Time(methods[i].Run, 5) / 5, 1e-6);
            batch[i] = Math.Max(1, (int)(batchMilliseconds / once));
        }

        var samples = methods.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < methods.Length; k++)
            {
                var i = (k + round) % methods.Length;
                samples[i].Add(Time(methods[i].Run, batch[i]) / batch[i]);
            }
        }

        var medians = samples.Select(Median).ToArray();
        var baseline = medians[Array.FindIndex(methods, m => m.Baseline)];
        for (var i = 0; i < methods.Length; i++)
        {
            var allocated = Allocated(methods[i].Run);
            Console.WriteLine("| " + operation + " | " + keys + " | " + body + " | " + methods[i].Name + " | " + Format(medians[i]) + " | "
                + (medians[i] / baseline).ToString("0.00", CultureInfo.InvariantCulture) + " | " + allocated.ToString("N0", CultureInfo.InvariantCulture) + " B |");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Time(Func<object> run, int count)
    {
        var start = ThreadClock.NowMilliseconds();
        for (var i = 0; i < count; i++)
        {
            GC.KeepAlive(run());
        }

        return ThreadClock.NowMilliseconds() - start;
    }

    private static long Allocated(Func<object> run)
    {
        const int Count = 20;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Count; i++)
        {
            GC.KeepAlive(run());
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Count;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    private static string Format(double milliseconds) => milliseconds >= 1
        ? milliseconds.ToString("0.000", CultureInfo.InvariantCulture) + " ms"
        : (milliseconds * 1000).ToString("0.000", CultureInfo.InvariantCulture) + " µs";
}
