using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Contracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Cli.Generation;

/// <summary>Runs <see cref="ContractsGenerator"/> on one spec: through <see cref="CSharpGeneratorDriver"/> as the compiler runs it (to check and compile), or its steps directly (to write files).</summary>
internal static class SpecGenerator
{
    /// <summary>Reads the spec and runs the generator in a compilation (for <c>check</c>); throws only for I/O errors reading it.</summary>
    public static GeneratorRun Run(SpecFile spec, SpecOptions options)
    {
        var text = Read(spec.Path);

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ContractsGenerator().AsSourceGenerator() },
            // The files its relative $refs reach come along as AdditionalFiles that are not contracts themselves.
            new AdditionalText[] { new SpecText(spec.Path, text) }.Concat(ReferencedFiles.Read(spec.Path, text, ReferenceScope.For(spec, options.ReferenceFolders))).Concat(Overlays(options)),
            CompilerSetup.ParseOptions,
            new BuildOptionsProvider(spec.Path, options, markAsContract: spec.IsNamed, generateServer: GeneratesServer(spec, options, text)));

        var input = options.Server
            ? CompilerSetup.CreateEmptyServerCompilation(AssemblyName(spec.Path))
            : CompilerSetup.CreateEmptyCompilation(AssemblyName(spec.Path));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var driverDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var sources = result.GeneratedSources.Sort((a, b) => string.CompareOrdinal(a.HintName, b.HintName));
        // The driver's list repeats the generator's own diagnostics; keep each once, in the generator's order.
        var reported = new HashSet<Diagnostic>(result.Diagnostics);
        var diagnostics = result.Diagnostics.AddRange(driverDiagnostics.Where(d => !reported.Contains(d)));
        return new GeneratorRun(spec, sources, diagnostics, result.Exception, output);
    }

    /// <summary>
    /// Reads the spec and generates its files with the generator's own steps, without a compilation or Roslyn's driver
    /// (<see cref="DirectGeneration"/>): what <c>generate</c> needs, in a fraction of the start-up time. Throws only for
    /// I/O errors reading it.
    /// </summary>
    /// <param name="lap">Called as each stage ends (<see cref="DirectGeneration.Run"/>); <see cref="TimedGeneration.Lap"/> when <c>CONTRACTS_TIMINGS=1</c>.</param>
    public static GeneratedOutput Generate(SpecFile spec, SpecOptions options, Action<string>? lap = null)
    {
        var text = Read(spec.Path);
        var (sources, diagnostics) = DirectGeneration.Run(
            new SpecText(spec.Path, text),
            ReferencedFiles.Read(spec.Path, text, ReferenceScope.For(spec, options.ReferenceFolders)).Concat(Overlays(options)).ToList(),
            new BuildOptionsProvider(spec.Path, options, markAsContract: spec.IsNamed),
            CompilerSetup.Facts,
            CancellationToken.None,
            lap: lap);
        return new GeneratedOutput(sources, diagnostics);
    }

    /// <summary>
    /// <c>--server</c> asks for the server of every spec; a file found in a folder is a spec only when it starts like
    /// OpenAPI (<see cref="Contracts.Generator.Configuration.OptionsReader.LooksLikeOpenApi"/>), which the metadata
    /// would otherwise override.
    /// </summary>
    private static bool GeneratesServer(SpecFile spec, SpecOptions options, SourceText text) =>
        options.Server && (spec.IsNamed || Contracts.Generator.Configuration.OptionsReader.LooksLikeOpenApi(text.ToString()));

    /// <summary>The <c>--overlay</c> files, as the AdditionalFiles items a build adds for <c>Overlays</c> (once each).</summary>
    internal static IEnumerable<AdditionalText> Overlays(SpecOptions options) =>
        (options.Overlays ?? []).Distinct(StringComparer.Ordinal).Select(path => (AdditionalText)new SpecText(path, Read(path)));

    internal static SourceText Read(string path)
    {
        using var stream = File.OpenRead(path);
        // As csc reads AdditionalFiles: detect a BOM, else UTF-8.
        return SourceText.From(stream, Encoding.UTF8);
    }

    private static string AssemblyName(string path)
    {
        var name = new string(Path.GetFileNameWithoutExtension(path).Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        return "Contracts.Generated." + (name.Length > 0 ? name : "Spec");
    }
}
