using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Documentation;
using Contracts.Generator.Emitting;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading;
using Contracts.Generator.Translation;
using Contracts.Generator.Reading.Overlays;
using Contracts.Generator.Reading.References;
using Contracts.Generator.Passes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Generator.Pipeline;

/// <summary>
/// The generator's steps, each a function of its inputs: <see cref="ContractsGenerator"/> wires them into Roslyn's
/// incremental pipeline (one tracked step each, cached between edits), <see cref="DirectGeneration"/> runs them once, in
/// the same order, for the contracts tool. Neither caller adds a step or a check of its own, so the two cannot drift.
/// In order: options → reference and overlay collection → documentation split (analyzer only) → translation (with its passes)
/// → documentation restored (analyzer only) → outputs → emission → diagnostics.
/// </summary>
internal static class GenerationSteps
{
    /// <summary>Step 1: the spec's input (path, text, options), or null for an AdditionalFile that is not a spec.</summary>
    public static SpecInput? ReadOptions(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken) =>
        OptionsReader.Read(file, options, cancellationToken);

    /// <summary>Step 2a: whether <paramref name="file"/> can be the target of an external <c>$ref</c> (a YAML or JSON file).</summary>
    public static bool IsReferenceable(AdditionalText file) => ReferencePaths.IsDocumentFile(file.Path);

    /// <summary>Step 2b: the files one AdditionalFile's external <c>$ref</c>s name; scanned once per text.</summary>
    public static ScannedDocument ScanReferences(AdditionalText file, CancellationToken cancellationToken) =>
        ReferenceScanner.Scan(file, cancellationToken);

    /// <summary>Step 2c: the spec with the texts of the files its references reach, transitively (none for most specs).</summary>
    public static SpecInput CollectReferences(SpecInput input, ImmutableArray<ScannedDocument> library) =>
        ReferenceCollector.Attach(input, library);

    /// <summary>Step 2d: the spec with the texts of the overlays its <c>Overlays</c> metadata names (none for most specs).</summary>
    public static SpecInput CollectOverlays(SpecInput input, ImmutableArray<ScannedDocument> library) =>
        OverlayCollector.Attach(input, library);

    /// <summary>
    /// Step 2e (analyzer only): the spec split into its structure, which <see cref="Translate"/> reads, and its documentation
    /// (<see cref="DocumentationSplitter"/>), so that a description edit leaves the translation cached. The contracts tool
    /// translates the text as it is; the split gives the same output (tested).
    /// </summary>
    public static SplitSpec SplitDocumentation(SpecInput input, CancellationToken cancellationToken) =>
        DocumentationSplitter.Split(input, cancellationToken);

    /// <summary>
    /// Step 3b (analyzer only): the translation of the structure with the spec's documentation put back into the model and
    /// its diagnostics moved to their places in the spec: what <see cref="Translate"/> gives for the text as it is.
    /// </summary>
    public static SpecResult RestoreDocumentation(SpecResult result, DocumentationTable documentation)
    {
        if (documentation.IsEmpty)
        {
            return result;
        }

        try
        {
            var diagnostics = new DiagnosticInfo[result.Diagnostics.Count];
            for (var i = 0; i < diagnostics.Length; i++)
            {
                var info = result.Diagnostics[i];
                var arguments = new string[info.Arguments.Count];
                for (var j = 0; j < arguments.Length; j++)
                {
                    arguments[j] = documentation.Restore(info.Arguments[j])!;
                }

                diagnostics[i] = info with { Location = documentation.Locate(info.Location), Arguments = new EquatableArray<string>(arguments) };
            }

            var model = result.Model is null ? null : DocumentationRestorer.Restore(result.Model, documentation);
            return new SpecResult(model, new EquatableArray<DiagnosticInfo>(diagnostics));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new SpecResult(null, new EquatableArray<DiagnosticInfo>([new DiagnosticInfo(
                DiagnosticDescriptors.GeneratorFailure.Id, null, new EquatableArray<string>([exception.GetType().Name, exception.Message]))]));
        }
    }

    /// <summary>
    /// The translation of the spec at <paramref name="path"/> among all specs' (the first, should two files share a path;
    /// CTR006 should none match, which the pipeline never lets happen: each split spec is translated).
    /// </summary>
    public static SpecResult ResultOf(ImmutableArray<(string Path, SpecResult Result)> results, string path)
    {
        foreach (var (resultPath, result) in results)
        {
            if (resultPath == path)
            {
                return result;
            }
        }

        return new SpecResult(null, new EquatableArray<DiagnosticInfo>([new DiagnosticInfo(
            DiagnosticDescriptors.GeneratorFailure.Id, null, new EquatableArray<string>(["MissingTranslation", "No translation of " + path]))]));
    }

