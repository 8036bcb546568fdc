using System;
using System.Collections.Immutable;
using System.Linq;
using Contracts.Generator.Tests.Documentation;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Hierarchies;

/// <summary>docs/hierarchies.md's example: its spec generates the records the page shows, and its program compiles against them.</summary>
public sealed class HierarchyDocumentationTests
{
    [Fact]
    public void The_example_program_compiles_against_the_client_of_the_example_spec()
    {
        var page = MarkdownDocument.Parse(DocumentationFiles.Read("docs/hierarchies.md"));
        var spec = SpecFile.Inline("pets.yaml", page.CodeBlocks.First(block => block.Info == "yaml").Text, "Pets", "PetsClient");
        var program = page.CodeBlocks.Where(block => block.Info == "csharp").ElementAt(1).Text;
        var compilation = GeneratorHarness.CreateCompilation(ConsoleProgram.ImplicitUsings, program);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts), compilation, texts);

        run.AssertGeneratorDidNotThrow();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationDiagnostics.IsEmpty, "The example does not compile cleanly:\n" + string.Join("\n", run.CompilationDiagnostics));
        Assert.Contains("public sealed partial record Cat : Pet", run.TypeSource("Cat"), StringComparison.Ordinal);
        Assert.Contains("public partial record Pet", run.TypeSource("Pet"), StringComparison.Ordinal);
    }
}
