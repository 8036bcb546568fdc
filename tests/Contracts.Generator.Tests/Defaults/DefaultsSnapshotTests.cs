using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Defaults;

/// <summary>Specs/defaults.yaml (defaults, one-value enums and constants, Unix times) snapshotted and compiled.</summary>
public sealed class DefaultsSnapshotTests
{
    private static GeneratorRun Run() =>
        GeneratorHarness.Run(SpecFile.FromOutput("Specs/defaults.yaml", "Contracts.Tests.Defaults", "DefaultsClient"));

    [Fact]
    public void Generated_files_match_the_baselines()
    {
        var run = Run();

        run.AssertGeneratorDidNotThrow();
        Snapshot.Match("Defaults", run.Sources);
    }

    [Fact]
    public void Generated_code_compiles_without_errors_or_warnings()
    {
        var run = Run();

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void A_member_with_one_possible_value_is_initialised_and_not_required()
    {
        var source = Run().Source("Models.U.");

        // A one-value enum is the string itself (OneValueEnums): no type to name, the value set for you.
        Assert.Contains("public string Role { get; init; } = \"user\";", source, System.StringComparison.Ordinal);
        Assert.Contains("public required string Content { get; init; }", source, System.StringComparison.Ordinal);
        Assert.Contains("public bool Strict { get; init; } = true;", source, System.StringComparison.Ordinal);
        // Optional: unset stays unset (not sent), as for any optional member.
        Assert.Contains("public string? Kind { get; init; }\n", source.Replace("\r\n", "\n"), System.StringComparison.Ordinal);
    }
}
