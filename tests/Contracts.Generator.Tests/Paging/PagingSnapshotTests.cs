using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Paging;

/// <summary>The client of Specs/paging.yaml (one operation per paging rule), snapshotted and compiled.</summary>
public sealed class PagingSnapshotTests
{
    [Fact]
    public void Generated_files_match_the_baselines()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput("Specs/paging.yaml", "Contracts.Tests.Paging", "PagingClient"));

        run.AssertGeneratorDidNotThrow();
        Snapshot.Match("Paging", run.Sources);
    }

    [Fact]
    public void Generated_code_compiles_without_errors_or_warnings()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput("Specs/paging.yaml", "Contracts.Tests.Paging", "PagingClient"));

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
    }
}
