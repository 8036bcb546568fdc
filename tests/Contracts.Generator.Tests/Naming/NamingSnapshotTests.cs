using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Naming;

/// <summary>Specs/naming.yaml (titles, one type per shape, union case names, Clearable members) snapshotted and compiled.</summary>
public sealed class NamingSnapshotTests
{
    internal const string Spec = "Specs/naming.yaml";
    internal const string Namespace = "Contracts.Tests.Naming";
    internal const string ClientName = "NamingClient";

    [Fact]
    public void Generated_files_match_the_baselines()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput(Spec, Namespace, ClientName));

        run.AssertGeneratorDidNotThrow();
        Snapshot.Match("Naming", run.Sources);
    }

    [Fact]
    public void Generated_code_compiles_without_errors_or_warnings()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput(Spec, Namespace, ClientName));

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
    }
}
