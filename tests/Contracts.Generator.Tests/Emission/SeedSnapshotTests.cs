using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Emission;

/// <summary>The seed contract (spec/lightsail-bucket-access-keys.yaml) as the samples configure it.</summary>
public sealed class SeedSnapshotTests
{
    [Fact]
    public void Generated_files_match_the_baselines()
    {
        var run = GeneratorHarness.Run(SpecFile.Seed());

        run.AssertGeneratorDidNotThrow();
        Assert.NotEmpty(run.Sources);
        Snapshot.Match("Seed", run.Sources);
    }

    [Fact]
    public void Generated_code_compiles_without_errors_or_warnings()
    {
        var run = GeneratorHarness.Run(SpecFile.Seed());

        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Seed_reports_no_diagnostics()
    {
        var run = GeneratorHarness.Run(SpecFile.Seed());

        run.AssertGeneratorDidNotThrow();
        run.AssertNoGeneratorDiagnostics();
    }
}
