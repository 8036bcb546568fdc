using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Reading;
using Contracts.Generator.Translation;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi;
using Xunit;

namespace Contracts.Generator.Tests.Translation;

/// <summary>
/// The collaborators of the translation, driven directly on hand-built documents: the type registry's names and budget,
/// and the order the schema translator enforces (components named first, nothing resolved after the records are built).
/// </summary>
public sealed class TranslatorCollaborationTests
{
    private static readonly EmitTarget Target = new("Demo", "DemoClient", "IDemoClient", "DemoClientOptions", "DemoJsonContext", "DemoClientServiceCollectionExtensions", "public", "1.0.0.0");

    [Fact]
    public void The_registry_never_hands_out_a_name_of_the_generated_surface_or_one_it_gave_before()
    {
        var registry = new TypeRegistry(Target);

        Assert.Equal("DemoClient2", registry.Claim("DemoClient"));
        Assert.Equal("Equals2", registry.Claim("Equals"));
        Assert.Equal("Pet", registry.Claim("Pet"));
        Assert.Equal("pet2", registry.Claim("pet"));
    }

    [Fact]
    public void The_registry_abandons_the_document_when_the_types_cross_the_limit()
    {
        var registry = new TypeRegistry(Target);
        for (var i = 0; i < Limits.MaxGeneratedTypes; i++)
        {
            registry.SpendType(0, "#/components/schemas/A");
        }

        var exception = Assert.Throws<LimitExceededException>(() => registry.SpendType(0, "#/components/schemas/B"));
        Assert.Equal("#/components/schemas/B", exception.Pointer);
    }

    [Fact]
    public void A_component_keeps_its_name_against_an_inline_schema_met_before_it()
    {
        // "Owner" (ordinal order) has an inline object "pet" that would be named OwnerPet; the component OwnerPet is named first.
        var document = Document(new Dictionary<string, IOpenApiSchema>
        {
            ["Owner"] = Object(("pet", Object(("name", new OpenApiSchema { Type = JsonSchemaType.String })))),
            ["OwnerPet"] = Object(("id", new OpenApiSchema { Type = JsonSchemaType.Integer })),
        });
        var schemas = Start(document, out _);

        var records = schemas.Finish();

        Assert.Equal(new[] { "Owner", "OwnerPet", "OwnerPet2" }, records.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("OwnerPet2", records.Single(r => r.Name == "Owner").Properties.Single().Type.Name);
    }

    [Fact]
    public void Nothing_is_resolved_after_the_records_are_built()
    {
        var document = Document(new Dictionary<string, IOpenApiSchema> { ["Pet"] = Object(("name", new OpenApiSchema { Type = JsonSchemaType.String })) });
        var schemas = Start(document, out _);
        schemas.Finish();

        Assert.Throws<InvalidOperationException>(() => schemas.Resolve(Object(("late", new OpenApiSchema { Type = JsonSchemaType.String })), "#/paths", "Late"));
    }

    [Fact]
    public void Enums_and_unions_go_to_the_collaborators_that_own_them()
    {
        var document = Document(new Dictionary<string, IOpenApiSchema>
        {
            ["Color"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = new List<System.Text.Json.Nodes.JsonNode> { "red", "blue" } },
            ["IdOrName"] = new OpenApiSchema { OneOf = new List<IOpenApiSchema> { new OpenApiSchema { Type = JsonSchemaType.Integer }, new OpenApiSchema { Type = JsonSchemaType.String } } },
        });
        var schemas = Start(document, out var diagnostics);
        schemas.Finish();

        Assert.Equal("Color", schemas.Enums.Enums.Single().Name);
        Assert.Equal(new[] { "red", "blue" }, schemas.Enums.Enums.Single().Members.Select(m => m.JsonValue));
        Assert.Equal("IdOrName", schemas.Unions.Unions.Single().Name);
        Assert.True(schemas.Unions.IsScalar("IdOrName"));
        Assert.Equal(("IdOrName", "#/components/schemas/IdOrName"), schemas.Unions.Declarations.Single());
        Assert.Empty(diagnostics.ToInfos(new SourceLocator("/demo.yaml", SourceText.From(string.Empty))));
    }

    private static SchemaTranslator Start(OpenApiDocument document, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        var facts = new DocumentFacts(new SourceLocator("/demo.yaml", SourceText.From(string.Empty)));
        return SchemaTranslator.WithComponents(document, Target, new TypeRegistry(Target), diagnostics, facts, hasDateOnly: true, aws: null, CancellationToken.None);
    }

    private static OpenApiDocument Document(IDictionary<string, IOpenApiSchema> schemas) =>
        new() { Components = new OpenApiComponents { Schemas = schemas }, Paths = new OpenApiPaths() };

    private static OpenApiSchema Object(params (string Name, OpenApiSchema Schema)[] properties) =>
        new() { Type = JsonSchemaType.Object, Properties = properties.ToDictionary(p => p.Name, p => (IOpenApiSchema)p.Schema) };
}
