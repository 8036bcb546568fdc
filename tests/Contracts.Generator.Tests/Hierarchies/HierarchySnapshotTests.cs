using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Hierarchies;

/// <summary>
/// Specs/hierarchies.yaml: a base with a discriminator and a mapping (Pet: Cat, Dog, Lion two levels down), implicit
/// discriminator values (Shape: Circle, Square), a base without one (Named: Owner) and two referenced bases, flattened
/// (Document). Specs without such allOf generate what they did before: the other snapshot baselines did not move.
/// </summary>
public sealed class HierarchySnapshotTests
{
    private const string Spec = "Specs/hierarchies.yaml";

    [Fact]
    public void Generated_files_match_the_baselines()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput(Spec, "Contracts.Tests.Hierarchies", "HierarchiesClient"));

        run.AssertGeneratorDidNotThrow();
        Snapshot.Match("Hierarchies", run.Sources);
    }

    [Fact]
    public void Generated_code_compiles_without_diagnostics_or_warnings()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput(Spec, "Contracts.Tests.Hierarchies", "HierarchiesClient"));

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
    }
}
