using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>Assertions over tracked incremental steps (run reasons, equal outputs, cacheable models).</summary>
internal static class IncrementalAssert
{
    /// <summary>The step names, read from the <c>const string</c> fields of <c>Contracts.Generator.TrackingNames</c>.</summary>
    public static IReadOnlyList<string> TrackingNames { get; } = typeof(ContractsGenerator).Assembly
        .GetType("Contracts.Generator.TrackingNames", throwOnError: true)!
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(field => field.IsLiteral && !field.IsInitOnly && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToList();

    /// <summary>Runs the generator over <paramref name="specs"/>, then again with the same driver on a clone of the compilation.</summary>
    public static (GeneratorRun First, GeneratorRun Second) RunTwice(params SpecFile[] specs)
    {
        var first = GeneratorHarness.Run(specs);
        return (first, GeneratorHarness.Run(first.Driver, first.InputCompilation.Clone(), first.Texts));
    }

    /// <summary>
    /// NetEscapades' check: run twice; the second run is all Cached/Unchanged with equal outputs, and no step output holds
    /// compiler objects.
    /// </summary>
    public static void AssertCachedOnSecondRun(params SpecFile[] specs)
    {
        var (first, second) = RunTwice(specs);
        AssertAllCachedOrUnchanged(second.Result);
        AssertRunsEqual(first.Result, second.Result);
        AssertOutputsHoldNoCompilerObjects(first.Result);
        Assert.Equal(first.Sources, second.Sources);
    }

    /// <summary>Every output of every step named <paramref name="stepName"/>, in order.</summary>
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string stepName) =>
        result.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(step => step.Outputs).ToList()
            : [];

    /// <summary>The run reasons of step <paramref name="stepName"/>; fails if the step did not run at all.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string stepName)
    {
        Assert.True(
            result.TrackedSteps.ContainsKey(stepName),
            $"No tracked step '{stepName}'. Tracked: {string.Join(", ", result.TrackedSteps.Keys)}");
        return Outputs(result, stepName).Select(output => output.Reason).ToList();
    }

    /// <summary>Every tracked step output is Cached or Unchanged, and every source output is Cached.</summary>
    public static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        var problems = new List<string>();
        foreach (var name in TrackingNames.Where(result.TrackedSteps.ContainsKey))
        {
            var bad = Reasons(result, name).Where(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
            if (bad.Count > 0)
            {
                problems.Add($"{name}: {Describe(Reasons(result, name))}");
            }
        }

        foreach (var (kind, steps) in result.TrackedOutputSteps)
        {
            var reasons = steps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
            if (reasons.Any(r => r != IncrementalStepRunReason.Cached))
            {
                problems.Add($"{kind} (outputs): {Describe(reasons)}");
            }
        }

        Assert.True(problems.Count == 0, "Steps were recomputed on a run that should have been cached:\n" + string.Join("\n", problems));
    }

    /// <summary>Each tracked step produced equal outputs, in the same order, on both runs.</summary>
    public static void AssertRunsEqual(GeneratorRunResult first, GeneratorRunResult second)
    {
        foreach (var name in TrackingNames.Where(first.TrackedSteps.ContainsKey))
        {
            Assert.True(second.TrackedSteps.ContainsKey(name), $"Step '{name}' ran only on the first run.");
            var before = Outputs(first, name).Select(o => o.Value).ToList();
            var after = Outputs(second, name).Select(o => o.Value).ToList();
            Assert.True(before.Count == after.Count, $"Step '{name}' produced {before.Count} then {after.Count} outputs.");
            for (var i = 0; i < before.Count; i++)
            {
                Assert.True(Equals(before[i], after[i]), $"Step '{name}' output {i} differs between runs: {before[i]} / {after[i]}");
            }
        }
    }

    /// <summary>
    /// No output of the generator's own tracked steps holds a Compilation, ISymbol, SyntaxNode, SyntaxTree, SemanticModel
    /// or Location. (Roslyn's built-in steps such as "Compilation" and "SourceOutput" hold them by design and are skipped.)
    /// </summary>
    public static void AssertOutputsHoldNoCompilerObjects(GeneratorRunResult result)
    {
        var found = new List<string>();
        foreach (var (name, steps) in result.TrackedSteps.Where(step => TrackingNames.Contains(step.Key)))
        {
            var index = 0;
            foreach (var step in steps)
            {
                foreach (var (value, _) in step.Outputs)
                {
                    found.AddRange(ObjectGraph.ForbiddenObjects(value, $"{name}[{index}]"));
                }

                index++;
            }
        }

        Assert.True(found.Count == 0, "Pipeline outputs hold compiler objects:\n" + string.Join("\n", found.Distinct().Take(20)));
    }

    /// <summary>Hint names and run reason of each source output (files added by RegisterSourceOutput).</summary>
    public static IReadOnlyList<(IReadOnlyList<string> HintNames, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorRunResult result) =>
        result.TrackedOutputSteps.Values
            .SelectMany(steps => steps)
            .SelectMany(step => step.Outputs)
            .Select(output => ((IReadOnlyList<string>)HintNamesIn(output.Value), output.Reason))
            .ToList();

    public static string Describe(IEnumerable<IncrementalStepRunReason> reasons) =>
        string.Join(", ", reasons.GroupBy(r => r).Select(g => $"{g.Key}×{g.Count()}"));

    private static List<string> HintNamesIn(object value)
    {
        // Source outputs hold (ImmutableArray<GeneratedSourceText>, ImmutableArray<Diagnostic>); GeneratedSourceText is internal.
        var names = new List<string>();
        foreach (var (item, _) in ObjectGraph.Walk(value, "output", type => type.Name != "Diagnostic" && !typeof(Diagnostic).IsAssignableFrom(type)))
        {
            if (item.GetType().Name == "GeneratedSourceText"
                && item.GetType().GetProperty("HintName", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(item) is string hint)
            {
                names.Add(hint);
            }
        }

        return names;
    }
}
