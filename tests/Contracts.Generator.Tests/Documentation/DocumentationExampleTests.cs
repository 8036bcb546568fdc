using System;
using System.Collections.Immutable;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Documentation;

/// <summary>
/// The examples that call the client of spec/lightsail-bucket-access-keys.yaml are programs a user can paste: each
/// compiles, as a console app with the SDK's implicit usings, against the code generated from that spec with the item
/// metadata the docs show (<c>Namespace="My.Lightsail" ClientName="LightsailClient"</c>).
/// </summary>
public sealed class DocumentationExampleTests
{
    [Theory]
    [InlineData("README.md", 0)]
    [InlineData("docs/getting-started.md", 0)]
    [InlineData("docs/generated-code.md", 0)]
    [InlineData("docs/dotnet-framework.md", 0)]
    public void The_example_compiles_against_the_generated_client(string file, int index)
    {
        var examples = MarkdownDocument.Parse(DocumentationFiles.Read(file)).CodeBlocks.Where(block => block.Info == "csharp").ToList();
        Assert.True(examples.Count > index, $"{file} has {examples.Count} C# examples.");
        var example = examples[index];
        var spec = SpecFile.Inline(
            "lightsail.yaml",
            DocumentationFiles.Read("spec/lightsail-bucket-access-keys.yaml"),
            "My.Lightsail",
            "LightsailClient");
        var compilation = GeneratorHarness.CreateCompilation(ConsoleProgram.ImplicitUsings, example.Text);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts), compilation, texts);

        run.AssertGeneratorDidNotThrow();
        Assert.True(run.CompilationDiagnostics.IsEmpty, $"The C# example #{index} of {file} does not compile cleanly:\n" + string.Join("\n", run.CompilationDiagnostics));
    }
}
