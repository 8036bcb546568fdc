using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Contracts.Generator;
using Contracts.Generator.Configuration;
using Contracts.Generator.Emitting;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Reading;
using Contracts.Generator.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi;

namespace Contracts.Benchmarks.Generation;

/// <summary>The generator's stages, callable one at a time: read (YAML/JSON → reader's document), model, emit, and the whole driver run.</summary>
internal static class GenerationPipeline
{
    public const string RootNamespace = "Contracts.Benchmarks.Generated";

    /// <summary>A project referencing the framework and Contracts.Runtime (Microsoft.Extensions.Http absent: no DI file).</summary>
    public static readonly CompilationFacts Facts = new(HasRuntime: true, HasHttpClientFactory: false, HasConfiguration: false, HasDateOnly: true);

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    // As the generator instance owns one: the builder is reused from file to file and from run to run.
    private static readonly SourceBuffer Buffer = new();

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>The spec as the generator's first step hands it on: path, text and options of a marked contract.</summary>
    public static SpecInput Load(string path) => new(path, File.ReadAllText(path), MarkedOptions());

    // Built by parameter name: benchmarks/spec-edits.sh runs this harness against an older generator too, whose options
    // record may lack a member added since (a new trailing parameter changes the constructor a direct call binds to).
    private static GeneratorOptions MarkedOptions()
    {
        var constructor = typeof(GeneratorOptions).GetConstructors().Single();
        var arguments = constructor.GetParameters().Select(parameter => parameter.Name switch
        {
            nameof(GeneratorOptions.RootNamespace) => RootNamespace,
            nameof(GeneratorOptions.IsMarked) => true,
            _ => parameter.HasDefaultValue ? parameter.DefaultValue : null,
        }).ToArray();
        return (GeneratorOptions)constructor.Invoke(arguments);
    }

    /// <summary>Stage 1: the locator's line index and the reader's document.</summary>
    public static ReadResult Read(SpecInput input)
    {
        var diagnostics = new DiagnosticBag();
        var locator = new SourceLocator(input.Path, SourceText.From(input.Text));
        var facts = new DocumentFacts(locator);
        var document = DocumentTranslator.Read(input, diagnostics, locator, facts, out var isSwagger2)
            ?? throw new InvalidOperationException(input.Path + " gave no document");
        return new ReadResult(document, isSwagger2, diagnostics, locator, facts);
    }

    /// <summary>Stage 2: the equatable model after the passes (the facts answer what the reader does not keep).</summary>
    public static SpecModel BuildModel(SpecInput input, ReadResult read) =>
        Contracts.Generator.Pipeline.GenerationSteps.RunPasses(DocumentTranslator.Translate(input, read.Document, read.IsSwagger2, read.Diagnostics, read.Facts, Facts.HasDateOnly, CancellationToken.None));

    /// <summary>Stage 3: every file's text; returns the number of files and characters so nothing is optimised away.</summary>
    public static (int Files, long Characters) Emit(SpecModel model)
    {
        var files = 0;
        long characters = 0;
        foreach (var (name, write) in OutputFiles.All(model, Facts))
        {
            files++;
            characters += Buffer.Render(write).Length + OutputFiles.HintName(model.Target, name).Length;
        }

        return (files, characters);
    }

    /// <summary>A driver over one spec (as the compiler creates it on a cold build), tracking steps when asked.</summary>
    public static GeneratorDriver CreateDriver(AdditionalText spec, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new ContractsGenerator().AsSourceGenerator() },
            new[] { spec },
            ParseOptions,
            Options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>A library with one small C# file, referencing what a consumer project references.</summary>
    public static CSharpCompilation CreateCompilation(string code = "namespace App { internal static class Marker { } }") =>
        CSharpCompilation.Create(
            "Contracts.Benchmarks.App",
            new[] { CSharpSyntaxTree.ParseText(code, ParseOptions, "/src/App.cs") },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));
        return framework.Append(typeof(Contracts.Runtime.ApiException).Assembly.Location).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }

    /// <summary>What the reader and the parser produced for one document.</summary>
    public sealed record ReadResult(OpenApiDocument Document, bool IsSwagger2, DiagnosticBag Diagnostics, SourceLocator Locator, DocumentFacts Facts);

    /// <summary>Every AdditionalFile a marked contract, in a project with <see cref="RootNamespace"/>.</summary>
    public static AnalyzerConfigOptionsProvider Options { get; } = new ContractOptionsProvider(RootNamespace);
}
