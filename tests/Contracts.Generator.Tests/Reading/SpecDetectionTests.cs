using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>Which AdditionalFiles are read as specs, and where their output goes without explicit options.</summary>
public sealed class SpecDetectionTests
{
    [Fact]
    public void A_spec_without_metadata_is_recognised_by_its_content_and_uses_the_root_namespace()
    {
        var seed = SpecFile.Seed();
        var run = GeneratorHarness.Run(SpecFile.Inline("lightsail.yaml", seed.Text));

        run.AssertCompilesCleanly();
        Assert.Contains(run.Sources.Values, text => text.Contains("namespace " + GeneratorHarness.RootNamespace, StringComparison.Ordinal));
    }

    [Fact]
    public void A_yaml_file_that_is_not_openapi_and_has_no_metadata_is_ignored()
    {
        const string Workflow = """
            name: build
            on: [push]
            jobs:
              build:
                runs-on: ubuntu-latest
            """;
        var run = GeneratorHarness.Run(SpecFile.Inline("ci.yaml", Workflow));

        run.AssertGeneratorDidNotThrow();
        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Files_of_other_extensions_are_ignored_even_if_they_look_like_openapi()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("notes.txt", SpecFile.Seed().Text));

        run.AssertGeneratorDidNotThrow();
        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Two_specs_produce_files_under_their_own_client_names()
    {
        var seed = SpecFile.Seed();
        var run = GeneratorHarness.Run(
            SpecFile.Inline("alpha.yaml", seed.Text, "Alpha.Api", "AlphaClient"),
            SpecFile.Inline("beta.yaml", seed.Text, "Beta.Api", "BetaClient"));

        run.AssertCompilesCleanly();
        Assert.Contains(run.Sources.Values, text => text.Contains("namespace Alpha.Api", StringComparison.Ordinal));
        Assert.Contains(run.Sources.Values, text => text.Contains("namespace Beta.Api", StringComparison.Ordinal));
        Assert.Contains(run.Sources.Keys, name => name.Contains("AlphaClient", StringComparison.Ordinal));
        Assert.Contains(run.Sources.Keys, name => name.Contains("BetaClient", StringComparison.Ordinal));

        // Hint names are compared case-insensitively on some file systems (EmitCompilerGeneratedFiles).
        Assert.Equal(run.Sources.Count, run.Sources.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
