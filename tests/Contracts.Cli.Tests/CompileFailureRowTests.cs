using System.Linq;
using Contracts.Cli.Checking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>
/// The "failed" row and the summary's counts. No valid spec should make uncompilable code, so the compile errors here
/// come from a hand-made compilation rather than from a spec.
/// </summary>
public sealed class CompileFailureRowTests
{
    [Fact]
    public void A_failed_row_counts_errors_by_id_and_shows_the_first()
    {
        var tree = CSharpSyntaxTree.ParseText("class A { Missing M() => null; Missing N() => null; int P => \"x\"; }", path: "/gen/Api.Client.g.cs");
        var compilation = CSharpCompilation.Create(
            "T", [tree], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = CompileResult.Of(compilation);

        var row = RowFormatter.CompileFailed("specs/c.yaml", result.Errors, Output.DiagnosticLine.Format(result.Errors[0], "specs/c.yaml", fileNameOnly: true));

        Assert.Equal(
            "failed    specs/c.yaml  3 compile errors (CS0246 x2, CS0029 x1); first: Api.Client.g.cs(1,11): error CS0246: "
            + "The type or namespace name 'Missing' could not be found (are you missing a using directive or an assembly reference?)",
            row);
    }

    [Fact]
    public void The_summary_counts_each_verdict()
    {
        var reports = new[] { SpecVerdict.Clean, SpecVerdict.Warnings, SpecVerdict.Warnings, SpecVerdict.CompileFailed, SpecVerdict.GeneratorError }
            .Select((verdict, i) => new SpecReport($"s{i}.yaml", verdict, [], string.Empty))
            .ToList();

        var summary = new CheckSummary(reports);

        Assert.Equal("5 specs: 1 compiled clean, 2 with warnings, 1 failed to compile, 1 generator errors", summary.CompiledLine());
        Assert.False(summary.Succeeded);
    }
}
