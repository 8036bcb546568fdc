using System;
using System.Collections.Immutable;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Documentation;

/// <summary>
/// The README's example is a program a user can paste: it compiles, as a console app with the SDK's implicit usings,
/// against the code generated from the spec it names, with the item metadata the README shows.
/// </summary>
public sealed class ReadmeExampleTests
{
    // What `dotnet new console` (ImplicitUsings=enable) gives every file.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public void The_readme_example_compiles_against_the_generated_client()
    {
        var readme = MarkdownDocument.Parse(DocumentationFiles.Read("README.md"));
        var example = Assert.Single(readme.CodeBlocks, block => block.Info == "csharp");
        var spec = SpecFile.Inline(
            "lightsail.yaml",
            DocumentationFiles.Read("spec/lightsail-bucket-access-keys.yaml"),
            "My.Lightsail",
            "LightsailClient");
        var compilation = GeneratorHarness.CreateCompilation(ImplicitUsings, example.Text);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts), compilation, texts);

        run.AssertGeneratorDidNotThrow();
        Assert.True(run.CompilationDiagnostics.IsEmpty, "The README's example does not compile cleanly:\n" + string.Join("\n", run.CompilationDiagnostics));
    }
}
