using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Configuration;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Emitting;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Pipeline;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator;

/// <summary>
/// Generates records, a JSON context and a client from each OpenAPI document in AdditionalFiles.
/// The flow, one step per tracking name:
/// 1. <see cref="TrackingNames.ReadSpecs"/>: AdditionalFiles + their options → <see cref="SpecInput"/> (only OpenAPI documents);
///    <see cref="TrackingNames.ScanReferences"/> and <see cref="TrackingNames.ResolveReferences"/> give each spec the texts of the
///    other files its external <c>$ref</c>s reach (none for most specs); <see cref="TrackingNames.ResolveOverlays"/> the texts
///    of the overlays its <c>Overlays</c> metadata names (none for most specs).
/// 2. <see cref="TrackingNames.SplitDocumentation"/>: each input's descriptions and summaries taken out of its text;
///    <see cref="TrackingNames.ParseSpecs"/>: the rest read, translated and run through the model passes →
///    <see cref="SpecResult"/> (an equatable model + diagnostics; an exception of ours is CTR006 here), cached across a
///    description edit; <see cref="TrackingNames.RestoreDocumentation"/>: the documentation put back.
/// 3. <see cref="TrackingNames.TypeFiles"/>, <see cref="TrackingNames.JsonContexts"/>, <see cref="TrackingNames.Clients"/>: the model
///    fanned out into files — the types grouped by first letter (<see cref="TypeFileModel"/>), the context, the client — so
///    an edit re-emits only the files that changed.
///    <see cref="TrackingNames.DependencyInjection"/> adds <c>services.Add&lt;Client&gt;()</c> where Microsoft.Extensions.Http is referenced;
///    <see cref="TrackingNames.Servers"/> the ASP.NET Core endpoints of a document that asks for them (<c>Generate</c>).
///    Each file is printed into the generator's one reused builder; an emitter that throws costs that file (CTR006).
/// 4. <see cref="TrackingNames.Diagnostics"/>: reported from their own output, so code and diagnostics never invalidate each other;
///    CTR007 when code was generated for a project without Contracts.Runtime.
/// Nothing here reads files, the network or the clock; the compilation is only asked which assemblies it references
/// (<see cref="TrackingNames.CompilationFacts"/>). Every step is a function of <see cref="GenerationSteps"/>, which the
/// contracts tool runs too (<see cref="DirectGeneration"/>); this class only wires them into Roslyn's pipeline.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ContractsGenerator : IIncrementalGenerator
{
    // The builder every file of this generator is rendered into, reused from file to file (and from build to build).
    private readonly SourceBuffer _buffer = new();

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => GenerationSteps.ReadOptions(pair.Left, pair.Right, ct))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.ReadSpecs);

        // Every YAML/JSON AdditionalFile can be the target of an external $ref; each is scanned once per text.
        var library = context.AdditionalTextsProvider
            .Where(static file => GenerationSteps.IsReferenceable(file))
            .Select(static (file, ct) => GenerationSteps.ScanReferences(file, ct))
            .WithTrackingName(TrackingNames.ScanReferences)
            .Collect();

        // A spec takes only the texts its references reach, so an edit elsewhere leaves this step Unchanged and the parse cached.
        // The spec's own scan is in the library (specs are YAML/JSON AdditionalFiles too): its text is scanned once.
        inputs = inputs
            .Combine(library)
            .Select(static (pair, _) => GenerationSteps.CollectReferences(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ResolveReferences);

        // Overlays are YAML/JSON AdditionalFiles too, so the library has their texts; a spec takes only those it names, and
        // an overlay edit leaves every other spec's input Unchanged.
        inputs = inputs
            .Combine(library)
            .Select(static (pair, _) => GenerationSteps.CollectOverlays(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ResolveOverlays);

        var facts = context.CompilationProvider
            .Select(static (compilation, _) => GenerationSteps.ReadFacts(compilation))
            .WithTrackingName(TrackingNames.CompilationFacts);

        // Descriptions and summaries are taken out of the text before it is parsed, so an edit of one leaves the structure, and
        // the parse, cached; the documentation goes back into the model after it.
        var split = inputs
            .Select(static (input, ct) => GenerationSteps.SplitDocumentation(input, ct))
            .WithTrackingName(TrackingNames.SplitDocumentation);

        // Which types exist decides some mappings (format: date → DateOnly); a C# edit leaves the flag, and the parse, cached.
        var parsed = split
            .Select(static (s, _) => s.Structure)
            .Combine(facts.Select(static (f, _) => f.HasDateOnly))
            .Select(static (pair, ct) => (pair.Left.Path, Result: GenerationSteps.Translate(pair.Left, pair.Right, ct)))
            .WithTrackingName(TrackingNames.ParseSpecs);

        // Roslyn joins two per-spec providers only through a Collect of one of them. The parses are collected, not the
        // documentation: a description edit leaves every parse, so the collection, cached, and reruns this step only for the
        // edited spec; a structural edit reparses that spec and reruns the (cheap) restore of each, whose outputs stay Unchanged.
        var results = split
            .Select(static (s, _) => s.Documentation)
            .Combine(parsed.Collect())
            .Select(static (pair, _) => GenerationSteps.RestoreDocumentation(GenerationSteps.ResultOf(pair.Right, pair.Left.Path), pair.Left))
            .WithTrackingName(TrackingNames.RestoreDocumentation);

        var models = results.Where(static r => r.Model is not null).Select(static (r, _) => r.Model!);

        // Hint names begin with the client name, and the driver refuses a hint name twice when it merges the outputs, where
        // no catch around AddSource reaches: documents that share a client name generate nothing and each is CTR008 instead.
        var sharedClientNames = models
            .Select(static (m, _) => m.Target.ClientName)
            .Collect()
            .Select(static (names, _) => names.GroupBy(static n => n, StringComparer.Ordinal).Where(static g => g.Count() > 1).Select(static g => g.Key).OrderBy(static n => n, StringComparer.Ordinal).ToEquatableArray());
        var claims = models.Combine(sharedClientNames);
        context.RegisterSourceOutput(claims.Where(static pair => pair.Right.Contains(pair.Left.Target.ClientName)), static (spc, pair) =>
            spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateOutput, Location.None, pair.Left.Target.ClientName)));
        models = claims.Where(static pair => !pair.Right.Contains(pair.Left.Target.ClientName)).Select(static (pair, _) => pair.Left);

        // A C# version older than the generated code needs (7.3, the .NET Framework default) gets CTR131 and no code, rather
        // than a compiler error on every generated line.
        models = models
            .Combine(facts.Select(static (f, _) => f.OldLanguageVersion is null))
            .Where(static pair => pair.Right)
            .Select(static (pair, _) => pair.Left);

        // The compiler-support types the compilation lacks (.NET Framework, netstandard2.0), once, where any code is generated.
        var polyfills = models
            .Collect()
            .Select(static (all, _) => !all.IsEmpty)
            .Combine(facts.Select(static (f, _) => f.Polyfills))
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) => OptionsReader.PolyfillsEnabled(options.GlobalOptions)))
            .Select(static (pair, _) => pair.Left.Left && pair.Right ? pair.Left.Right : PolyfillKinds.None)
            .WithTrackingName(TrackingNames.Polyfills);
        context.RegisterSourceOutput(polyfills, (spc, missing) =>
        {
            if (GenerationSteps.EmitPolyfills(missing, _buffer) is { } file)
            {
                if (file.Text is { } text)
                {
                    spc.AddSource(file.HintName, text);
                }
                else
                {
                    spc.ReportDiagnostic(file.Failure!);
                }
            }
        });

        var types = models.SelectMany(static (m, _) => TypeFileModel.Of(m)).WithTrackingName(TrackingNames.TypeFiles);
        context.RegisterSourceOutput(types, (spc, file) => AddSources(spc, file.Target, OutputFiles.Of(file), _buffer));

        var contexts = models.Select(static (m, _) => m.JsonContext).WithTrackingName(TrackingNames.JsonContexts);
        context.RegisterSourceOutput(contexts, (spc, model) => AddSources(spc, model.Target, OutputFiles.Of(model), _buffer));

        // A server-only document keeps its client model (the server mirrors it) but emits none of the client's files.
        var clients = models.Where(static m => m.GeneratesClient).Select(static (m, _) => m.Client).WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(clients, (spc, model) => AddSources(spc, model.Target, OutputFiles.Of(model), _buffer));

        // Null when the project does not reference Microsoft.Extensions.Http: nothing to emit then.
        var registrations = clients
            .Combine(facts)
            .Select(static (pair, _) => OutputFiles.Registrations(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.DependencyInjection);
        context.RegisterSourceOutput(registrations, (spc, model) =>
        {
            if (model is not null)
            {
                AddSources(spc, model.Client.Target, OutputFiles.Of(model), _buffer);
            }
        });

        // Null when the document asks for no server or the project lacks what it needs (CTR148, from the diagnostics step).
        var servers = models
            .Combine(facts.Select(static (f, _) => (Serves: f.ServerNeeds is null, Describes: f.HasServerOpenApi)))
            .Select(static (pair, _) => SchemaDescriptionsModel.ServerOf(pair.Left, pair.Right.Serves, pair.Right.Describes))
            .WithTrackingName(TrackingNames.Servers);
        context.RegisterSourceOutput(servers, (spc, model) =>
        {
            if (model is not null)
            {
                AddSources(spc, model.Target, OutputFiles.Of(model), _buffer);
            }
        });

        var diagnostics = results
            .Select(static (r, _) => (r.Diagnostics, Client: r.Model?.Target.ClientName, Server: r.Model?.Server is not null))
            .Combine(facts)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, item) =>
        {
            foreach (var diagnostic in GenerationSteps.Diagnostics(item.Left.Diagnostics, item.Left.Client, item.Right, item.Left.Server))
            {
                spc.ReportDiagnostic(diagnostic);
            }
        });
    }

    private static void AddSources(SourceProductionContext context, EmitTarget target, IEnumerable<(string Name, Action<SourceWriter> Write)> files, SourceBuffer buffer)
    {
        foreach (var (name, write) in files)
        {
            var file = GenerationSteps.Emit(target, name, write, buffer);
            if (file.Text is not { } text)
            {
                context.ReportDiagnostic(file.Failure!);
                continue;
            }

            try
            {
                context.AddSource(file.HintName, text);
            }
            catch (ArgumentException)
            {
                // Two documents with the same client name: report it instead of failing the generator.
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateOutput, Location.None, target.Namespace + "." + target.ClientName));
            }
        }
    }
}
