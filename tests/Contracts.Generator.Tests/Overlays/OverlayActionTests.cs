// The 3.x object model leaves absent parts null; these assertions read parts the overlay put there.
#nullable disable warnings
#pragma warning disable CS0618 // Example: the overlay writes the 3.0 keyword this test reads back.
using System;
using System.Linq;
using System.Threading;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Xunit;
using static Contracts.Generator.Tests.Overlays.OverlayHarness;

namespace Contracts.Generator.Tests.Overlays;

/// <summary>
/// The Overlay Specification's actions on the description, read back as the document the translator sees: update
/// (objects merge, arrays concatenate, values replace), remove, several matches, the order of actions and of overlays.
/// </summary>
public sealed class OverlayActionTests
{
    internal const string Pets = """
        openapi: 3.0.3
        info:
          title: Pets
          version: '1'
        servers:
          - url: https://pets.example.com
        paths:
          /pets:
            get:
              operationId: listPets
              parameters:
                - name: limit
                  in: query
                  schema: { type: integer }
                - name: debug
                  in: query
                  schema: { type: boolean }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { $ref: '#/components/schemas/Pet' }
            delete:
              operationId: deletePets
              responses:
                '204': { description: gone }
        components:
          schemas:
            Pet:
              type: object
              required: [id]
              properties:
                id: { type: integer, format: int64 }
                name: { type: string }
                tag: { type: string, default: none }
            Color:
              type: string
              enum: [red, blue]
            Owner:
              type: object
              properties:
                id: { type: integer }
        """;

    private static string Overlay(string actions) => """
        overlay: 1.0.0
        info:
          title: Test
          version: 1.0.0
        actions:

        """ + actions;

    [Fact]
    public void An_update_merges_into_an_object_recursively_and_keeps_what_it_does_not_name()
    {
        var (document, diagnostics) = Read(Pets, Overlay("""
              - target: $.components.schemas.Pet
                update:
                  description: A pet.
                  properties:
                    tag:
                      nullable: true
                    age: { type: integer }
            """));

        Assert.Empty(diagnostics);
        var pet = document!.Components.Schemas["Pet"];
        Assert.Equal("A pet.", pet.Description);
        Assert.Equal(["id", "name", "tag", "age"], pet.Properties.Keys);
        Assert.True(pet.Properties["tag"].Type!.Value.HasFlag(JsonSchemaType.Null));
        Assert.Equal(JsonSchemaType.String, pet.Properties["tag"].Type & ~JsonSchemaType.Null);
        Assert.Equal("none", pet.Properties["tag"].Default.GetValue<string>());
        Assert.Equal("int64", pet.Properties["id"].Format);
    }

    [Fact]
    public void An_update_replaces_a_value_the_object_has()
    {
        var (document, diagnostics) = Read(Pets, Overlay("""
              - target: $.info
                update: { title: Better pets }
              - target: $.components.schemas.Pet.properties.id
                update: { format: int32 }
            """));

        Assert.Empty(diagnostics);
        Assert.Equal("Better pets", document!.Info.Title);
        Assert.Equal("int32", document.Components.Schemas["Pet"].Properties["id"].Format);
    }

    [Fact]
    public void An_array_in_an_update_is_concatenated_to_the_array_the_description_has()
    {
        var (document, diagnostics) = Read(Pets, Overlay("""
              - target: $.components.schemas.Pet
                update:
                  required: [name]
              - target: $.components.schemas.Color
                update:
                  enum: [green]
            """));

        Assert.Empty(diagnostics);
        Assert.Equal(["id", "name"], document!.Components.Schemas["Pet"].Required.Order(StringComparer.Ordinal));
        Assert.Equal(["red", "blue", "green"], document.Components.Schemas["Color"].Enum.Select(v => v.GetValue<string>()));
    }

    [Fact]
    public void An_update_of_a_selected_array_appends_an_entry_or_concatenates_an_array()
    {
        var (document, diagnostics) = Read(Pets, Overlay("""
              - target: $.components.schemas.Color.enum
                update: green
              - target: $.components.schemas.Color.enum
                update: [black, white]
              - target: $.paths['/pets'].get.parameters
                update:
                  name: offset
                  in: query
                  schema: { type: integer }
            """));

        Assert.Empty(diagnostics);
        Assert.Equal(["red", "blue", "green", "black", "white"], document!.Components.Schemas["Color"].Enum.Select(v => v.GetValue<string>()));
        Assert.Equal(["limit", "debug", "offset"], document.Paths["/pets"].Operations[System.Net.Http.HttpMethod.Get].Parameters.Select(p => p.Name));
    }