    /// <summary>
    /// What the compilation references, the only thing the generator asks of it. Runs on every edit of the compilation,
    /// so it reads names only, plus one type lookup.
    /// </summary>
    public static CompilationFacts ReadFacts(Compilation compilation)
    {
        bool runtime = false, http = false, configuration = false, resilience = false, routing = false, serverRuntime = false, serverOpenApi = false;
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            switch (assembly.Name)
            {
                case "Contracts.Runtime": runtime = true; break;
                case "Microsoft.Extensions.Http": http = true; break;
                case "Microsoft.Extensions.Configuration.Abstractions": configuration = true; break;
                case "Microsoft.Extensions.Http.Resilience": resilience = true; break;
                // IEndpointRouteBuilder's assembly, and RequestBinder's: names only, as for the others.
                case "Microsoft.AspNetCore.Routing": routing = true; break;
                case "Contracts.Runtime.AspNetCore": serverRuntime = true; break;
                case "Contracts.Runtime.AspNetCore.OpenApi": serverOpenApi = true; break;
            }
        }

        // DateOnly needs the runtime's reader for it, which only its net8.0 build has (and that build implies the type).
        // One lookup: each searches every referenced assembly, and this step runs on every edit of the compilation.
        var dateOnly = runtime && compilation.GetTypeByMetadataName("Contracts.Runtime.Json.JsonRead")?.GetMembers("Date").Length > 0;
        return new CompilationFacts(runtime, http, configuration, dateOnly, resilience,
            CompilerSupport.MissingPolyfills(compilation), CompilerSupport.OldLanguageVersion(compilation), routing, serverRuntime, serverOpenApi);
    }

    /// <summary>
    /// Step 3: reads the spec and translates it into a model, then runs the model passes. Never throws, except
    /// <see cref="OperationCanceledException"/>: a problem in the document is a diagnostic, and an exception (a bug of
    /// ours) is CTR006 and costs the user this document's code, not their build.
    /// </summary>
    /// <param name="hasDateOnly">The compilation can use <c>System.DateOnly</c> (see <see cref="CompilationFacts.HasDateOnly"/>).</param>
    /// <param name="lap">Called with <c>read</c> once the OpenAPI reader is done and with <c>model</c> at the end (the tool's stage timings).</param>
    public static SpecResult Translate(SpecInput input, bool hasDateOnly, CancellationToken cancellationToken, Action<string>? lap = null)
    {
        var diagnostics = new DiagnosticBag();
        var locator = new SourceLocator(input.Path, SourceText.From(input.Text));
        var facts = new DocumentFacts(locator);
        SpecModel? model = null;
        OptionWords.Report(input.Options, diagnostics);
        try
        {
            // Every name and number is formatted with invariant-culture APIs, so output never depends on the locale.
            var document = DocumentTranslator.Read(input, diagnostics, locator, facts, out var isSwagger2, cancellationToken);
            lap?.Invoke("read");
            cancellationToken.ThrowIfCancellationRequested();
            if (document is not null)
            {
                FaultInjection.ThrowInTranslation(input.Path);
                var translated = DocumentTranslator.Translate(input, document, isSwagger2, diagnostics, facts, hasDateOnly, cancellationToken, out var componentTypeOf);
                model = RunPasses(translated, input.Options);
                if (input.Options.Selection is { } selection)
                {
                    model = Select(model, selection, componentTypeOf, diagnostics);
                }

                // Reported once the passes named the paginators.
                PagingTranslator.Report(model, diagnostics);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (LimitExceededException exception)
        {
            model = null;
            diagnostics.Add(DiagnosticDescriptors.LimitExceeded, exception.Pointer, exception.Message);
        }
        catch (InsufficientExecutionStackException)
        {
            // A backstop behind the explicit depth limits: the stack ran low, and the compiler must not crash.
            model = null;
            diagnostics.AddAt(DiagnosticDescriptors.LimitExceeded, 0, 0, "it nests too deeply for the generator's stack");
        }
        catch (Exception exception)
        {
            model = null;
            diagnostics.AddAt(DiagnosticDescriptors.GeneratorFailure, 0, 0, exception.GetType().Name, exception.Message);
        }

        var result = new SpecResult(model, diagnostics.ToInfos(locator));
        lap?.Invoke("model");
        return result;
    }

    /// <summary>
    /// The operation selection, after the other passes so that every name is the whole document's: the kept operations
    /// and the types they reach; CTR132 for each filter entry that matched nothing and CTR133 for each it cannot read
    /// (at the start of the spec: they come from the project file), and the diagnostics that concern only what was dropped left out.
    /// </summary>
    internal static SpecModel Select(SpecModel model, OperationSelection selection, Func<string, TypeRef?> componentTypeOf, DiagnosticBag diagnostics)
    {
        var filter = new OperationFilter(selection);
        var kept = SelectionPruning.Apply(model, filter);
        diagnostics.Drop(new SelectionScope(model, kept, componentTypeOf).ConcernsOnlyDropped);
        foreach (var (metadata, entry, reason) in filter.Malformed)
        {
            diagnostics.AddAt(DiagnosticDescriptors.SelectionEntryMalformed, 0, 0, metadata, entry, reason);
        }

        foreach (var (metadata, entry) in filter.Unmatched)
        {
            diagnostics.AddAt(DiagnosticDescriptors.SelectionMatchesNothing, 0, 0, metadata, entry);
        }

        return kept;
    }

    /// <summary>The pure model → model steps that run after translation, in order.</summary>
    /// <param name="options">The spec's options (<see cref="GeneratorOptions.JsonDirections"/>); null: the defaults.</param>
    internal static SpecModel RunPasses(SpecModel model, GeneratorOptions? options = null) =>
        JsonDirectionReach.Apply(MethodSignatures.Apply(JsonContextNaming.Apply(StreamMethods.Apply(ValidationReach.Apply(DiscriminatorSkipping.Apply(OneValueEnums.Apply(model)))))), options?.Sides ?? GeneratedSides.Client, options?.BothJsonDirections ?? false);

    /// <summary>
    /// Step 4: prints one output file (<see cref="OutputFiles"/> names them) into <paramref name="buffer"/>. An emitter
    /// that throws costs this file, reported as CTR006, not the user's build.
    /// </summary>
    public static EmittedFile Emit(EmitTarget target, string name, Action<SourceWriter> write, SourceBuffer buffer)
    {
        var hintName = OutputFiles.HintName(target, name);
        try
        {
            FaultInjection.ThrowInEmission(hintName);
            return new EmittedFile(hintName, buffer.Render(write), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EmittedFile(hintName, null, Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, exception.GetType().Name, exception.Message));
        }
    }

    /// <summary>
    /// Step 4b: the compiler-support types the compilation lacks (<see cref="PolyfillEmitter"/>), one file per compilation;
    /// null when none is missing, no document generates code, or the project turned them off.
    /// </summary>
    public static EmittedFile? EmitPolyfills(PolyfillKinds missing, SourceBuffer buffer)
    {
        if (missing == PolyfillKinds.None)
        {
            return null;
        }

        try
        {
            FaultInjection.ThrowInEmission(PolyfillEmitter.HintName);
            return new EmittedFile(PolyfillEmitter.HintName, buffer.Render(writer => PolyfillEmitter.Write(missing, writer)), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EmittedFile(PolyfillEmitter.HintName, null, Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, exception.GetType().Name, exception.Message));
        }
    }

    /// <summary>
    /// Step 5: the document's diagnostics, then CTR007 (Contracts.Runtime missing) when code was generated for a project that does
    /// not reference Contracts.Runtime. Reported from their own output, so code and diagnostics never invalidate each other.
    /// </summary>
    /// <param name="clientName">The client generated from the document; null when no code was.</param>
    /// <param name="server">The document asks for the server: CTR148 when the project lacks what it needs.</param>
    public static IEnumerable<Diagnostic> Diagnostics(EquatableArray<DiagnosticInfo> diagnostics, string? clientName, CompilationFacts facts, bool server = false)
    {
        foreach (var info in diagnostics)
        {
            yield return info.ToDiagnostic();
        }

        if (clientName is not null && !facts.HasRuntime)
        {
            yield return Diagnostic.Create(DiagnosticDescriptors.RuntimeMissing, Location.None, clientName);
        }

        if (clientName is not null && server && facts.ServerNeeds is { } needs)
        {
            yield return Diagnostic.Create(DiagnosticDescriptors.ServerDependencyMissing, Location.None, clientName, needs.Missing, needs.Add);
        }

        if (clientName is not null && facts.OldLanguageVersion is { } version)
        {
            yield return Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooOld, Location.None, clientName, version, CompilerSupport.Display(CompilerSupport.Required));
        }
    }
}
