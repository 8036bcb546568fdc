using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Pipeline;

/// <summary>
/// Problems of the project rather than of one document: no reference to Contracts.Runtime (CTR007) and documents that
/// share a client name, so would generate files of the same names (CTR008). Both are errors without a location in a spec
/// (<see cref="Location.None"/>): the fix is in the project file, not in a document.
/// </summary>
public sealed class ProjectDiagnosticsTests
{
    private const string Spec = MinimalSpecs.Pets;

    [Fact]
    public void A_project_without_Contracts_Runtime_is_CTR007_naming_the_client()
    {
        var spec = MinimalSpecs.PetsFile();
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());
        var withRuntime = GeneratorHarness.CreateCompilation("namespace Contracts.Tests.App { internal static class Marker { } }");
        var withoutRuntime = withRuntime.RemoveReferences(withRuntime.References.Where(r => IsRuntime(r.Display)));
        Assert.NotEqual(withRuntime.References.Count(), withoutRuntime.References.Count());

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts), withoutRuntime, texts);

        run.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CTR007", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal(
            "The project does not reference Contracts.Runtime, which the code generated from 'PetsClient' needs",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_project_with_Contracts_Runtime_has_no_CTR007()
    {
        var run = GeneratorHarness.Run(MinimalSpecs.PetsFile());

        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CTR007");
    }

    [Theory]
    [InlineData("Contracts.Tests.Pets")]
    [InlineData("Contracts.Tests.OtherPets")]
    public void Documents_that_share_a_client_name_are_CTR008_each_and_generate_nothing(string secondNamespace)
    {
        // Generated file names begin with the client name, so a second namespace does not keep the files apart.
        var first = MinimalSpecs.PetsFile();
        var second = SpecFile.Inline("pets-copy.yaml", Spec.Replace("name: { type: string }", "nickname: { type: string }", StringComparison.Ordinal), secondNamespace, "PetsClient");
        var other = SpecFile.Inline("shop.yaml", Spec, "Contracts.Tests.Shop", "ShopClient");

        var run = GeneratorHarness.Run(first, other, second);

        run.AssertGeneratorDidNotThrow();
        var duplicates = run.GeneratorDiagnostics.Where(d => d.Id == "CTR008").ToList();
        Assert.True(duplicates.Count == 2, "Expected CTR008 for each of the two documents, got:\n" + GeneratorRun.Format(run.GeneratorDiagnostics));
        Assert.All(duplicates, diagnostic =>
        {
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(Location.None, diagnostic.Location);
            Assert.Equal(
                "Another OpenAPI document also generates a client named 'PetsClient'; give the documents different ContractsClientName values",
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
        });
        Assert.Equal(GeneratorHarness.Run(other).Sources.Keys, run.Sources.Keys);
    }

    [Fact]
    public void Documents_with_different_client_names_have_no_CTR008()
    {
        var run = GeneratorHarness.Run(
            MinimalSpecs.PetsFile(),
            SpecFile.Inline("pets-copy.yaml", Spec, "Contracts.Tests.OtherPets", "OtherPetsClient"));

        run.AssertCompilesCleanly();
        Assert.Empty(run.GeneratorDiagnostics);
    }

    private static bool IsRuntime(string? path) =>
        path is not null && string.Equals(System.IO.Path.GetFileName(path), "Contracts.Runtime.dll", StringComparison.OrdinalIgnoreCase);
}
