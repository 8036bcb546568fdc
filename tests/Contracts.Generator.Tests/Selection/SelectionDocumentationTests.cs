using System;
using System.Collections.Immutable;
using System.Linq;
using System.Xml.Linq;
using Contracts.Generator.Tests.Documentation;
using Microsoft.CodeAnalysis;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Selection;

/// <summary>docs/selection.md's example: its item's filters keep what the page says, and its program compiles against what is kept.</summary>
public sealed class SelectionDocumentationTests
{
    [Fact]
    public void The_example_item_keeps_what_the_page_says_and_its_program_compiles()
    {
        var page = MarkdownDocument.Parse(DocumentationFiles.Read("docs/selection.md"));
        var item = XElement.Parse(page.CodeBlocks.Single(b => b.Info == "xml" && b.Text.Contains("pets.yaml", StringComparison.Ordinal)).Text.Trim());
        var spec = SpecFile.Inline("pets.yaml", page.CodeBlocks.Single(b => b.Info == "yaml").Text, (string?)item.Attribute("Namespace"), (string?)item.Attribute("ClientName"));
        foreach (var attribute in item.Attributes().Where(a => a.Name.LocalName is not ("Include" or "Namespace" or "ClientName")))
        {
            spec = spec.WithMetadata("Contracts" + attribute.Name.LocalName, attribute.Value);
        }

        var compilation = GeneratorHarness.CreateCompilation(ConsoleProgram.ImplicitUsings, page.CodeBlocks.Single(b => b.Info == "csharp").Text);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts), compilation, texts);

        run.AssertGeneratorDidNotThrow();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationDiagnostics.IsEmpty, "The example does not compile cleanly:\n" + string.Join("\n", run.CompilationDiagnostics));
        var client = run.OutputCompilation.GetTypeByMetadataName("My.Pets.IPetsClient")!;
        Assert.Equal(["GetPetAsync", "GetPetWithResponseAsync"], client.GetMembers().Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("My.Pets.Owner"));
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("My.Pets.Store"));
    }
}
