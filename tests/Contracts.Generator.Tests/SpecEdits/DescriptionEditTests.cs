using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static Contracts.Generator.Tests.SpecEditing.SpecEditRuns;

namespace Contracts.Generator.Tests.SpecEditing;

/// <summary>
/// A description edit on a warm driver, as in the IDE: the parse stays cached, the output is a fresh run's on the edited
/// text, and only the files whose documentation changed are emitted again.
/// </summary>
public sealed class DescriptionEditTests
{
    private const string Location = "      description: Describes the resource location.";
    private const string AllocateStaticIp = "      description: Allocates a static IP address.";
    private const string Region = "            - description: The AWS Region name.";

    private static readonly Lazy<SpecFile> s_lightsail = new(() =>
    {
        var spec = SplitRuns.Repository("aws/lightsail-2016-11-28.yaml", "LightsailClient");
        return spec.WithText(spec.Text.Replace("\r\n", "\n", StringComparison.Ordinal));
    });

    [Fact]
    public void A_one_line_description_edit_in_lightsail_reparses_nothing()
    {
        var spec = s_lightsail.Value;

        var warm = AssertEditGivesAFreshRunsOutput(spec, ReplaceFirst(spec.Text, Region, Region.TrimEnd('.') + ", as edited."), IncrementalStepRunReason.Cached);

        Assert.Contains("The AWS Region name, as edited.", warm.Sources.Values.First(s => s.Contains("as edited", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.True(warm.GeneratorDiagnostics.Length > 0, "Lightsail's diagnostics are part of what is compared.");
    }

    [Fact]
    public void A_description_edited_into_two_lines_moves_the_diagnostics_after_it_by_a_line()
    {
        var spec = s_lightsail.Value;
        var edited = ReplaceFirst(spec.Text, AllocateStaticIp, "      description: Allocates a static\n        IP address, over two lines.");

        var warm = AssertEditGivesAFreshRunsOutput(spec, edited, IncrementalStepRunReason.Cached);

        // Else the diagnostics compared sit before the edit, where nothing moved.
        var editLine = spec.Text.Substring(0, spec.Text.IndexOf(AllocateStaticIp, StringComparison.Ordinal)).Count(c => c == '\n');
        Assert.Contains(warm.GeneratorDiagnostics, d => d.Location.GetLineSpan().StartLinePosition.Line > editLine);
    }

    [Fact]
    public void A_description_edited_into_a_block_scalar_reparses_nothing()
    {
        var spec = s_lightsail.Value;
        var edited = ReplaceFirst(spec.Text, Location, "      description: |\n        Describes the resource location,\n        in a literal block.");

        AssertEditGivesAFreshRunsOutput(spec, edited, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void A_folded_block_description_edit_in_the_seed_reparses_nothing()
    {
        var seed = SpecFile.Seed();
        var edited = ReplaceFirst(seed.Text, "is only returned by the <code>CreateBucketAccessKey</code> action", "is only returned (edited) by the\n        <code>CreateBucketAccessKey</code> action");

        var warm = AssertEditGivesAFreshRunsOutput(seed, edited, IncrementalStepRunReason.Cached);

        Assert.Contains("is only returned (edited) by the", warm.Source("LightsailClient.Client.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_edit_in_a_json_spec_reparses_nothing()
    {
        var spec = SpecFile.FromOutput("Specs/swagger2.json", "Contracts.Tests.SpecEdits", "NotesClient");

        var warm = AssertEditGivesAFreshRunsOutput(spec, ReplaceFirst(spec.Text, "\"description\": \"The note.\"", "\"description\": \"The note, as \\\"edited\\\".\""), IncrementalStepRunReason.Cached);

        Assert.Contains("The note, as \"edited\".", warm.Source("NotesClient.Client.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unrelated_csharp_edit_after_a_description_edit_leaves_every_step_cached()
    {
        var seed = SpecFile.Seed();
        var first = GeneratorHarness.Run(seed);
        var edited = GeneratorHarness.Run(
            first.Driver.ReplaceAdditionalText(first.Text(seed.Path), seed.WithText(ReplaceFirst(seed.Text, "Why the call failed.", "Why the call failed, edited.")).ToAdditionalText()),
            first.InputCompilation);

        var csharpEdit = GeneratorHarness.Run(edited.Driver, first.InputCompilation.AddSyntaxTrees(
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("internal sealed class Unrelated { }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs")));

        Assert.Contains(IncrementalStepRunReason.Cached, IncrementalAssert.Reasons(csharpEdit.Result, "SplitDocumentation"));
        Assert.Contains(IncrementalStepRunReason.Cached, IncrementalAssert.Reasons(csharpEdit.Result, "RestoreDocumentation"));
        IncrementalAssert.AssertAllCachedOrUnchanged(csharpEdit.Result);
        Assert.Equal(edited.Sources, csharpEdit.Sources);
    }
}