    [Fact]
    public void A_selected_value_is_replaced_by_the_update()
    {
        var (document, diagnostics) = Read(Pets, Overlay("""
              - target: $.paths['/pets'].get.operationId
                update: findPets
            """));

        Assert.Empty(diagnostics);
        Assert.Equal("findPets", document!.Paths["/pets"].Operations[System.Net.Http.HttpMethod.Get].OperationId);
    }

    [Fact]
    public void Remove_takes_the_selected_nodes_out_of_their_objects_and_arrays()
    {
        var (document, diagnostics) = Read(Pets, Overlay("""
              - target: $.paths['/pets'].delete
                remove: true
              - target: $.paths['/pets'].get.parameters[1]
                remove: true
              - target: $.components.schemas.Pet.properties.tag
                remove: true
                update: { type: integer }
            """));

        Assert.Empty(diagnostics);
        var operations = document!.Paths["/pets"].Operations;
        Assert.Equal([System.Net.Http.HttpMethod.Get], operations.Keys);
        Assert.Equal(["limit"], operations[System.Net.Http.HttpMethod.Get].Parameters.Select(p => p.Name));
        Assert.Equal(["id", "name"], document.Components.Schemas["Pet"].Properties.Keys);
    }

    [Fact]
    public void A_filter_selects_array_entries_to_remove_or_to_merge_into_as_the_specification_s_examples_do()
    {
        var (document, diagnostics) = Read(Pets, Overlay("""
              - target: $.paths.*.get.parameters[?@.name == 'debug']
                remove: true
              - target: $.paths.*.get.parameters[?@.name == 'limit' && @.in == 'query']
                update:
                  description: At most this many.
                  schema: { maximum: 100 }
              - target: $.paths.*[?@.operationId == 'deletePets']
                update: { x-safe: false }
            """));

        Assert.Empty(diagnostics);
        var get = document!.Paths["/pets"].Operations[System.Net.Http.HttpMethod.Get];
        var limit = Assert.Single(get.Parameters);
        Assert.Equal("At most this many.", limit.Description);
        Assert.Equal("100", limit.Schema.Maximum);
        Assert.Equal(JsonSchemaType.Integer, limit.Schema.Type);
        Assert.False(((JsonNodeExtension)document.Paths["/pets"].Operations[System.Net.Http.HttpMethod.Delete].Extensions["x-safe"]).Node.GetValue<bool>());
    }

    [Fact]
    public void A_target_that_selects_several_nodes_changes_each_and_each_gets_its_own_copy()
    {
        var (document, diagnostics) = Read(Pets, Overlay("""
              - target: $.components.schemas.*.properties.id
                update: { description: The id. }
              - target: $.components.schemas.Owner.properties.id
                update: { description: The owner's id. }
            """));

        Assert.Empty(diagnostics);
        Assert.Equal("The id.", document!.Components.Schemas["Pet"].Properties["id"].Description);
        Assert.Equal("The owner's id.", document.Components.Schemas["Owner"].Properties["id"].Description);
    }

    [Fact]
    public void Each_action_applies_to_the_result_of_the_one_before()
    {
        // Removed, then created again with another type (the specification's own example of why order matters).
        var (document, diagnostics) = Read(Pets, Overlay("""
              - target: $.components.schemas.Pet.properties.tag
                remove: true
              - target: $.components.schemas.Pet.properties
                update:
                  tag: { type: integer }
            """));

        Assert.Empty(diagnostics);
        var tag = document!.Components.Schemas["Pet"].Properties["tag"];
        Assert.Equal(JsonSchemaType.Integer, tag.Type);
        Assert.Null(tag.Default);
    }

