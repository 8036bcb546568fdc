using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Contracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.TestSupport.Generation;

/// <summary>
/// Runs <see cref="ContractsGenerator"/> in process over a small compilation, the way the compiler would: the one way
/// the tests run the generator over a spec (a spec as <see cref="SpecFile"/>, the result as <see cref="GeneratorRun"/>).
/// </summary>
public static class GeneratorHarness
{
    public const string RootNamespace = "Contracts.Tests.App";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>A library compilation over <paramref name="sources"/>, referencing the framework and Contracts.Runtime.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation([], sources);

    /// <summary>As <see cref="CreateCompilation(string[])"/>, plus <paramref name="extraReferences"/>.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<MetadataReference> extraReferences, params string[] sources)
    {
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"/src/Source{i}.cs"));
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999,
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
            {
                // The SDK's default NoWarn: assembly-version unification notes (Contracts.Runtime targets net8.0).
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });
        return CSharpCompilation.Create("Contracts.Tests.App", trees, References.Value.AddRange(extraReferences), options);
    }

    /// <summary>
    /// Microsoft.Extensions.Http and what its public API exposes (DI, options, configuration abstractions), from where the
    /// test host loads them: the test's output folder, or the ASP.NET Core shared framework, which this project brings
    /// along and which then takes the place of the packages' copies.
    /// </summary>
    public static IEnumerable<MetadataReference> HttpClientFactoryReferences() =>
        new[]
        {
            "Microsoft.Extensions.Http", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options",
            "Microsoft.Extensions.Configuration.Abstractions", "Microsoft.Extensions.Primitives", "Microsoft.Extensions.Logging.Abstractions",
        }.Select(name => (MetadataReference)MetadataReference.CreateFromFile(Assembly.Load(new AssemblyName(name)).Location));

    /// <summary>Runs the generator once over <paramref name="specs"/> in a compilation with <paramref name="extraReferences"/>.</summary>
    public static GeneratorRun RunWith(IEnumerable<MetadataReference> extraReferences, params SpecFile[] specs)
    {
        var texts = specs.Select(spec => (AdditionalText)spec.ToAdditionalText()).ToImmutableArray();
        return Run(CreateDriver(specs, texts), CreateCompilation(extraReferences, "namespace Contracts.Tests.App { internal static class Marker { } }"), texts);
    }

    /// <summary>Global <c>build_property.*</c> values plus each spec's item metadata.</summary>
    public static TestAnalyzerConfigOptionsProvider CreateOptions(IEnumerable<SpecFile> specs, string? rootNamespace = RootNamespace)
    {
        var globals = new Dictionary<string, string>();
        if (rootNamespace is not null)
        {
            globals["build_property.RootNamespace"] = rootNamespace;
        }

        var perFile = specs.ToDictionary(spec => spec.Path, spec => spec.Metadata, StringComparer.Ordinal);
        return new TestAnalyzerConfigOptionsProvider(globals, perFile);
    }

    /// <summary>A driver over <paramref name="texts"/> (made from <paramref name="specs"/>) that tracks incremental steps.</summary>
    public static GeneratorDriver CreateDriver(IReadOnlyCollection<SpecFile> specs, IEnumerable<AdditionalText> texts, string? rootNamespace = RootNamespace) =>
        CSharpGeneratorDriver.Create(
            new[] { new ContractsGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            CreateOptions(specs, rootNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once over <paramref name="specs"/> and an almost empty compilation.</summary>
    public static GeneratorRun Run(params SpecFile[] specs) => RunInProject(RootNamespace, specs);

    /// <summary>As <see cref="Run(SpecFile[])"/>, in a project whose <c>RootNamespace</c> is <paramref name="rootNamespace"/>.</summary>
    public static GeneratorRun RunInProject(string rootNamespace, params SpecFile[] specs)
    {
        var texts = specs.Select(spec => (AdditionalText)spec.ToAdditionalText()).ToImmutableArray();
        return Run(CreateDriver(specs, texts, rootNamespace), CreateCompilation("namespace Contracts.Tests.App { internal static class Marker { } }"), texts);
    }

    /// <summary>
    /// Runs <paramref name="driver"/> over <paramref name="compilation"/>; keep <see cref="GeneratorRun.Driver"/> to run again.
    /// <paramref name="texts"/> are the AdditionalText instances the driver holds (ReplaceAdditionalText needs the same instance).
    /// </summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation, ImmutableArray<AdditionalText> texts = default)
    {
        var updated = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorRun(updated, compilation, output, driverDiagnostics, texts.IsDefault ? ImmutableArray<AdditionalText>.Empty : texts);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The framework assemblies this test host runs on (net10.0), and Contracts.Runtime; nothing from the test's own deps.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));
        var runtime = typeof(Contracts.Runtime.ApiException).Assembly.Location;
        return trusted
            .Append(runtime)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
