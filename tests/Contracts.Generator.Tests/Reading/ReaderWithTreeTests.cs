using Contracts.Generator.Reading;
using Contracts.Generator.Reading.Downgrade;
using Microsoft.OpenApi.Readers;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// The generator reaches into Microsoft.OpenApi.Readers (by reflection) to keep the YAML tree the reader builds. If a
/// reader update moves those members, reading falls back to parsing twice, correct but slower: these tests say so
/// loudly instead.
/// </summary>
public sealed class ReaderWithTreeTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: T, version: '1' }
        paths: {}
        components:
          schemas:
            Bag:
              type: object
              additionalProperties: true
        """;

    [Fact]
    public void The_readers_internals_it_calls_are_there()
    {
        Assert.True(ReaderWithTree.IsAvailable, "Microsoft.OpenApi.Readers no longer has LoadYamlDocument / OpenApiYamlDocumentReader.Read as 1.6.31 does.");
    }

    [Fact]
    public void It_reads_the_same_document_as_the_public_reader_and_keeps_the_tree()
    {
        var settings = new OpenApiReaderSettings();

        Assert.True(ReaderWithTree.TryRead(Spec, settings, out var document, out var diagnostic, out var tree));
        var expected = new OpenApiStringReader(settings).Read(Spec, out var expectedDiagnostic);

        Assert.Equal(expectedDiagnostic.Errors.Count, diagnostic.Errors.Count);
        Assert.Equal(expected.Components.Schemas.Keys, document.Components.Schemas.Keys);
        Assert.NotNull(tree);
        var components = (YamlMappingNode)((YamlMappingNode)tree!).Get("components")!;
        var bag = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)components.Get("schemas")!).Get("Bag")!);
        Assert.Equal("true", ((YamlScalarNode)bag.Get("additionalProperties")!).Value);
    }

    [Fact]
    public void A_yaml_error_is_reported_as_the_public_reader_reports_it()
    {
        const string Broken = "openapi: 3.0.3\ninfo: [unclosed\n";
        var settings = new OpenApiReaderSettings();

        Assert.True(ReaderWithTree.TryRead(Broken, settings, out _, out var diagnostic, out var tree));
        new OpenApiStringReader(settings).Read(Broken, out var expected);

        Assert.Null(tree);
        Assert.Equal(expected.Errors.Count, diagnostic.Errors.Count);
        Assert.Equal(expected.Errors[0].Pointer, diagnostic.Errors[0].Pointer);
        Assert.Equal(expected.Errors[0].Message, diagnostic.Errors[0].Message);
    }
}
