using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.TestSupport.Generation;

/// <summary>What one generator run produced: sources, diagnostics and the compilation with the sources added.</summary>
public sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> driverDiagnostics, ImmutableArray<AdditionalText> texts)
    {
        Texts = texts;
        Driver = driver;
        InputCompilation = input;
        OutputCompilation = output;
        DriverDiagnostics = driverDiagnostics;
        Result = driver.GetRunResult().Results.Single();
        Sources = Result.GeneratedSources
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .ToDictionary(source => source.HintName, source => source.SourceText.ToString(), StringComparer.Ordinal);
    }

    /// <summary>The driver after this run, holding the state the next run is compared with.</summary>
    public GeneratorDriver Driver { get; }

    public Compilation InputCompilation { get; }

    /// <summary>The AdditionalText instances given to the driver, when known.</summary>
    public ImmutableArray<AdditionalText> Texts { get; }

    /// <summary>The AdditionalText the driver holds for <paramref name="path"/>.</summary>
    public AdditionalText Text(string path) => Texts.Single(text => text.Path == path);

    public Compilation OutputCompilation { get; }

    /// <summary>Diagnostics of the driver itself, such as CS8785 when a generator throws.</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    public GeneratorRunResult Result { get; }

    /// <summary>Generated sources by hint name, in ordinal order.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>Diagnostics the generator reported.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>
    /// The line generated files turn nullable warnings off with, so that a build skips the compiler's nullable analysis of
    /// generated code (Contracts.Generator's <c>FileHeader.NullableWarningsOff</c>, written whole with its comment).
    /// </summary>
    public const string NullableWarningsOff = "#nullable disable warnings // Generated code is checked when it is tested, not on every build.";

    /// <summary>
    /// <see cref="OutputCompilation"/> with nullable warnings turned back on in the generated files (every
    /// <see cref="NullableWarningsOff"/> line becomes <c>#nullable enable warnings</c>): the analysis a build skips runs
    /// here, so every compile test still holds the generated code to zero nullable warnings.
    /// </summary>
    public Compilation CheckedCompilation => _checked ??= Check();

    private Compilation? _checked;

    private Compilation Check()
    {
        var compilation = OutputCompilation;
        foreach (var tree in OutputCompilation.SyntaxTrees.Except(InputCompilation.SyntaxTrees).ToList())
        {
            var text = tree.GetText().ToString();
            // A generated file that no longer says it turns warnings off would be checked with them off: fail instead.
            Assert.True(text.Contains(NullableWarningsOff, StringComparison.Ordinal), $"{tree.FilePath} does not contain the line '{NullableWarningsOff}'");
            var options = (CSharpParseOptions)tree.Options;
            compilation = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
                text.Replace(NullableWarningsOff, "#nullable enable warnings", StringComparison.Ordinal), options, tree.FilePath, tree.Encoding));
        }

        return compilation;
    }

    /// <summary>Warnings and errors of the compilation that includes the generated sources, nullable warnings on (<see cref="CheckedCompilation"/>).</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics =>
        CheckedCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>The source whose hint name contains <paramref name="fragment"/>; fails unless exactly one does.</summary>
    public string Source(string fragment)
    {
        var matches = Sources.Where(pair => pair.Key.Contains(fragment, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"Expected one generated file whose name contains '{fragment}', found: " + string.Join(", ", matches.Select(m => m.Key)) + ". All files: " + string.Join(", ", Sources.Keys));
        return matches[0].Value;
    }

    /// <summary>The generator did not throw (no exception, no CS8784/CS8785).</summary>
    public void AssertGeneratorDidNotThrow()
    {
        Assert.True(Result.Exception is null, "The generator threw: " + Result.Exception);
        var failures = DriverDiagnostics.Concat(GeneratorDiagnostics).Where(d => d.Id is "CS8784" or "CS8785").ToList();
        Assert.True(failures.Count == 0, "The generator failed:\n" + Format(failures));
    }

    /// <summary>The generator reported no warning or error.</summary>
    public void AssertNoGeneratorDiagnostics()
    {
        var reported = GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(reported.Count == 0, "The generator reported:\n" + Format(reported));
    }

    /// <summary>The generated code compiles with zero errors and zero warnings (nullable on, all warning waves).</summary>
    public void AssertCompilesCleanly()
    {
        AssertGeneratorDidNotThrow();
        Assert.NotEmpty(Sources);
        var problems = CompilationDiagnostics;
        Assert.True(problems.Length == 0, $"The generated code has {problems.Length} error(s)/warning(s):\n" + Format(problems));
    }

    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics.Take(40))
        {
            var span = diagnostic.Location.GetLineSpan();
            var where = diagnostic.Location == Location.None
                ? "(no location)"
                : string.Create(CultureInfo.InvariantCulture, $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})");
            text.Append(where).Append(": ").Append(diagnostic.Severity).Append(' ').Append(diagnostic.Id).Append(": ")
                .AppendLine(diagnostic.GetMessage(CultureInfo.InvariantCulture));
            if (diagnostic.Location.IsInSource)
            {
                var line = diagnostic.Location.SourceTree!.GetText().Lines[span.StartLinePosition.Line].ToString().Trim();
                text.Append("    > ").AppendLine(line);
            }
        }

        return text.ToString();
    }
}
