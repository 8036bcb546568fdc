using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Contracts.Generator.Model;
using Contracts.Generator.Pipeline;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.DotNetFramework;

/// <summary>
/// What a .NET Framework or netstandard2.0 project needs beyond the runtime: C# 11 (CTR131 otherwise, and no code), and
/// the compiler-support types its framework lacks, added once as internal types and only where no visible definition
/// exists. The real net48 and netstandard2.0 builds are in Contracts.BuildTests (FrameworkConsumerBuildTests).
/// </summary>
public sealed class CompilerSupportTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        servers: [ { url: 'https://pets.example.com' } ]
        paths:
          /pets:
            get:
              operationId: ListPets
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: { type: string }
        """;

    private const PolyfillKinds All = PolyfillKinds.IsExternalInit | PolyfillKinds.RequiredMember | PolyfillKinds.CompilerFeatureRequired | PolyfillKinds.SetsRequiredMembers;

    private const string IsExternalInitSource = "namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }";

    [Fact]
    public void A_compilation_on_a_current_framework_lacks_nothing_and_gets_no_polyfills()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Contracts.Tests.App { internal static class Marker { } }");

        Assert.Equal(PolyfillKinds.None, GenerationSteps.ReadFacts(compilation).Polyfills);
        var run = GeneratorHarness.Run(SpecFile.Inline("pets.yaml", Spec, "Contracts.Tests.Pets", "PetsClient"));
        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.Sources.Keys, name => name.Contains("Polyfills", StringComparison.Ordinal));
    }

    [Fact]
    public void A_compilation_without_the_types_lacks_all_four()
    {
        Assert.Equal(All, GenerationSteps.ReadFacts(Bare()).Polyfills);
    }

    [Fact]
    public void A_type_the_project_declares_itself_is_not_added_again()
    {
        var facts = GenerationSteps.ReadFacts(Bare(IsExternalInitSource));

        Assert.Equal(All & ~PolyfillKinds.IsExternalInit, facts.Polyfills);
    }

    [Fact]
    public void An_internal_type_of_a_reference_counts_only_where_the_project_can_see_it()
    {
        var hidden = Library("Hidden", IsExternalInitSource);
        var visible = Library("Visible", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]\n" + IsExternalInitSource);

        Assert.Equal(All, GenerationSteps.ReadFacts(Bare().AddReferences(hidden)).Polyfills);
        Assert.Equal(All & ~PolyfillKinds.IsExternalInit, GenerationSteps.ReadFacts(Bare().AddReferences(visible)).Polyfills);
    }

    [Fact]
    public void The_missing_types_are_added_once_as_internal_types_of_the_project()
    {
        var spec = SpecFile.Inline("pets.yaml", Spec, "Contracts.Tests.Pets", "PetsClient");
        var other = SpecFile.Inline("shop.yaml", Spec, "Contracts.Tests.Shop", "ShopClient");
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText(), other.ToAdditionalText());

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec, other], texts), Bare(IsExternalInitSource), texts);

        run.AssertGeneratorDidNotThrow();
        var polyfills = Assert.Single(run.Sources, pair => pair.Key.EndsWith("Contracts.Polyfills.g.cs", StringComparison.Ordinal)).Value;
        Assert.DoesNotContain("IsExternalInit", polyfills, StringComparison.Ordinal);
        Assert.Contains("internal sealed class RequiredMemberAttribute : global::System.Attribute", polyfills, StringComparison.Ordinal);
        Assert.Contains("internal sealed class CompilerFeatureRequiredAttribute : global::System.Attribute", polyfills, StringComparison.Ordinal);
        Assert.Contains("internal sealed class SetsRequiredMembersAttribute : global::System.Attribute", polyfills, StringComparison.Ordinal);
        Assert.DoesNotContain("public ", polyfills.Split('\n').Where(line => line.Contains(" class ", StringComparison.Ordinal)), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("False ", false)]
    [InlineData("true", true)]
    public void ContractsPolyfills_false_leaves_the_types_to_another_generator(string value, bool added)
    {
        var spec = SpecFile.Inline("pets.yaml", Spec, "Contracts.Tests.Pets", "PetsClient");
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());
        var globals = new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = GeneratorHarness.RootNamespace,
            ["build_property.ContractsPolyfills"] = value,
        };
        var options = new TestAnalyzerConfigOptionsProvider(globals, new Dictionary<string, IReadOnlyDictionary<string, string>> { [spec.Path] = spec.Metadata });
        var driver = CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], texts, GeneratorHarness.ParseOptions, options);

        var run = GeneratorHarness.Run(driver, Bare(), texts);

        run.AssertGeneratorDidNotThrow();
        Assert.Equal(added, run.Sources.Keys.Any(name => name.EndsWith("Contracts.Polyfills.g.cs", StringComparison.Ordinal)));
        Assert.Contains(run.Sources.Keys, name => name.EndsWith("PetsClient.Client.g.cs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "7.3")]
    [InlineData(LanguageVersion.CSharp10, "10")]
    public void A_project_on_a_CSharp_version_before_11_is_CTR131_for_each_client_and_gets_no_code(LanguageVersion version, string shown)
    {
        var spec = SpecFile.Inline("pets.yaml", Spec, "Contracts.Tests.Pets", "PetsClient");
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());
        var options = new CSharpParseOptions(version);
        var compilation = GeneratorHarness.CreateCompilation("namespace Contracts.Tests.App { internal static class Marker { } }");
        compilation = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), compilation.SyntaxTrees.Single().WithRootAndOptions(compilation.SyntaxTrees.Single().GetRoot(), options));
        var driver = GeneratorHarness.CreateDriver([spec], texts).WithUpdatedParseOptions(options);

        var run = GeneratorHarness.Run(driver, compilation, texts);

        run.AssertGeneratorDidNotThrow();
        Assert.Empty(run.Sources);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CTR131", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal(
            $"The code of 'PetsClient' is not generated: this project compiles C# {shown}, and the generated code needs C# 11 or later; set <LangVersion>11</LangVersion> (or latest) in the project file",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_project_on_CSharp_11_gets_its_code()
    {
        var spec = SpecFile.Inline("pets.yaml", Spec, "Contracts.Tests.Pets", "PetsClient");
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());
        var options = new CSharpParseOptions(LanguageVersion.CSharp11);
        var compilation = GeneratorHarness.CreateCompilation("namespace Contracts.Tests.App { internal static class Marker { } }");
        compilation = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), compilation.SyntaxTrees.Single().WithRootAndOptions(compilation.SyntaxTrees.Single().GetRoot(), options));

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts).WithUpdatedParseOptions(options), compilation, texts);

        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CTR131");
    }

    // A compilation with no reference at all: it has none of the four types.
    private static CSharpCompilation Bare(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(text => CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions)),
            [],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static MetadataReference Library(string name, string source)
    {
        var library = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions)],
            GeneratorHarness.CreateCompilation().References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emitted = library.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
