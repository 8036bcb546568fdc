using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.Generator.Tests.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.Pipeline;

/// <summary>Run reasons of the tracked steps across edits: what must stay cached and what must be recomputed.</summary>
public sealed class IncrementalTests
{
    private const string ParseSpecs = "ParseSpecs";
    private const string TypeFiles = "TypeFiles";

    [Fact]
    public void The_steps_the_tests_rely_on_are_tracked()
    {
        // The seed has no union; a step only shows up in the run once an item flows through it.
        var run = GeneratorHarness.Run(SpecFile.Seed(), SpecFile.FromOutput("Specs/unions.yaml", "Contracts.Tests.Unions", "UnionsClient"));

        Assert.Contains(ParseSpecs, IncrementalAssert.TrackingNames);
        Assert.Contains(TypeFiles, IncrementalAssert.TrackingNames);
        var missing = IncrementalAssert.TrackingNames.Where(name => !run.Result.TrackedSteps.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "TrackingNames declared but never used with WithTrackingName: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_spec_steps_run_for_the_expected_reasons()
    {
        var seed = SpecFile.Seed();
        var first = GeneratorHarness.Run(seed);
        var same = GeneratorHarness.Run(first.Driver, first.InputCompilation);
        var csharpEdit = GeneratorHarness.Run(same.Driver, first.InputCompilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("internal sealed class Unrelated { }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs")));
        var specEdit = GeneratorHarness.Run(
            csharpEdit.Driver.ReplaceAdditionalText(first.Text(seed.Path), seed.WithText(SpecEdits.AddSourceIp(seed.Text)).ToAdditionalText()),
            csharpEdit.InputCompilation);

        RunReasons.New.AssertMatches(first.Result);
        RunReasons.Cached.AssertMatches(same.Result);
        RunReasons.CSharpEdit.AssertMatches(csharpEdit.Result);
        RunReasons.ModifiedSpec.AssertMatches(specEdit.Result);
    }

    [Theory]
    [InlineData("Specs/Seed/lightsail-bucket-access-keys.yaml")]
    [InlineData("Specs/shapes.yaml")]
    [InlineData("Specs/plain-json.yaml")]
    [InlineData("Specs/swagger2.json")]
    [InlineData("Specs/unions.yaml")]
    public void Running_again_on_a_cloned_compilation_changes_nothing(string specPath)
    {
        IncrementalAssert.AssertCachedOnSecondRun(SpecFile.FromOutput(specPath, "Contracts.Tests.Cached", "CachedClient"));
    }

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        var first = GeneratorHarness.Run(SpecFile.Seed());
        var edited = first.InputCompilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Contracts.Tests.App { internal sealed class Unrelated { } }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs"));

        var second = GeneratorHarness.Run(first.Driver, edited);

        IncrementalAssert.AssertAllCachedOrUnchanged(second.Result);
        Assert.All(IncrementalAssert.Reasons(second.Result, "SplitDocumentation"), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(IncrementalAssert.Reasons(second.Result, "RestoreDocumentation"), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        IncrementalAssert.AssertRunsEqual(first.Result, second.Result);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Editing_the_spec_reparses_it_and_regenerates_the_file_of_the_changed_record()
    {
        var seed = SpecFile.Seed();
        var first = GeneratorHarness.Run(seed);
        var driver = first.Driver.ReplaceAdditionalText(first.Text(seed.Path), seed.WithText(SpecEdits.AddSourceIp(seed.Text)).ToAdditionalText());

        var second = GeneratorHarness.Run(driver, first.InputCompilation);

        Assert.Contains(IncrementalStepRunReason.Modified, IncrementalAssert.Reasons(second.Result, ParseSpecs));
        Assert.Contains(IncrementalStepRunReason.Modified, IncrementalAssert.Reasons(second.Result, TypeFiles));
        Assert.Contains("SourceIp", second.TypeSource("AccessKeyLastUsed"), StringComparison.Ordinal);
        Assert.DoesNotContain("SourceIp", first.TypeSource("AccessKeyLastUsed"), StringComparison.Ordinal);
        second.AssertCompilesCleanly();
    }

    [Fact]
    public void Editing_one_schema_leaves_the_files_of_the_other_letters_cached()
    {
        var seed = SpecFile.Seed();
        var first = GeneratorHarness.Run(seed);
        var driver = first.Driver.ReplaceAdditionalText(first.Text(seed.Path), seed.WithText(SpecEdits.AddSourceIp(seed.Text)).ToAdditionalText());

        var second = GeneratorHarness.Run(driver, first.InputCompilation);
        var outputs = IncrementalAssert.SourceOutputs(second.Result);

        // AccessKeyLastUsed changed: its file (A) is re-emitted; those of EnvelopeError (E) and GetBucketAccessKeysRequest (G) are not.
        Assert.Equal(IncrementalStepRunReason.Modified, ReasonOf(outputs, "Models.A.g.cs"));
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonOf(outputs, "Models.E.g.cs"));
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonOf(outputs, "Models.G.g.cs"));
    }

    [Fact]
    public void Adding_a_second_spec_leaves_the_first_specs_outputs_cached()
    {
        var alpha = SpecFile.Inline("alpha.yaml", SpecFile.Seed().Text, "Alpha.Api", "AlphaClient");
        var beta = SpecFile.Inline("beta.yaml", SpecFile.Seed().Text, "Beta.Api", "BetaClient");
        var first = GeneratorHarness.Run(alpha);

        // As in a real build: the new item brings its metadata, so the analyzer config options change too.
        var driver = first.Driver
            .AddAdditionalTexts([beta.ToAdditionalText()])
            .WithUpdatedAnalyzerConfigOptions(GeneratorHarness.CreateOptions([alpha, beta]));
        var second = GeneratorHarness.Run(driver, first.InputCompilation);

        // Attribute each step output to a spec by the strings it holds (namespaces, client names, paths).
        var outputs = (
            from name in IncrementalAssert.TrackingNames
            from output in IncrementalAssert.Outputs(second.Result, name)
            let strings = ObjectGraph.Strings(output.Value).ToList()
            select (Name: name, output.Reason, output.Value,
                Alpha: strings.Any(s => s.Contains("Alpha", StringComparison.Ordinal)),
                Beta: strings.Any(s => s.Contains("Beta", StringComparison.Ordinal)))).ToList();
        var alphaOnly = outputs.Where(o => o.Alpha && !o.Beta).ToList();
        var recomputed = outputs
            .Where(o => !o.Beta)
            .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)
                && !(o.Reason == IncrementalStepRunReason.New && !o.Alpha))
            .Select(o => $"{o.Name}: {o.Reason} {o.Value}")
            .ToList();
        Assert.NotEmpty(alphaOnly);
        Assert.True(recomputed.Count == 0, "Outputs of the first spec were recomputed:\n" + string.Join("\n", recomputed));

