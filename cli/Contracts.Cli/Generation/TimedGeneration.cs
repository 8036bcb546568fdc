using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Reading;

namespace Contracts.Cli.Generation;

/// <summary>
/// <c>generate</c> with each stage timed, when <c>CONTRACTS_TIMINGS=1</c> is set (benchmarks/process.md, "Where the time
/// goes"): <see cref="Contracts.Generator.DirectGeneration"/> and <c>GenerationSteps.Translate</c> call <see cref="Lap"/> as
/// each stage ends, on the path every run takes (same files, same diagnostics), so that the reader's share of a cold run
/// can be told from the model's and the emitters'. It reports the stages on stderr as two lines, wall clock and CPU time,
/// <c>timings: start … ms, load … ms, read … ms, model … ms, emit … ms, write … ms; reader with tree: yes</c> and
/// <c>cpu timings: start … ms, …</c>, where start is the time from process start to <c>Main</c>, load reads the spec and its
/// referenced files, read is the OpenAPI reader (with the locator and the document facts), model the translation and
/// the passes, emit the C# text, write the files. On a loaded machine the CPU times are the ones to read.
/// </summary>
internal static class TimedGeneration
{
    public const string Variable = "CONTRACTS_TIMINGS";

    public static bool Requested => Environment.GetEnvironmentVariable(Variable) == "1";

    private static readonly List<(string Stage, double Wall, double Cpu)> Stages = [];

    private static readonly Stopwatch Clock = new();

    private static TimeSpan s_cpu;

    /// <summary>Starts the clock and records how long the process took to reach <c>Main</c>.</summary>
    public static void Start()
    {
        using var process = Process.GetCurrentProcess();
        s_cpu = process.TotalProcessorTime;
        Stages.Add(("start", (DateTime.Now - process.StartTime).TotalMilliseconds, s_cpu.TotalMilliseconds));
        Clock.Restart();
    }

    /// <summary>Records the time since the last stage under <paramref name="stage"/>: wall clock, and the CPU time of every thread (the JIT's and the GC's included).</summary>
    public static void Lap(string stage)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        Stages.Add((stage, Clock.Elapsed.TotalMilliseconds, (cpu - s_cpu).TotalMilliseconds));
        s_cpu = cpu;
        Clock.Restart();
    }

    /// <summary>
    /// Two lines, wall clock and CPU time of each stage, and whether the reader kept its YAML tree. It always does now
    /// (<see cref="OpenApiTextReader"/> reads the document from the tree it parsed once); the suffix stays so that
    /// benchmarks/tool-stages.sh reads this tool's lines and older tools' alike.
    /// </summary>
    public static string Report() =>
        "timings: " + string.Join(", ", Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Wall:0} ms")))
        + "; reader with tree: yes" + Environment.NewLine
        + "cpu timings: " + string.Join(", ", Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Cpu:0} ms")));
}
