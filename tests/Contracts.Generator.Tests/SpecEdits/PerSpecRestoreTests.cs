using System;
using System.Linq;
using Contracts.Generator.Model;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static Contracts.Generator.Tests.SpecEditing.SpecEditRuns;

namespace Contracts.Generator.Tests.SpecEditing;

/// <summary>
/// Each spec's documentation goes back into its own translation: a description edit in one spec of a project reruns that
/// spec's <c>RestoreDocumentation</c> alone, and the output stays a fresh run's.
/// </summary>
public sealed class PerSpecRestoreTests
{
    private const string BucketName = "          description: The name of the bucket for which to return access keys.";

    private static readonly SpecFile s_alpha = SpecFile.Inline("alpha.yaml", SpecFile.Seed().Text.Replace("\r\n", "\n", StringComparison.Ordinal), "Alpha.Api", "AlphaClient");
    private static readonly SpecFile s_beta = SpecFile.Inline("beta.yaml", SpecFile.Seed().Text.Replace("\r\n", "\n", StringComparison.Ordinal), "Beta.Api", "BetaClient");

    [Fact]
    public void A_description_edit_in_one_spec_leaves_the_other_specs_restore_cached()
    {
        var edited = s_alpha.WithText(ReplaceFirst(s_alpha.Text, BucketName, "          description: The name of the bucket, as edited."));

        var warm = Edit(edited);

        Assert.Equal(IncrementalStepRunReason.Modified, RestoreOf(warm, "AlphaClient"));
        Assert.Equal(IncrementalStepRunReason.Cached, RestoreOf(warm, "BetaClient"));
        Assert.All(IncrementalAssert.Reasons(warm.Result, "ParseSpecs"), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Contains("as edited", warm.Sources.Where(s => s.Key.StartsWith("AlphaClient", StringComparison.Ordinal)).Select(s => s.Value).First(s => s.Contains("as edited", StringComparison.Ordinal)), StringComparison.Ordinal);
        AssertFresh(warm, edited);
    }

    [Fact]
    public void A_structural_edit_in_one_spec_leaves_the_other_specs_output_unchanged()
    {
        var edited = s_alpha.WithText(SpecEdits.AddSourceIp(s_alpha.Text));

        var warm = Edit(edited);

        Assert.Equal(IncrementalStepRunReason.Modified, RestoreOf(warm, "AlphaClient"));
        Assert.Contains(RestoreOf(warm, "BetaClient"), new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.DoesNotContain(IncrementalAssert.SourceOutputs(warm.Result),
            output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New && output.HintNames.Any(name => name.StartsWith("BetaClient", StringComparison.Ordinal)));
        AssertFresh(warm, edited);
    }

    private static GeneratorRun Edit(SpecFile editedAlpha)
    {
        var first = GeneratorHarness.Run(s_alpha, s_beta);
        return GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(first.Text(s_alpha.Path), editedAlpha.ToAdditionalText()), first.InputCompilation);
    }

    private static void AssertFresh(GeneratorRun warm, SpecFile editedAlpha)
    {
        var fresh = GeneratorHarness.Run(editedAlpha, s_beta);
        Assert.Equal(fresh.Sources.OrderBy(s => s.Key, StringComparer.Ordinal), warm.Sources.OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Equal(SplitRuns.Describe(fresh.GeneratorDiagnostics).Order(StringComparer.Ordinal), SplitRuns.Describe(warm.GeneratorDiagnostics).Order(StringComparer.Ordinal));
    }

    private static IncrementalStepRunReason RestoreOf(GeneratorRun run, string clientName) =>
        IncrementalAssert.Outputs(run.Result, "RestoreDocumentation")
            .Single(output => ((SpecResult)output.Value).Model?.Target.ClientName == clientName).Reason;
}