        var alphaFiles = IncrementalAssert.SourceOutputs(second.Result).Where(o => o.HintNames.Any(h => h.Contains("AlphaClient", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(alphaFiles);
        Assert.All(alphaFiles, o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"{string.Join(", ", o.HintNames)}: {o.Reason}"));
        Assert.Contains(second.Sources.Keys, name => name.Contains("BetaClient", StringComparison.Ordinal));
    }

    [Fact]
    public void Parsing_the_same_spec_twice_gives_equal_models()
    {
        var first = ParsedModel(GeneratorHarness.Run(SpecFile.Seed()));
        var second = ParsedModel(GeneratorHarness.Run(SpecFile.Seed()));

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Parsing_a_different_spec_gives_an_unequal_model()
    {
        var seed = SpecFile.Seed();
        var first = ParsedModel(GeneratorHarness.Run(seed));
        var second = ParsedModel(GeneratorHarness.Run(seed.WithText(SpecEdits.AddSourceIp(seed.Text))));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Pipeline_outputs_hold_no_symbols_syntax_compilations_or_locations()
    {
        var run = GeneratorHarness.Run(SpecFile.Seed(), SpecFile.Inline("dangling.yaml", BrokenDocumentTests.DanglingRef, "Dangling.Api", "DanglingClient"));

        Assert.NotEmpty(run.Result.TrackedSteps);
        IncrementalAssert.AssertOutputsHoldNoCompilerObjects(run.Result);
    }

    private static object ParsedModel(GeneratorRun run)
    {
        var outputs = IncrementalAssert.Outputs(run.Result, ParseSpecs);
        return Assert.Single(outputs).Value;
    }

    private static IncrementalStepRunReason ReasonOf(IReadOnlyList<(IReadOnlyList<string> HintNames, IncrementalStepRunReason Reason)> outputs, string fragment)
    {
        var matches = outputs.Where(o => o.HintNames.Any(h => h.Contains(fragment, StringComparison.Ordinal))).ToList();
        Assert.True(matches.Count == 1, $"Expected one source output with a file named *{fragment}*, found {matches.Count}.");
        return matches[0].Reason;
    }
}
