using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Emission;

/// <summary>
/// Specs/security.yaml: every scheme type, a document default and per-operation security. The client, its options and
/// the DI registration are snapshotted (Baselines/Security) and compiled; specs without security schemes keep their
/// baselines unchanged (FocusedSpecSnapshotTests, SeedSnapshotTests).
/// </summary>
public sealed class SecuritySnapshotTests
{
    [Fact]
    public void Generated_files_match_the_baselines()
    {
        var run = Run();

        run.AssertGeneratorDidNotThrow();
        Snapshot.Match("Security", run.Sources);
    }

    [Fact]
    public void Generated_code_compiles_without_errors_or_warnings_and_only_mutualTLS_is_reported()
    {
        var run = Run();

        Assert.Equal(["CTR115@145"], run.GeneratorDiagnostics.Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)));
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Scheme_names_and_descriptions_reach_the_code_only_escaped()
    {
        var client = Run().Source("SecurityClient.Client");

        Assert.Contains(".ApiKey(\"odd.name-key_1\", global::Contracts.Runtime.Authentication.ApiKeyLocation.Query, \"x\\\"y\\\\z\", options.OddNameKey1)", client, StringComparison.Ordinal);
        Assert.Contains("/// A token from the vault console. */ \"quoted\"", client, StringComparison.Ordinal);
        Assert.DoesNotContain("</summary>\n        /// <para>A bearer", client.Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    private static GeneratorRun Run() =>
        GeneratorHarness.RunWith(GeneratorHarness.HttpClientFactoryReferences(), SpecFile.FromOutput("Specs/security.yaml", "Contracts.Tests.Security", "SecurityClient"));
}
