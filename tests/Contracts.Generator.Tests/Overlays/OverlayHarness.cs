using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading;
using Contracts.Generator.Reading.Overlays;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi;

namespace Contracts.Generator.Tests.Overlays;

/// <summary>
/// Runs the generator over a spec whose <c>Overlays</c> metadata names overlay files, as a build passes them: the spec
/// and each overlay as AdditionalFiles (the overlays with <c>OpenApiContract=false</c>, as the package's targets add
/// them), the metadata as <c>ContractsOverlays</c>, and optionally the project's <c>ProjectDir</c>.
/// </summary>
internal static class OverlayHarness
{
    public const string Namespace = "Contracts.Tests.Overlays";
    public const string ClientName = "OverlaysClient";

    /// <summary>An AdditionalFile that is not a spec (an overlay).</summary>
    public static SpecFile Overlay(string path, string text) => new(path, text, Contract: "false");

    /// <summary>Runs the generator over <paramref name="spec"/> with <c>Overlays</c> set to <paramref name="overlays"/> and the <paramref name="files"/> as AdditionalFiles.</summary>
    public static GeneratorRun Run(SpecFile spec, string? overlays, IEnumerable<SpecFile> files, string? projectDirectory = null)
    {
        var all = new[] { spec }.Concat(files).ToList();
        var texts = all.Select(file => (AdditionalText)file.ToAdditionalText()).ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(
            [new ContractsGenerator().AsSourceGenerator()],
            texts,
            GeneratorHarness.ParseOptions,
            Options(spec, overlays, files, projectDirectory),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation("namespace Contracts.Tests.App { internal static class Marker { } }"), texts);
    }

    public static GeneratorRun Run(string specText, string overlays, params SpecFile[] files) =>
        Run(SpecFile.Inline("api.yaml", specText, Namespace, ClientName), overlays, files);

    /// <summary>What MSBuild writes into the generated .editorconfig for these items.</summary>
    public static TestAnalyzerConfigOptionsProvider Options(SpecFile spec, string? overlays, IEnumerable<SpecFile> files, string? projectDirectory = null)
    {
        var globals = new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.RootNamespace };
        if (projectDirectory is not null)
        {
            globals["build_property.ProjectDir"] = projectDirectory;
        }

        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in new[] { spec }.Concat(files))
        {
            var metadata = new Dictionary<string, string>(file.Metadata, StringComparer.OrdinalIgnoreCase)
            {
                [SpecFile.MetadataPrefix + "ContractsOverlays"] = ReferenceEquals(file, spec) ? overlays ?? string.Empty : string.Empty,
            };
            perFile[file.Path] = metadata;
        }

        return new TestAnalyzerConfigOptionsProvider(globals, perFile);
    }

    /// <summary>
    /// Reads <paramref name="spec"/> with the overlays applied, as the generator's reading stage does: the document the
    /// translator would see, and the diagnostics, located.
    /// </summary>
    public static (OpenApiDocument? Document, IReadOnlyList<DiagnosticInfo> Diagnostics) Read(
        string spec, IEnumerable<(string Path, string Text)> overlays, CancellationToken cancellationToken = default, string specPath = "/specs/api.yaml")
    {
        var diagnostics = new DiagnosticBag();
        var locator = new SourceLocator(specPath, SourceText.From(spec));
        var files = overlays.Select(o => new OverlayFile(o.Path, "/specs/", o.Path, o.Text)).ToEquatableArray();
        var document = SpecReader.Read(spec, diagnostics, out _, specPath, default, locator, new DocumentFacts(locator), files, cancellationToken);
        return (document, diagnostics.ToInfos(locator).ToList());
    }

    public static (OpenApiDocument? Document, IReadOnlyList<DiagnosticInfo> Diagnostics) Read(string spec, params string[] overlays) =>
        Read(spec, overlays.Select((text, i) => ($"/specs/overlay{i + 1}.yaml", text)));

    /// <summary>The diagnostic's 1-based line, as an IDE shows it.</summary>
    public static int Line(DiagnosticInfo diagnostic) => diagnostic.Location!.StartLine + 1;

    public static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
}
