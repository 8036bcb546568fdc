using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Validation;

/// <summary>Specs/validation.yaml: every keyword on members, items, map values and parameters, snapshotted and compiled.</summary>
public sealed class ValidationSnapshotTests
{
    private static GeneratorRun Run() => GeneratorHarness.Run(SpecFile.FromOutput("Specs/validation.yaml", "Contracts.Tests.Validation", "OrdersClient"));

    [Fact]
    public void Generated_files_match_the_baselines()
    {
        var run = Run();

        run.AssertGeneratorDidNotThrow();
        Snapshot.Match("Validation", run.Sources);
    }

    [Fact]
    public void Generated_code_compiles_without_errors_or_warnings()
    {
        var run = Run();

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
    }
}
