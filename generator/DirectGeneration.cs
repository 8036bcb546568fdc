using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Emitting;
using Contracts.Generator.Model;
using Contracts.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contracts.Generator;

/// <summary>
/// The steps of <see cref="ContractsGenerator"/> run once, in order, without Roslyn's driver: for the contracts tool,
/// which writes one document's files and has no project to run in. Creating a compilation and a driver only to read its
/// output back cost the tool more than the generator itself on a cold start. Same steps, same files, same diagnostics:
/// the tool's parity tests compare its output with the analyzer's.
/// </summary>
internal static class DirectGeneration
{
    /// <summary>
    /// Generates the files of <paramref name="spec"/> (its relative <c>$ref</c>s and its overlays resolved among <paramref name="others"/>)
    /// as a build with these <paramref name="facts"/> would. Sources come back ordered by hint name. Throws only
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="splitDocumentation">
    /// Translate the structure and put the documentation back, as the analyzer does, instead of translating the text as it
    /// is (what the tool does: it runs once, so the split would only cost it time). The identity tests compare the two.
    /// </param>
    /// <param name="lap">
    /// Called as each stage ends, with its name: <c>load</c> (the spec, its references and overlays collected), <c>read</c>,
    /// <c>model</c> (see <see cref="GenerationSteps.Translate"/>), <c>emit</c>; the tool's <c>CONTRACTS_TIMINGS=1</c> times the
    /// stages with it, on the path every run takes.
    /// </param>
    public static (IReadOnlyList<(string HintName, string Text)> Sources, IReadOnlyList<Diagnostic> Diagnostics) Run(
        AdditionalText spec, IReadOnlyList<AdditionalText> others, AnalyzerConfigOptionsProvider options, CompilationFacts facts, CancellationToken cancellationToken,
        bool splitDocumentation = false, Action<string>? lap = null)
    {
        var sources = new List<(string HintName, string Text)>();
        var diagnostics = new List<Diagnostic>();
        var input = GenerationSteps.ReadOptions(spec, options, cancellationToken);
        if (input is null)
        {
            return (sources, diagnostics);
        }

        var library = ImmutableArray.CreateBuilder<ScannedDocument>();
        foreach (var file in others.Prepend(spec))
        {
            if (GenerationSteps.IsReferenceable(file))
            {
                library.Add(GenerationSteps.ScanReferences(file, cancellationToken));
            }
        }

        var scanned = library.ToImmutable();
        input = GenerationSteps.CollectOverlays(GenerationSteps.CollectReferences(input, scanned), scanned);
        lap?.Invoke("load");
        SpecResult result;
        if (splitDocumentation)
        {
            var split = GenerationSteps.SplitDocumentation(input, cancellationToken);
            result = GenerationSteps.RestoreDocumentation(GenerationSteps.Translate(split.Structure, facts.HasDateOnly, cancellationToken, lap), split.Documentation);
        }
        else
        {
            result = GenerationSteps.Translate(input, facts.HasDateOnly, cancellationToken, lap);
        }

        // As the analyzer: a C# version too old for the generated code gets CTR131 (below) and no code.
        if (result.Model is { } model && facts.OldLanguageVersion is null)
        {
            // The driver runs the source outputs before the diagnostics output: an emitter failure is listed first there too.
            var buffer = new SourceBuffer();
            foreach (var (name, write) in OutputFiles.All(model, facts))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var file = GenerationSteps.Emit(model.Target, name, write, buffer);
                if (file.Text is { } text)
                {
                    sources.Add((file.HintName, text));
                }
                else
                {
                    diagnostics.Add(file.Failure!);
                }
            }
        }

        diagnostics.AddRange(GenerationSteps.Diagnostics(result.Diagnostics, result.Model?.Target.ClientName, facts, result.Model?.Server is not null));
        sources.Sort(static (a, b) => string.CompareOrdinal(a.HintName, b.HintName));
        lap?.Invoke("emit");
        return (sources, diagnostics);
    }
}
