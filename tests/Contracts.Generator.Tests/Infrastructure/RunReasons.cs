using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>
/// The expected run reasons of the per-spec steps of a one-spec driver, with presets for the runs the tests make.
/// </summary>
internal sealed record RunReasons(
    IncrementalStepRunReason ReadSpecs,
    IncrementalStepRunReason ParseSpecs,
    IncrementalStepRunReason CompilationFacts)
{
    /// <summary>The first run.</summary>
    public static readonly RunReasons New = new(IncrementalStepRunReason.New, IncrementalStepRunReason.New, IncrementalStepRunReason.New);

    /// <summary>The same inputs again.</summary>
    public static readonly RunReasons Cached = new(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached);

    /// <summary>A C# edit: the compilation changes but the facts read from it do not.</summary>
    public static readonly RunReasons CSharpEdit = new(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);

    /// <summary>An edit of the spec text.</summary>
    public static readonly RunReasons ModifiedSpec = new(IncrementalStepRunReason.Modified, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached);

    public void AssertMatches(GeneratorRunResult result)
    {
        var actual = new RunReasons(Single(result, "ReadSpecs"), Single(result, "ParseSpecs"), Single(result, "CompilationFacts"));
        Assert.Equal(this, actual);
    }

    private static IncrementalStepRunReason Single(GeneratorRunResult result, string step)
    {
        var reasons = IncrementalAssert.Reasons(result, step).Distinct().ToList();
        Assert.True(reasons.Count == 1, $"Step '{step}' has mixed reasons: {IncrementalAssert.Describe(IncrementalAssert.Reasons(result, step))}");
        return reasons[0];
    }
}
