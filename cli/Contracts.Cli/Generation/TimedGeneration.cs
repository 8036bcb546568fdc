using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Emitting;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Pipeline;
using Contracts.Generator.Reading;
using Contracts.Generator.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Cli.Generation;

/// <summary>
/// <c>generate</c> with each stage timed, when <c>CONTRACTS_TIMINGS=1</c> is set (benchmarks/process.md, "Where the time
/// goes"): the same steps as <see cref="Contracts.Generator.DirectGeneration"/> and <c>GenerationSteps.Translate</c>, one by
/// one, so that the reader's share of a cold run can be told from the model's and the emitters'. A measurement aid, not
/// the path users take: it reports the stages on stderr as two lines, wall clock and CPU time,
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

    /// <summary>What <see cref="SpecGenerator.Generate"/> returns, stage by stage.</summary>
    public static GeneratedOutput Generate(SpecFile spec, SpecOptions options)
    {
        var text = SpecGenerator.Read(spec.Path);
        var others = ReferencedFiles.Read(spec.Path, text, ReferenceScope.For(spec, options.ReferenceFolders)).Concat(SpecGenerator.Overlays(options)).ToList();
        var specText = new SpecText(spec.Path, text);
        var sources = new List<(string HintName, string Text)>();
        var diagnostics = new List<Diagnostic>();
        var facts = CompilerSetup.Facts;
        var cancellation = CancellationToken.None;
        var input = GenerationSteps.ReadOptions(specText, new BuildOptionsProvider(spec.Path, options, markAsContract: spec.IsNamed), cancellation);
        if (input is null)
        {
            return new GeneratedOutput(sources, diagnostics);
        }

        var library = others.Prepend(specText).Where(GenerationSteps.IsReferenceable).Select(file => GenerationSteps.ScanReferences(file, cancellation)).ToImmutableArray();
        input = GenerationSteps.CollectOverlays(GenerationSteps.CollectReferences(input, library), library);
        Lap("load");

        // GenerationSteps.Translate, stage by stage (without its catch-alls: a measurement stops at a failure).
        var bag = new DiagnosticBag();
        var locator = new SourceLocator(input.Path, SourceText.From(input.Text));
        var documentFacts = new DocumentFacts(locator);
        var document = DocumentTranslator.Read(input, bag, locator, documentFacts, out var isSwagger2, cancellation);
        Lap("read");
        SpecModel? model = null;
        if (document is not null)
        {
            model = GenerationSteps.RunPasses(DocumentTranslator.Translate(input, document, isSwagger2, bag, documentFacts, facts.HasDateOnly, cancellation, out var componentTypeOf), input.Options);
            if (input.Options.Selection is { } selection)
            {
                model = GenerationSteps.Select(model, selection, componentTypeOf, bag);
            }

            PagingTranslator.Report(model, bag);
        }

        var infos = bag.ToInfos(locator);
        Lap("model");
        if (model is not null && facts.OldLanguageVersion is null)
        {
            var buffer = new SourceBuffer();
            foreach (var (name, write) in OutputFiles.All(model, facts))
            {
                var file = GenerationSteps.Emit(model.Target, name, write, buffer);
                if (file.Text is { } emitted)
                {
                    sources.Add((file.HintName, emitted));
                }
                else
                {
                    diagnostics.Add(file.Failure!);
                }
            }
        }

        diagnostics.AddRange(GenerationSteps.Diagnostics(infos, model?.Target.ClientName, facts));
        sources.Sort(static (a, b) => string.CompareOrdinal(a.HintName, b.HintName));
        Lap("emit");
        return new GeneratedOutput(sources, diagnostics);
    }
}
