using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Benchmarks.Compile;

/// <summary>Roslyn set up as the SDK sets up csc for a Debug build of a net10.0 project with nullable and implicit usings enabled.</summary>
public static class Compiler
{
    /// <summary>C# 14 (net10.0's default), the symbols the SDK defines for a Debug net10.0 build, XML docs not parsed (no GenerateDocumentationFile).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.CSharp14,
        DocumentationMode.None,
        preprocessorSymbols: new[] { "TRACE", "DEBUG", "NET", "NET10_0", "NETCOREAPP" }
            .Concat(Enumerable.Range(5, 6).Select(v => $"NET{v}_0_OR_GREATER"))
            .Concat(new[] { "NETCOREAPP1_0", "NETCOREAPP1_1", "NETCOREAPP2_0", "NETCOREAPP2_1", "NETCOREAPP2_2", "NETCOREAPP3_0", "NETCOREAPP3_1" }.Select(v => v + "_OR_GREATER")));

    /// <summary>The app's own code: the global usings `ImplicitUsings` gives a console app, and one class.</summary>
    private const string AppCode = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;

        namespace Consumer.App
        {
            internal static class Marker
            {
            }
        }
        """;

    public static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees, ImmutableArray<MetadataReference> references, CSharpParseOptions? parseOptions = null) =>
        CSharpCompilation.Create(
            "Consumer",
            trees.Prepend(CSharpSyntaxTree.ParseText(SourceText.From(AppCode, Encoding.UTF8), parseOptions ?? ParseOptions, "/src/App.cs")),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Debug,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true,
                concurrentBuild: true));

    /// <summary>Parses, then takes a fresh compilation's diagnostics and a fresh compilation's emit; reports compile errors.</summary>
    public static PhaseTimes Compile(SourceSet set, IReadOnlySet<string> phases)
    {
        // Between sets, so that one set's garbage is not collected on the next one's clock.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var parseOptions = set.DocumentationFile ? ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose) : ParseOptions;
        var clock = PhaseClock.Start();
        var trees = new SyntaxTree[set.Files.Count];
        Parallel.For(0, trees.Length, i => trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(set.Files[i].Text, Encoding.UTF8), parseOptions, "/generated/" + set.Files[i].Path));
        var parse = clock.Lap();

        Lap? diagnostics = null;
        if (phases.Contains("diagnostics"))
        {
            clock = PhaseClock.Start();
            var found = CreateCompilation(trees, set.References, parseOptions).GetDiagnostics();
            diagnostics = clock.Lap();
            ReportErrors(set, found);
        }

        Lap? emit = null;
        if (phases.Contains("emit"))
        {
            clock = PhaseClock.Start();
            using var pe = new MemoryStream();
            using var pdb = new MemoryStream();
            using var referenceAssembly = new MemoryStream();
            using var documentation = set.DocumentationFile ? new MemoryStream() : null;
            var result = CreateCompilation(trees, set.References, parseOptions).Emit(
                pe, pdb, xmlDocumentationStream: documentation, metadataPEStream: referenceAssembly, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, includePrivateMembers: false));
            emit = clock.Lap();
            ReportErrors(set, result.Diagnostics);
        }

        return new PhaseTimes(phases.Contains("parse") ? parse : null, diagnostics, emit);
    }

    /// <summary>
    /// A set that does not compile is still timed, but its emit stops early and its time means little: the errors are
    /// printed (the first ten), and the table marks the set.
    /// </summary>
    private static void ReportErrors(SourceSet set, ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 && set.Errors == 0)
        {
            set.Errors = errors.Count;
            Console.Error.WriteLine($"{set.Spec} {set.Label} does not compile ({errors.Count} errors):{Environment.NewLine}{string.Join(Environment.NewLine, errors.Take(10))}");
        }
    }
}

/// <summary>Wall-clock and CPU seconds of one phase (CPU: every thread of this process, the garbage collector's included).</summary>
public readonly record struct Lap(double Wall, double Cpu);

/// <summary>Starts a wall clock and reads the process's CPU time; <see cref="Lap"/> gives both since the start.</summary>
public readonly struct PhaseClock
{
    private readonly long _start;
    private readonly TimeSpan _cpu;

    private PhaseClock(long start, TimeSpan cpu)
    {
        _start = start;
        _cpu = cpu;
    }

    public static PhaseClock Start() => new(Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);

    public Lap Lap() => new(Stopwatch.GetElapsedTime(_start).TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalSeconds);
}

/// <summary>The phases of one compile; null where the phase was not run.</summary>
public sealed record PhaseTimes(Lap? Parse, Lap? Diagnostics, Lap? Emit)
{
    /// <summary>What a build costs: csc parses, then emits (binding every method body while it emits).</summary>
    public Lap? Build => Parse is { } p && Emit is { } e ? new Lap(p.Wall + e.Wall, p.Cpu + e.Cpu) : null;

    public static PhaseTimes Median(IReadOnlyList<PhaseTimes> samples) =>
        new(MedianOf(samples.Select(s => s.Parse)), MedianOf(samples.Select(s => s.Diagnostics)), MedianOf(samples.Select(s => s.Emit)));

    public override string ToString() => $"parse {Format(Parse)}, diagnostics {Format(Diagnostics)}, emit {Format(Emit)} (wall / CPU)";

    private static string Format(Lap? lap) => lap is { } l ? $"{l.Wall:F2} / {l.Cpu:F2} s" : "-";

    /// <summary>The median of each clock on its own.</summary>
    private static Lap? MedianOf(IEnumerable<Lap?> values)
    {
        var laps = values.OfType<Lap>().ToList();
        return laps.Count == 0 ? null : new Lap(Median(laps.Select(l => l.Wall)), Median(laps.Select(l => l.Cpu)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
