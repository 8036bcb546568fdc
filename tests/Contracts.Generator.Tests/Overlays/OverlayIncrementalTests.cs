using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static Contracts.Generator.Tests.Overlays.OverlayHarness;

namespace Contracts.Generator.Tests.Overlays;

/// <summary>
/// An overlay edit reruns only the specs that name it; an edit to another file or to C# reruns nothing; a spec without
/// overlays is passed through the overlay step as it is.
/// </summary>
public sealed class OverlayIncrementalTests
{
    private const string Fix = """
        overlay: 1.0.0
        info: { title: Fixes, version: 1.0.0 }
        actions:
          - target: $.components.schemas.Pet
            update: { description: First version. }
        """;

    private const string Unrelated = """
        # Not OpenAPI, not an overlay any spec names.
        settings: { retries: 3 }
        """;

    private static readonly SpecFile Plain = SpecFile.Inline("plain.yaml", OverlayActionTests.Pets, Namespace + ".Plain", "PlainClient");

    private static GeneratorRun FirstRun() =>
        Run(SpecFile.Inline("api.yaml", OverlayActionTests.Pets, Namespace, ClientName), "fix.yaml",
            [Overlay("/specs/fix.yaml", Fix), Plain, new SpecFile("/specs/unrelated.yaml", Unrelated)]);

    private static GeneratorRun Edit(GeneratorRun first, string path, string text) =>
        GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(first.Text(path), new InMemoryAdditionalText(path, text)), first.InputCompilation, first.Texts);

    /// <summary>The run reason of a per-spec step's output, found by a string it holds (its path or client name).</summary>
    private static IncrementalStepRunReason ReasonFor(GeneratorRun run, string step, string owner)
    {
        var matches = IncrementalAssert.Outputs(run.Result, step)
            .Where(o => ObjectGraph.Strings(o.Value).Any(text => text == owner))
            .Select(o => o.Reason).Distinct().ToList();
        Assert.True(matches.Count == 1, $"{step} for {owner}: {IncrementalAssert.Describe(matches)}");
        return matches[0];
    }

    [Fact]
    public void Editing_an_overlay_reparses_the_spec_that_names_it_and_no_other()
    {
        var first = FirstRun();
        var second = Edit(first, "/specs/fix.yaml", Fix.Replace("First version.", "Second version.", StringComparison.Ordinal));

        Assert.Equal(IncrementalStepRunReason.Modified, ReasonFor(second, "ResolveOverlays", "/specs/api.yaml"));
        Assert.Equal(IncrementalStepRunReason.Modified, ReasonFor(second, "ParseSpecs", ClientName));
        Assert.Equal(IncrementalStepRunReason.Unchanged, ReasonFor(second, "ResolveOverlays", "/specs/plain.yaml"));
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonFor(second, "ParseSpecs", "PlainClient"));
        Assert.Contains("Second version.", second.Source(ClientName + ".Models.P.g.cs"), StringComparison.Ordinal);
        Assert.Contains("First version.", first.Source(ClientName + ".Models.P.g.cs"), StringComparison.Ordinal);
        second.AssertCompilesCleanly();
    }

    [Fact]
    public void Editing_an_additional_file_no_spec_names_reparses_nothing()
    {
        var first = FirstRun();
        var second = Edit(first, "/specs/unrelated.yaml", Unrelated + "\nother: true\n");

        var recomputed = IncrementalAssert.TrackingNames
            .Where(name => name != "ScanReferences" && second.Result.TrackedSteps.ContainsKey(name))
            .SelectMany(name => IncrementalAssert.Reasons(second.Result, name).Where(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).Select(r => name + ": " + r))
            .ToList();
        Assert.True(recomputed.Count == 0, string.Join("\n", recomputed));
        Assert.All(IncrementalAssert.SourceOutputs(second.Result), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void A_csharp_edit_reruns_nothing_with_overlays()
    {
        var first = FirstRun();
        var edited = first.InputCompilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal sealed class Unrelated { }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs"));

        var second = GeneratorHarness.Run(first.Driver, edited, first.Texts);

        IncrementalAssert.AssertAllCachedOrUnchanged(second.Result);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void A_spec_without_overlays_is_passed_through_the_overlay_step_as_it_is()
    {
        var run = FirstRun();

        var resolvedReferences = IncrementalAssert.Outputs(run.Result, "ResolveReferences").Select(o => o.Value).ToList();
        var resolvedOverlays = IncrementalAssert.Outputs(run.Result, "ResolveOverlays").Select(o => o.Value).ToList();

        // The very same object: no look at the other files, no copy.
        Assert.Same(
            resolvedReferences.Single(v => ObjectGraph.Strings(v).Contains("/specs/plain.yaml")),
            resolvedOverlays.Single(v => ObjectGraph.Strings(v).Contains("/specs/plain.yaml")));
        var overlaid = resolvedOverlays.Single(v => ObjectGraph.Strings(v).Contains("/specs/api.yaml"));
        Assert.Contains(Fix, ObjectGraph.Strings(overlaid));
    }
}
