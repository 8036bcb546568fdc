using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.SpecEditing;

/// <summary>An edit of a spec on a warm driver, against a fresh driver on the edited text.</summary>
internal static class SpecEditRuns
{
    /// <summary>
    /// Runs <paramref name="spec"/>, then the edited text on the same driver and on a fresh one: the warm driver's files and
    /// diagnostics are the fresh driver's, and it re-emitted only the outputs whose files changed. Returns the warm run.
    /// </summary>
    public static GeneratorRun AssertEditGivesAFreshRunsOutput(SpecFile spec, string editedText, IncrementalStepRunReason expectedParse)
    {
        Assert.NotEqual(spec.Text, editedText);
        var first = GeneratorHarness.Run(spec);
        var edited = spec.WithText(editedText);
        var warm = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(first.Text(spec.Path), edited.ToAdditionalText()), first.InputCompilation);
        var fresh = GeneratorHarness.Run(edited);

        Assert.Equal(fresh.Sources.Keys.Order(StringComparer.Ordinal), warm.Sources.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in fresh.Sources)
        {
            if (warm.Sources[name] != text)
            {
                Assert.Fail($"{name} differs from a fresh run at {SplitRuns.FirstDifference(text, warm.Sources[name])}");
            }
        }

        Assert.Equal(SplitRuns.Describe(fresh.GeneratorDiagnostics).Order(StringComparer.Ordinal), SplitRuns.Describe(warm.GeneratorDiagnostics).Order(StringComparer.Ordinal));

        var parse = IncrementalAssert.Reasons(warm.Result, "ParseSpecs").Distinct().ToList();
        Assert.True(parse.SequenceEqual([expectedParse]), "ParseSpecs: " + IncrementalAssert.Describe(parse));

        // New or changed files; a file the edit removed has no text to emit.
        var changed = warm.Sources.Keys
            .Where(name => !first.Sources.TryGetValue(name, out var before) || before != warm.Sources[name])
            .Order(StringComparer.Ordinal).ToList();
        // An output is a model's files together (the client's model gives the client and the AWS errors): each output
        // emitted again holds a changed file, and every changed file was emitted again.
        var reemitted = IncrementalAssert.SourceOutputs(warm.Result)
            .Where(output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified && output.HintNames.Count > 0)
            .ToList();
        Assert.NotEmpty(changed);
        Assert.All(reemitted, output => Assert.True(output.HintNames.Intersect(changed).Any(), "Emitted again without a change: " + string.Join(", ", output.HintNames)));
        Assert.Equal(changed, reemitted.SelectMany(output => output.HintNames).Intersect(changed).Order(StringComparer.Ordinal));
        return warm;
    }

    /// <summary><paramref name="text"/> with the first <paramref name="old"/> replaced; fails when the spec no longer holds it.</summary>
    public static string ReplaceFirst(string text, string old, string replacement)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var index = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(index >= 0, "The spec no longer holds: " + old);
        return text.Substring(0, index) + replacement + text.Substring(index + old.Length);
    }
}