    [Fact]
    public void Overlays_apply_in_the_order_given_each_to_the_result_of_the_one_before()
    {
        var first = Overlay("""
              - target: $.info
                update: { title: First }
              - target: $.components.schemas.Color
                update: { enum: [green] }
            """);
        var second = Overlay("""
              - target: $.info
                update: { title: Second }
              - target: $.components.schemas.Color.enum
                update: [black]
            """);

        Assert.Equal("Second", Read(Pets, first, second).Document!.Info.Title);
        Assert.Equal("First", Read(Pets, second, first).Document!.Info.Title);
        Assert.Equal(["red", "blue", "green", "black"], Read(Pets, first, second).Document!.Components.Schemas["Color"].Enum.Select(v => v.GetValue<string>()));
        Assert.Equal(["red", "blue", "black", "green"], Read(Pets, second, first).Document!.Components.Schemas["Color"].Enum.Select(v => v.GetValue<string>()));
    }

    [Fact]
    public void Extensions_an_overlay_adds_reach_the_document_the_translator_reads()
    {
        var (document, diagnostics) = Read(Pets, Overlay("""
              - target: $.components.schemas.Pet
                update:
                  x-contracts-name: Animal
                  properties:
                    tag: { x-contracts-name: Label }
              - target: $.paths['/pets'].get
                update: { x-contracts-name: Find }
              - target: $.components.schemas.Color
                update:
                  x-contracts-enum-names: { red: Crimson, blue: Navy }
            """));

        Assert.Empty(diagnostics);
        var pet = document!.Components.Schemas["Pet"];
        Assert.Equal("Animal", ((JsonNodeExtension)pet.Extensions["x-contracts-name"]).Node.GetValue<string>());
        Assert.Equal("Label", ((JsonNodeExtension)pet.Properties["tag"].Extensions["x-contracts-name"]).Node.GetValue<string>());
        Assert.Equal("Find", ((JsonNodeExtension)document.Paths["/pets"].Operations[System.Net.Http.HttpMethod.Get].Extensions["x-contracts-name"]).Node.GetValue<string>());
        var names = (JsonObject)((JsonNodeExtension)document.Components.Schemas["Color"].Extensions["x-contracts-enum-names"]).Node;
        Assert.Equal("Navy", names["blue"].GetValue<string>());
    }

    [Fact]
    public void Values_keep_their_types_numbers_and_booleans_stay_numbers_and_booleans_and_quoted_text_stays_text()
    {
        var (document, diagnostics) = Read(Pets, Overlay("""
              - target: $.components.schemas.Owner.properties.id
                update: { default: 7, maximum: 100, example: '7' }
              - target: $.components.schemas.Pet.properties
                update:
                  alive: { type: boolean, default: true }
                  code: { type: string, example: 'true' }
            """));

        Assert.Empty(diagnostics);
        var id = document!.Components.Schemas["Owner"].Properties["id"];
        Assert.Equal(System.Text.Json.JsonValueKind.Number, id.Default.GetValueKind());
        Assert.Equal("7", id.Default.ToJsonString());
        Assert.Equal("100", id.Maximum);
        Assert.Equal("7", id.Example.GetValue<string>());
        Assert.True(document.Components.Schemas["Pet"].Properties["alive"].Default.GetValue<bool>());
        Assert.Equal("true", document.Components.Schemas["Pet"].Properties["code"].Example.GetValue<string>());
    }

    [Fact]
    public void A_json_spec_takes_a_json_overlay()
    {
        const string spec = """
            {"openapi": "3.0.3", "info": {"title": "Pets", "version": "1"}, "paths": {},
             "components": {"schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}}}
            """;
        const string overlay = """
            {"overlay": "1.0.0", "info": {"title": "JSON", "version": "1"},
             "actions": [{"target": "$.components.schemas.Pet.properties", "update": {"weight": {"type": "number", "description": "In \"kg\"\n"}}}]}
            """;

        var (document, diagnostics) = Read(spec, [("/specs/fix.json", overlay)]);

        Assert.Empty(diagnostics);
        Assert.Equal("In \"kg\"\n", document!.Components.Schemas["Pet"].Properties["weight"].Description);
    }

    [Fact]
    public void A_spec_with_an_overlay_honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Read(Pets, [("/specs/o.yaml", Overlay("""
              - target: $.info
                update: { title: X }
            """))], cancelled.Token));
    }
}
