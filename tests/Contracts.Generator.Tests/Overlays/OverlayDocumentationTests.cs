using System;
using System.IO;
using System.Linq;
using Contracts.Generator.Tests.Documentation;
using Microsoft.OpenApi;
using Xunit;
using static Contracts.Generator.Tests.Overlays.OverlayHarness;

namespace Contracts.Generator.Tests.Overlays;

/// <summary>The overlays docs/overlays.md shows do what the page says.</summary>
public sealed class OverlayDocumentationTests
{
    private static readonly MarkdownDocument Page = MarkdownDocument.Parse(DocumentationFiles.Read("docs/overlays.md"));

    [Fact]
    public void The_first_example_applies_to_a_pets_description_as_the_page_says()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Pets, version: '1' }
            paths:
              /pets:
                get:
                  operationId: getAllPets
                  responses: { '200': { description: ok } }
              /pets/{id}:
                get:
                  operationId: getPet
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses: { '200': { description: ok } }
                delete:
                  operationId: deletePet
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses: { '204': { description: gone } }
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    tag: { type: string }
            """;
        var overlay = Page.CodeBlocks.First(block => block.Info == "yaml" && block.Text.Contains("Fixes for the Pets API", StringComparison.Ordinal));

        var (document, diagnostics) = Read(Spec, overlay.Text);

        Assert.Empty(diagnostics);
        Assert.True(document!.Components!.Schemas!["Pet"].Properties!["tag"].Type!.Value.HasFlag(JsonSchemaType.Null));
        Assert.Equal("listPets", document.Paths["/pets"].Operations![System.Net.Http.HttpMethod.Get].OperationId);
        Assert.Equal([System.Net.Http.HttpMethod.Get], document.Paths["/pets/{id}"].Operations!.Keys);
    }

    [Fact]
    public void The_worked_example_shows_the_overlay_the_repository_holds()
    {
        var shown = Page.CodeBlocks.Single(block => block.Info == "yaml" && block.Text.Contains("GitHub REST 1.1.4", StringComparison.Ordinal));
        var file = File.ReadAllLines(RepositoryPaths.Combine("samples", "overlays", "github-fixes.yaml"))
            .Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'));

        Assert.Equal(string.Join("\n", file), shown.Text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
    }
}
