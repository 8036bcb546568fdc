using System;
using System.Collections.Immutable;
using Contracts.Cli.Checking;
using Contracts.Cli.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>
/// A generator that throws (the driver turns it into CS8785 and GeneratorRunResult.Exception) is a generator-error row,
/// never a crash. The real generator does not throw on purpose, so the run is made by hand.
/// </summary>
public sealed class GeneratorFailureTests
{
    [Fact]
    public void A_thrown_exception_is_a_generator_error_row()
    {
        var run = new GeneratorRun(
            new SpecFile("specs/d.yaml", IsNamed: true),
            ImmutableArray<GeneratedSourceResult>.Empty,
            ImmutableArray<Diagnostic>.Empty,
            new InvalidOperationException("boom\nsecond line"),
            CSharpCompilation.Create("Empty"));

        var report = SpecChecker.Classify(run, compile: true);

        Assert.Equal(SpecVerdict.GeneratorError, report.Verdict);
        Assert.False(report.Skipped);
        Assert.Equal("generator specs/d.yaml  the generator threw InvalidOperationException: boom second line", report.Row);
    }

    [Fact]
    public void An_unreadable_spec_is_a_generator_error_row()
    {
        using var temp = new TempFolder();
        var folder = temp.Combine("not-a-file.yaml");
        System.IO.Directory.CreateDirectory(folder);

        var report = SpecChecker.Check(new SpecFile(folder, IsNamed: true), new SpecOptions(null, null, null, "Root", []), compile: false);

        Assert.Equal(SpecVerdict.GeneratorError, report.Verdict);
        Assert.StartsWith($"generator {folder}  cannot read the file: ", report.Row, StringComparison.Ordinal);
    }
}
