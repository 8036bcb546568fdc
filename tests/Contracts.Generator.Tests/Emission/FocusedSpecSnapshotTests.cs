using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Emission;

/// <summary>Small specs under Specs/, one construct family each, snapshotted and compiled.</summary>
public sealed class FocusedSpecSnapshotTests
{
    public static TheoryData<string, string, string, string> Specs => new()
    {
        // Baseline folder, spec file, namespace, client name.
        { "Shapes", "Specs/shapes.yaml", "Contracts.Tests.Shapes", "ShapesClient" },
        { "PlainJson", "Specs/plain-json.yaml", "Contracts.Tests.Pets", "PetsClient" },
        { "Swagger2", "Specs/swagger2.json", "Contracts.Tests.Notes", "NotesClient" },
        { "AwsJson", "Specs/aws-json.yaml", "Contracts.Tests.Widgets", "WidgetsClient" },
        { "Formats", "Specs/formats.yaml", "Contracts.Tests.Formats", "FormatsClient" },
        { "Unions", "Specs/unions.yaml", "Contracts.Tests.Unions", "UnionsClient" },
        { "Operations", "Specs/operations.yaml", "Contracts.Tests.Files", "FilesClient" },
        { "OperationsSwagger2", "Specs/operations-swagger2.yaml", "Contracts.Tests.Legacy", "LegacyClient" },
        { "ResponseHeaders", "Specs/response-headers.yaml", "Contracts.Tests.Repos", "ReposClient" },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_files_match_the_baselines(string baseline, string specPath, string ns, string clientName)
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput(specPath, ns, clientName));

        run.AssertGeneratorDidNotThrow();
        Assert.NotEmpty(run.Sources);
        Snapshot.Match(baseline, run.Sources);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_compiles_without_errors_or_warnings(string baseline, string specPath, string ns, string clientName)
    {
        _ = baseline;
        var run = GeneratorHarness.Run(SpecFile.FromOutput(specPath, ns, clientName));

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
    }
}
