using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Contracts.Generator.Configuration;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Emitting;
using Contracts.Generator.Model;
using Contracts.Generator.Reading.References;
using Contracts.Generator.Translation;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator;

/// <summary>
/// Generates records, a JSON context and a client from each OpenAPI document in AdditionalFiles.
/// The flow, one step per tracking name:
/// 1. <see cref="TrackingNames.ReadSpecs"/>: AdditionalFiles + their options → <see cref="SpecInput"/> (only OpenAPI documents);
///    <see cref="TrackingNames.ScanReferences"/> and <see cref="TrackingNames.ResolveReferences"/> give each spec the texts of the
///    other files its external <c>$ref</c>s reach (none for most specs).
/// 2. <see cref="TrackingNames.ParseSpecs"/>: each input → <see cref="SpecResult"/> (an equatable model + diagnostics).
/// 3. <see cref="TrackingNames.TypeFiles"/>, <see cref="TrackingNames.JsonContexts"/>, <see cref="TrackingNames.Clients"/>: the model
///    fanned out into files — the types grouped by first letter (<see cref="TypeFileModel"/>), the context, the client — so
///    an edit re-emits only the files that changed.
///    <see cref="TrackingNames.DependencyInjection"/> adds <c>services.Add&lt;Client&gt;()</c> where Microsoft.Extensions.Http is referenced.
/// 4. <see cref="TrackingNames.Diagnostics"/>: reported from their own output, so code and diagnostics never invalidate each other.
/// Nothing here reads files, the network or the clock; the compilation is only asked which assemblies it references
/// (<see cref="TrackingNames.CompilationFacts"/>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ContractsGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => OptionsReader.Read(pair.Left, pair.Right, ct))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.ReadSpecs);

        // Every YAML/JSON AdditionalFile can be the target of an external $ref; each is scanned once per text.
        var library = context.AdditionalTextsProvider
            .Where(static file => ReferencePaths.IsDocumentFile(file.Path))
            .Select(static (file, ct) => ReferenceScanner.Scan(file, ct))
            .WithTrackingName(TrackingNames.ScanReferences)
            .Collect();

        // A spec takes only the texts its references reach, so an edit elsewhere leaves this step Unchanged and the parse cached.
        // The spec's own scan is in the library (specs are YAML/JSON AdditionalFiles too): its text is scanned once.
        inputs = inputs
            .Combine(library)
            .Select(static (pair, _) => ReferenceCollector.Attach(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ResolveReferences);

        var facts = context.CompilationProvider
            .Select(static (compilation, _) => ReadFacts(compilation))
            .WithTrackingName(TrackingNames.CompilationFacts);

        // Which types exist decides some mappings (format: date → DateOnly); a C# edit leaves the flag, and the parse, cached.
        var results = inputs
            .Combine(facts.Select(static (f, _) => f.HasDateOnly))
            .Select(static (pair, ct) => DocumentTranslator.ReadAndTranslate(pair.Left, ct, pair.Right))
            .WithTrackingName(TrackingNames.ParseSpecs);

        var models = results.Where(static r => r.Model is not null).Select(static (r, _) => r.Model!);

        var types = models.SelectMany(static (m, _) => TypeFileModel.Of(m)).WithTrackingName(TrackingNames.TypeFiles);
        context.RegisterSourceOutput(types, static (spc, file) => AddSources(spc, file.Target, OutputFiles.Of(file)));

        var contexts = models.Select(static (m, _) => m.JsonContext).WithTrackingName(TrackingNames.JsonContexts);
        context.RegisterSourceOutput(contexts, static (spc, model) => AddSources(spc, model.Target, OutputFiles.Of(model)));

        var clients = models.Select(static (m, _) => m.Client).WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(clients, static (spc, model) => AddSources(spc, model.Target, OutputFiles.Of(model)));

        // Null when the project does not reference Microsoft.Extensions.Http: nothing to emit then.
        var registrations = clients
            .Combine(facts)
            .Select(static (pair, _) => OutputFiles.Registrations(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.DependencyInjection);
        context.RegisterSourceOutput(registrations, static (spc, model) =>
        {
            if (model is not null)
            {
                AddSources(spc, model.Client.Target, OutputFiles.Of(model));
            }
        });

        var diagnostics = results
            .Select(static (r, _) => (r.Diagnostics, Path: r.Model?.Target.ClientName))
            .Combine(facts)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, item) =>
        {
            foreach (var info in item.Left.Diagnostics)
            {
                spc.ReportDiagnostic(info.ToDiagnostic());
            }

            if (item.Left.Path is { } client && !item.Right.HasRuntime)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RuntimeMissing, Location.None, client));
            }
        });
    }

    private static CompilationFacts ReadFacts(Compilation compilation)
    {
        bool runtime = false, http = false, configuration = false;
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            switch (assembly.Name)
            {
                case "Contracts.Runtime": runtime = true; break;
                case "Microsoft.Extensions.Http": http = true; break;
                case "Microsoft.Extensions.Configuration.Abstractions": configuration = true; break;
            }
        }

        // DateOnly needs the runtime's reader for it, which only its net8.0 build has (and that build implies the type).
        // One lookup: each searches every referenced assembly, and this step runs on every edit of the compilation.
        var dateOnly = runtime && compilation.GetTypeByMetadataName("Contracts.Runtime.Json.JsonRead")?.GetMembers("Date").Length > 0;
        return new CompilationFacts(runtime, http, configuration, dateOnly);
    }

    private static void AddSources(SourceProductionContext context, EmitTarget target, IEnumerable<(string Name, Func<string> Emit)> files)
    {
        foreach (var (name, emit) in files)
        {
            AddSource(context, target, name, emit);
        }
    }

    /// <summary>Runs one emitter: an emitter bug costs this file (a CTR006 <paramref name="failure"/>), not the user's build.</summary>
    internal static string? TryEmit(Func<string> emit, out Diagnostic? failure)
    {
        failure = null;
        try
        {
            return emit();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failure = Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, exception.GetType().Name, exception.Message);
            return null;
        }
    }

    private static void AddSource(SourceProductionContext context, EmitTarget target, string name, Func<string> emit)
    {
        var hintName = OutputFiles.HintName(target, name);
        if (TryEmit(emit, out var failure) is not { } source)
        {
            context.ReportDiagnostic(failure!);
            return;
        }

        try
        {
            context.AddSource(hintName, source);
        }
        catch (ArgumentException)
        {
            // Two documents with the same client name: report it instead of failing the generator.
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateOutput, Location.None, target.Namespace + "." + target.ClientName));
        }
    }
}
