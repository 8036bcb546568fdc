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

    public static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create(
            "Consumer",
            trees.Prepend(CSharpSyntaxTree.ParseText(SourceText.From(AppCode, Encoding.UTF8), ParseOptions, "/src/App.cs")),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Debug,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true,
                concurrentBuild: true));

    /// <summary>Parses, then takes a fresh compilation's diagnostics and a fresh compilation's emit; throws on a compile error.</summary>
    public static PhaseTimes Compile(SourceSet set, IReadOnlySet<string> phases)
    {
        // Between sets, so that one set's garbage is not collected on the next one's clock.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var watch = Stopwatch.StartNew();
        var trees = new SyntaxTree[set.Files.Count];
        Parallel.For(0, trees.Length, i => trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(set.Files[i].Text, Encoding.UTF8), ParseOptions, "/generated/" + set.Files[i].Path));
        var parse = watch.Elapsed.TotalSeconds;

        double? diagnostics = null;
        if (phases.Contains("diagnostics"))
        {
            watch.Restart();
            var found = CreateCompilation(trees, set.References).GetDiagnostics();
            diagnostics = watch.Elapsed.TotalSeconds;
            ThrowOnErrors(set, found);
        }

        double? emit = null;
        if (phases.Contains("emit"))
        {
            watch.Restart();
            using var pe = new MemoryStream();
            using var pdb = new MemoryStream();
            using var referenceAssembly = new MemoryStream();
            var result = CreateCompilation(trees, set.References).Emit(
                pe, pdb, metadataPEStream: referenceAssembly, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, includePrivateMembers: false));
            emit = watch.Elapsed.TotalSeconds;
            ThrowOnErrors(set, result.Diagnostics);
        }

        return new PhaseTimes(phases.Contains("parse") ? parse : null, diagnostics, emit);
    }

    private static void ThrowOnErrors(SourceSet set, ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{set.Spec} {set.Label} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
    }
}

/// <summary>Seconds per phase of one compile; null where the phase was not run.</summary>
public sealed record PhaseTimes(double? Parse, double? Diagnostics, double? Emit)
{
    /// <summary>What a build costs: csc parses, then emits (binding every method body while it emits).</summary>
    public double? Build => Parse is { } p && Emit is { } e ? p + e : null;

    public static PhaseTimes Median(IReadOnlyList<PhaseTimes> samples) =>
        new(MedianOf(samples.Select(s => s.Parse)), MedianOf(samples.Select(s => s.Diagnostics)), MedianOf(samples.Select(s => s.Emit)));

    public override string ToString() => $"parse {Parse:F2} s, diagnostics {Diagnostics:F2} s, emit {Emit:F2} s";

    private static double? MedianOf(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().OrderBy(v => v).ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
