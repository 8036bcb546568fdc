using System;
using System.Collections.Immutable;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Documentation;

/// <summary>
/// docs/overrides.md's example is a program a user can paste: its description (the yaml block that is an OpenAPI
/// document) generates without a warning, and its C# (the user's Money type and the calls through the renamed names)
/// compiles against the generated client as a console app with the SDK's implicit usings.
/// </summary>
public sealed class OverridesExampleTests
{
    [Fact]
    public void The_example_generates_without_warnings_and_compiles_against_the_renamed_client()
    {
        var blocks = MarkdownDocument.Parse(DocumentationFiles.Read("docs/overrides.md")).CodeBlocks;
        var description = Assert.Single(blocks, block => block.Info == "yaml" && block.Text.StartsWith("openapi:", StringComparison.Ordinal));
        // The first C# block is the program; the GetUserTypeInfo one needs System.Text.Json's own source generator, which
        // tests/Contracts.IntegrationTests runs over the same code (OverridesClient/OverridesJsonContext.cs).
        var example = blocks.First(block => block.Info == "csharp");
        var spec = SpecFile.Inline("billing.yaml", description.Text, "My.Billing", "BillingClient");
        var compilation = GeneratorHarness.CreateCompilation(ConsoleProgram.ImplicitUsings, example.Text);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts), compilation, texts);

        run.AssertNoGeneratorDiagnostics();
        Assert.True(run.CompilationDiagnostics.IsEmpty, "docs/overrides.md's example does not compile cleanly:\n" + string.Join("\n", run.CompilationDiagnostics));
    }
}
