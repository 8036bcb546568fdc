using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Contracts.Generator.Configuration;
using Contracts.Generator.Documentation;
using Contracts.Generator.Model;
using Contracts.Generator.Pipeline;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

// The folder is SpecEdits; the namespace is not, since Infrastructure/SpecEdits is a class the other tests name.
namespace Contracts.Generator.Tests.SpecEditing;

/// <summary>Runs a spec through the text as it is and through the documentation split, and compares what each gives.</summary>
internal static class SplitRuns
{
    public static readonly CompilationFacts Facts = new(HasRuntime: true, HasHttpClientFactory: true, HasConfiguration: true, HasDateOnly: true);

    /// <summary>The large descriptions the repository holds, by path under <c>spec/</c>.</summary>
    public static SpecFile Repository(string path, string clientName) =>
        SpecFile.Inline(Path.GetFileName(path), File.ReadAllText(RepositoryPaths.Combine("spec", path)), "Contracts.Tests.SpecEdits", clientName);

    public static (IReadOnlyList<(string HintName, string Text)> Sources, IReadOnlyList<Diagnostic> Diagnostics) Generate(SpecFile spec, bool split) =>
        DirectGeneration.Run(spec.ToAdditionalText(), [], GeneratorHarness.CreateOptions([spec]), Facts, default, split);

    /// <summary>The documentation the split takes out of <paramref name="spec"/>.</summary>
    public static DocumentationTable Documentation(SpecFile spec) =>
        DocumentationSplitter.Split(new SpecInput(spec.Path, spec.Text, new GeneratorOptions(null, null, null, null, IsMarked: true)), default).Documentation;

    /// <summary>Files byte for byte, diagnostics by id, message, span, line and column, in order; no placeholder left anywhere.</summary>
    public static void AssertIdentical(SpecFile spec)
    {
        var fresh = Generate(spec, split: false);
        var split = Generate(spec, split: true);

        Assert.Equal(fresh.Sources.Select(s => s.HintName), split.Sources.Select(s => s.HintName));
        foreach (var ((name, expected), (_, actual)) in fresh.Sources.Zip(split.Sources))
        {
            if (expected != actual)
            {
                Assert.Fail($"{name} differs from the fresh run at {FirstDifference(expected, actual)}");
            }
        }

        Assert.Equal(Describe(fresh.Diagnostics), Describe(split.Diagnostics));
        Assert.DoesNotContain(split.Sources, s => s.Text.IndexOf(DocumentationTable.PlaceholderStart) >= 0);
    }

    public static IReadOnlyList<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return string.Join(" | ", d.Id, d.GetMessage(CultureInfo.InvariantCulture), d.Location.SourceSpan.ToString(),
                span.Path, span.StartLinePosition.ToString(), span.EndLinePosition.ToString());
        }).ToList();

    public static string FirstDifference(string expected, string actual)
    {
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
        {
            i++;
        }

        string Around(string text) => text.Substring(Math.Max(0, i - 80), Math.Min(text.Length, i + 120) - Math.Max(0, i - 80));
        return $"offset {i}:\n--- fresh\n{Around(expected)}\n--- split\n{Around(actual)}";
    }
}
