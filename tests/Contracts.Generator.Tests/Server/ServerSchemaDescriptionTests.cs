using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Contracts.Generator.Tests.Server;

/// <summary>
/// The generated types' schemas a server carries for the application's own OpenAPI document (docs/server.md): only when
/// the project references Contracts.Runtime.AspNetCore.OpenApi, one JSON schema per record, enum and union, its text
/// escaped once as JSON and once as a C# literal.
/// </summary>
public sealed class ServerSchemaDescriptionTests
{
    /// <summary>The generator looks for the library by assembly name only, so an empty assembly of that name stands for it.</summary>
    private static readonly Lazy<MetadataReference> s_openApi = new(() =>
        CSharpCompilation.Create("Contracts.Runtime.AspNetCore.OpenApi", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .ToMetadataReference());

    private const string Hostile = """
        openapi: 3.0.3
        info: {title: Hostile, version: '1'}
        paths:
          /things:
            post:
              operationId: makeThing
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Thing'}
              responses:
                '200':
                  description: Made.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Shape'}
          /animals:
            get:
              operationId: getAnimal
              responses:
                '200':
                  description: An animal.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Animal'}
        components:
          schemas:
            Thing:
              type: object
              description: "Says \"hi\" \\ then */ and \"\"\" and a\nnew line"
              required: [na"me]
              properties:
                na"me: {type: string, description: "back\\slash"}
                tags: {type: array, items: {type: string, nullable: true}}
                extra: {type: object, additionalProperties: {type: integer}}
                kind: {$ref: '#/components/schemas/Kind'}
                when: {type: string, format: date-time, nullable: true}
            Kind:
              type: string
              enum: [a"b, c\d]
            Circle:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
                radius: {type: number}
            Square:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
                side: {type: number}
            Animal:
              type: object
              required: [type]
              properties:
                type: {type: string}
                name: {type: string}
              discriminator:
                propertyName: type
                mapping: {dog: '#/components/schemas/Dog'}
            Dog:
              allOf:
                - {$ref: '#/components/schemas/Animal'}
                - type: object
                  properties:
                    barks: {type: boolean, readOnly: true}
            Shape:
              oneOf:
                - {$ref: '#/components/schemas/Circle'}
                - {$ref: '#/components/schemas/Square'}
              discriminator:
                propertyName: kind
                mapping: {circle: '#/components/schemas/Circle', square: '#/components/schemas/Square'}
        """;

    private static SpecFile Spec() => SpecFile.Inline("hostile.yaml", Hostile, "Contracts.Tests.Described", "DescribedClient").WithMetadata("ContractsGenerate", "Server");

    [Fact]
    public void With_the_OpenAPI_library_each_generated_type_carries_its_schema_and_the_group_its_schemas()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All.Append(s_openApi.Value), Spec());

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesCleanly();
        var server = run.Source("Server");
        Assert.Contains("WithMetadata(group, DescribeSchemas());", server, StringComparison.Ordinal);

        var schemas = Schemas(server);
        Assert.Equal(["Animal", "Circle", "Dog", "Kind", "Shape", "Square", "Thing"], schemas.Keys.Order(StringComparer.Ordinal));

        // The spec's text survives both escapes as it was.
        var thing = schemas["Thing"].RootElement;
        Assert.Equal("Says \"hi\" \\ then */ and \"\"\" and a\nnew line", thing.GetProperty("description").GetString());
        Assert.Equal("na\"me", thing.GetProperty("required")[0].GetString());
        var properties = thing.GetProperty("properties");
        Assert.Equal("back\\slash", properties.GetProperty("na\"me").GetProperty("description").GetString());
        Assert.Equal("""{"type":"array","items":{"type":["string","null"]}}""", properties.GetProperty("tags").GetRawText());
        Assert.Equal("""{"type":"object","additionalProperties":{"type":"integer","format":"int64"}}""", properties.GetProperty("extra").GetRawText());
        Assert.Equal("""{"$ref":"#/components/schemas/Kind"}""", properties.GetProperty("kind").GetRawText());
        Assert.Equal("""{"type":["string","null"],"format":"date-time"}""", properties.GetProperty("when").GetRawText());
        Assert.Equal("""["a\"b","c\\d"]""", schemas["Kind"].RootElement.GetProperty("enum").GetRawText());

        // A derived record: its base by reference, its own members beside it; the base names its derived records.
        Assert.Equal("""{"allOf":[{"$ref":"#/components/schemas/Animal"},{"type":"object","properties":{"barks":{"type":"boolean","readOnly":true}}}]}""", schemas["Dog"].RootElement.GetRawText());
        var animal = schemas["Animal"].RootElement;
        Assert.Equal("""{"propertyName":"type","mapping":{"dog":"#/components/schemas/Dog"}}""", animal.GetProperty("discriminator").GetRawText());

        var shape = schemas["Shape"].RootElement;
        Assert.Equal("""[{"$ref":"#/components/schemas/Circle"},{"$ref":"#/components/schemas/Square"}]""", shape.GetProperty("oneOf").GetRawText());
        Assert.Equal("kind", shape.GetProperty("discriminator").GetProperty("propertyName").GetString());
        Assert.Equal("#/components/schemas/Circle", shape.GetProperty("discriminator").GetProperty("mapping").GetProperty("circle").GetString());
    }

    [Fact]
    public void Without_the_OpenAPI_library_the_server_carries_no_schemas()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, Spec());

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesCleanly();
        var server = run.Source("Server");
        Assert.DoesNotContain("DescribeSchemas", server, StringComparison.Ordinal);
        Assert.DoesNotContain("ContractSchema", server, StringComparison.Ordinal);
    }

    /// <summary>Each <c>new ContractSchema(typeof(T), "Name", "json")</c> of the generated server: the name and the parsed JSON (the C# literal read by the compiler).</summary>
    private static Dictionary<string, JsonDocument> Schemas(string server) =>
        CSharpSyntaxTree.ParseText(server).GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>()
            .Where(n => n.Type.ToString().EndsWith(".ContractSchema", StringComparison.Ordinal))
            .ToDictionary(
                n => ((LiteralExpressionSyntax)n.ArgumentList!.Arguments[1].Expression).Token.ValueText,
                n => JsonDocument.Parse(((LiteralExpressionSyntax)n.ArgumentList!.Arguments[2].Expression).Token.ValueText),
                StringComparer.Ordinal);
}
