using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Configuration;

/// <summary>
/// An item option that takes one of a few words and is given another is CTR146 at the start of the spec, and the
/// generator goes on with the choice that cannot break a build or a call (docs/diagnostics/CTR146.md).
/// </summary>
public sealed class OptionValueDiagnosticTests
{
    private static SpecFile Pets() => MinimalSpecs.PetsFile();

    [Fact]
    public void An_unknown_JsonDirections_word_is_reported_at_the_start_of_the_spec_and_both_directions_are_generated()
    {
        var run = GeneratorHarness.Run(Pets().WithMetadata("ContractsJsonDirections", "Read"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR146");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            "The JsonDirections metadata is 'Read', which is not one of Used, Both; every converter reads and writes, as with Both",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var span = diagnostic.Location.GetLineSpan();
        Assert.EndsWith("pets.yaml", span.Path, StringComparison.Ordinal);
        Assert.Equal(0, span.StartLinePosition.Line);
        Assert.DoesNotContain("NotGenerated(", string.Join("\n", run.Sources.Values), StringComparison.Ordinal);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void An_unknown_Visibility_word_is_reported_and_the_types_are_public()
    {
        var run = GeneratorHarness.Run(Pets().WithMetadata("ContractsVisibility", "private"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR146");
        Assert.Equal(
            "The Visibility metadata is 'private', which is not one of public, internal; the generated types are public",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("public sealed partial record Pet", string.Join("\n", run.Sources.Values), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ContractsJsonDirections", "Used")]
    [InlineData("ContractsJsonDirections", "BOTH")]
    [InlineData("ContractsVisibility", "Internal")]
    [InlineData("ContractsVisibility", "public")]
    public void A_known_word_in_any_case_is_not_reported(string metadata, string value)
    {
        var run = GeneratorHarness.Run(Pets().WithMetadata(metadata, value));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CTR146");
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void No_option_is_not_reported()
    {
        Assert.DoesNotContain(GeneratorHarness.Run(Pets()).GeneratorDiagnostics, d => d.Id == "CTR146");
    }
}
