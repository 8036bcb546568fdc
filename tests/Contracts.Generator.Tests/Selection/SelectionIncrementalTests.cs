using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.Selection;

/// <summary>Filters are part of a spec's options: changing one reruns that spec only, and a C# edit reruns nothing.</summary>
public sealed class SelectionIncrementalTests
{
    private const string ParseSpecs = "ParseSpecs";

    [Fact]
    public void Changing_a_filter_reparses_its_spec_and_leaves_the_other_spec_cached()
    {
        var alpha = SelectionRuns.SelectionSpec().With(("IncludeTags", "pets"));
        var beta = SpecFile.Inline("beta.yaml", SpecFile.Seed().Text, "Beta.Api", "BetaClient");
        var first = GeneratorHarness.Run(alpha, beta);
        var changed = alpha.With(("IncludeTags", "store"));

        var second = GeneratorHarness.Run(first.Driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.CreateOptions([changed, beta])), first.InputCompilation);

        var outputs = IncrementalAssert.Outputs(second.Result, ParseSpecs)
            .Select(o => (o.Reason, Strings: ObjectGraph.Strings(o.Value).ToList()))
            .ToList();
        var betaOutput = Assert.Single(outputs, o => o.Strings.Contains("Beta.Api"));
        var alphaOutput = Assert.Single(outputs, o => o.Strings.Contains("Contracts.Tests.Selection"));
        Assert.True(betaOutput.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "The other spec was parsed again: " + betaOutput.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, alphaOutput.Reason);
        Assert.All(
            IncrementalAssert.SourceOutputs(second.Result).Where(o => o.HintNames.Any(h => h.StartsWith("BetaClient.", StringComparison.Ordinal))),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Contains("ListOrdersAsync(", second.Source("SelectionClient.Client.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("ListOrdersAsync(", first.Source("SelectionClient.Client.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_csharp_edit_with_a_filter_set_reruns_nothing()
    {
        var first = GeneratorHarness.Run(SelectionRuns.SelectionSpec().With(("IncludeOperations", "getShape"), ("ExcludeMethods", "FETCH")));
        var edited = first.InputCompilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Contracts.Tests.App { internal sealed class Unrelated { } }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs"));

        var second = GeneratorHarness.Run(first.Driver, edited);

        IncrementalAssert.AssertAllCachedOrUnchanged(second.Result);
        IncrementalAssert.AssertRunsEqual(first.Result, second.Result);
        Assert.Equal(first.Sources, second.Sources);
        Assert.Contains(second.GeneratorDiagnostics, d => d.Id == "CTR133");
    }
}
