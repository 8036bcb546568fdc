using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// The 3.1 schemas given the form translation reads, on the tree the reader reads (<see cref="OpenApi31Schemas"/>): a 3.1
/// input tree against the expected tree (compared with keys sorted), and hostile inputs through the whole reading.
/// </summary>
public sealed class OpenApi31SchemasTests
{
    [Theory]
    [InlineData("{type: [string, 'null']}", "{type: [string, 'null']}")]
    [InlineData("{type: [string, string]}", "{type: string}")]
    [InlineData("{type: ['null']}", "{x-nullable: true}")]
    [InlineData("{type: 'null'}", "{x-nullable: true}")]
    [InlineData("{type: string, nullable: true}", "{type: [string, 'null']}")]
    [InlineData(
        "{type: [string, integer, 'null'], maxLength: 3, minimum: 1, description: d}",
        "{description: d, x-nullable: true, oneOf: [{type: string, maxLength: 3}, {type: integer, minimum: 1}]}")]
    [InlineData("{const: dog}", "{enum: [dog]}")]
    [InlineData("{type: string, examples: [a, b]}", "{type: string, examples: [a, b]}")]
    [InlineData("{type: integer, exclusiveMinimum: 0, exclusiveMaximum: 10}", "{type: integer, exclusiveMinimum: 0, exclusiveMaximum: 10}")]
    [InlineData("{type: integer, minimum: 5, exclusiveMinimum: 0}", "{type: integer, minimum: 5}")]
    [InlineData("{type: integer, minimum: 0, exclusiveMinimum: 0}", "{type: integer, exclusiveMinimum: 0}")]
    [InlineData("{$ref: '#/components/schemas/B', description: d}", "{description: d, allOf: [{$ref: '#/components/schemas/B'}]}")]
    [InlineData("{anyOf: [{$ref: '#/components/schemas/B'}, {type: 'null'}]}", "{x-nullable: true, allOf: [{$ref: '#/components/schemas/B'}]}")]
    [InlineData("{oneOf: [{type: string, maxLength: 2}, {type: 'null'}], description: d}", "{description: d, type: [string, 'null'], maxLength: 2}")]
    [InlineData("{anyOf: [{type: string}, {type: integer}, {type: 'null'}]}", "{x-nullable: true, anyOf: [{type: string}, {type: integer}]}")]
    [InlineData("{type: array, prefixItems: [{type: number}, {type: number, description: y}], items: false}", "{type: array, items: {type: number}}")]
    [InlineData("{type: string, contentEncoding: base64}", "{type: string, format: byte}")]
    [InlineData("{type: string, contentMediaType: image/png}", "{type: string, format: binary}")]
    [InlineData("{type: string, contentMediaType: application/json}", "{type: string}")]
    [InlineData("{type: object, $schema: s, $id: i, $comment: c, $anchor: a, properties: {p: {type: [integer, 'null']}}}", "{type: object, properties: {p: {type: [integer, 'null']}}}")]
    [InlineData("{type: object, properties: {p: {type: string, example: {type: [a, b]}}}}", "{type: object, properties: {p: {type: string, example: {type: [a, b]}}}}")]
    public void A_schema_is_given_its_30_form(string schema, string expected)
    {
        var (output, diagnostics) = Rewrite(Document("A: " + schema));

        Assert.Equal(Canonical(Parse(expected)), Canonical(SchemaOf(output, "A")));
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("{type: array, prefixItems: [{type: string}, {type: integer}]}", "{type: array, items: {}}", "prefixItems (a tuple of different item types)", 6)]
    [InlineData("{if: {required: [a]}, then: {required: [b]}, else: {required: [c]}, type: object}", "{type: object}", "if/then/else", 6)]
    [InlineData("{type: object, patternProperties: {'^x': {type: string}}}", "{type: object}", "patternProperties", 6)]
    [InlineData("{type: object, dependentRequired: {a: [b]}}", "{type: object}", "dependentRequired", 6)]
    [InlineData("{type: object, unevaluatedProperties: false}", "{type: object}", "unevaluatedProperties", 6)]
    public void An_unsupported_construct_is_dropped_with_one_CTR105_naming_it(string schema, string expected, string construct, int line)
    {
        var (output, diagnostics) = Rewrite(Document("A: " + schema));

        Assert.Equal(Canonical(Parse(expected)), Canonical(SchemaOf(output, "A")));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CTR105", diagnostic.Id);
        Assert.Equal(construct, diagnostic.Arguments[0]);
        Assert.Equal(line - 1, diagnostic.Location!.StartLine);
    }

    [Fact]
    public void A_member_the_31_reader_keeps_aside_silently_is_reported_with_CTR005_at_its_line()
    {
        var (output, diagnostics) = Rewrite(Document("A: {type: array, items: {type: string}, min_items: 1, x-note: n}"));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("CTR005", 5, "#/components/schemas/A", "min_items is not a valid property"), (diagnostic.Id, diagnostic.Location!.StartLine, diagnostic.Arguments[0], diagnostic.Arguments[1]));
        Assert.True(((JsonObject)SchemaOf(output, "A")).ContainsKey("min_items"));
    }

    [Fact]
    public void Webhooks_are_dropped_with_CTR105_and_the_other_document_members_of_31_left_to_the_reader()
    {
        const string Text = """
            openapi: 3.1.1
            jsonSchemaDialect: https://example.com/dialect
            info: {title: T, version: '1', summary: S, license: {name: MIT, identifier: MIT}}
            paths: {}
            webhooks: {hook: {post: {responses: {'200': {description: ok}}}}}
            """;

        var (output, diagnostics) = Rewrite(Text);

        Assert.Equal(
            Canonical(Parse("{openapi: 3.1.1, jsonSchemaDialect: 'https://example.com/dialect', info: {title: T, version: '1', summary: S, license: {name: MIT, identifier: MIT}}, paths: {}}")),
            Canonical(output));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("CTR105", "webhooks", 4), (diagnostic.Id, diagnostic.Arguments[0], diagnostic.Location!.StartLine));
    }

    [Fact]
    public void A_document_without_paths_is_read_as_31_reads_it()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("nopaths.yaml", "openapi: 3.1.0\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://t.example.com'}]\ncomponents: {schemas: {A: {type: object, properties: {b: {type: string}}}}}\n", "NoPaths.Api", "NoPathsClient"));

        run.AssertNoGeneratorDiagnostics();
        Assert.Contains("public string? B { get; init; }", run.TypeSource("A"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{type: integer, minimum: 1, exclusiveMinimum: 3}", """{"v":3}""", "v: must be greater than 3")]
    [InlineData("{type: integer, minimum: 3, exclusiveMinimum: 3}", """{"v":3}""", "v: must be greater than 3")]
    [InlineData("{type: integer, maximum: 9, exclusiveMaximum: 5}", """{"v":5}""", "v: must be less than 5")]
    [InlineData("{type: integer, maximum: 4, exclusiveMaximum: 5}", """{"v":5}""", "v: must be at most 4")]
    [InlineData("{type: integer, minimum: 5, exclusiveMinimum: 0}", """{"v":4}""", "v: must be at least 5")]
    public void The_stricter_of_an_inclusive_and_a_numeric_exclusive_bound_is_checked(string schema, string json, string expected)
    {
        var spec = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://t.example.com'}]\npaths: {}\ncomponents: {schemas: {R: {type: object, properties: {v: " + schema + "}}}}\n";
        var run = GeneratorHarness.Run(SpecFile.Inline("bounds.yaml", spec, "Bounds.Api", "BoundsClient").ReadAndWritten());
        run.AssertNoGeneratorDiagnostics();
        using var output = LoadedOutput.Load(run);

        var range = output.Deserialize("Bounds.Api.BoundsJsonContext", "R", json)!;
        var errors = (System.Collections.Generic.IReadOnlyList<Contracts.Runtime.Validation.ValidationError>)range.GetType().GetMethod("Validate")!.Invoke(range, null)!;

        Assert.Equal(expected, Assert.Single(errors).ToString());
    }

    [Fact]
    public void Defs_are_hoisted_under_stable_collision_free_names_and_references_follow()
    {
        const string Text = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Pet_Color: {type: integer}
                Pet:
                  type: object
                  properties:
                    color: {$ref: '#/components/schemas/Pet/$defs/Color'}
                    size: {$ref: '#/$defs/Size'}
                    inner: {$ref: '#/components/schemas/Pet/$defs/Color/$defs/Shade'}
                  $defs:
                    Color:
                      type: object
                      properties: {shade: {$ref: '#/components/schemas/Pet/$defs/Color/$defs/Shade'}}
                      $defs:
                        Shade: {type: [string, 'null']}
            $defs:
              Size: {type: string}
            """;

        var (output, diagnostics) = Rewrite(Text);

        Assert.Empty(diagnostics);
        var schemas = (JsonObject)Member(Member(output, "components"), "schemas");
        Assert.Equal(["Pet_Color", "Pet", "Pet_Color_2", "Pet_Color_2_Shade", "Size"], schemas.Select(e => e.Key));
        Assert.Equal(
            Canonical(Parse("""
                {type: object, properties: {
                  color: {$ref: '#/components/schemas/Pet_Color_2'},
                  size: {$ref: '#/components/schemas/Size'},
                  inner: {$ref: '#/components/schemas/Pet_Color_2_Shade'}}}
                """)),
            Canonical(Member(schemas, "Pet")));
        Assert.Equal(Canonical(Parse("{type: object, properties: {shade: {$ref: '#/components/schemas/Pet_Color_2_Shade'}}}")), Canonical(Member(schemas, "Pet_Color_2")));
        Assert.Equal(Canonical(Parse("{type: [string, 'null']}")), Canonical(Member(schemas, "Pet_Color_2_Shade")));
        Assert.False(output.ContainsKey("$defs"));
    }

    [Fact]
    public void What_the_model_drops_is_read_from_the_file_where_a_definition_or_a_nullable_member_was_moved_from()
    {
        // additionalProperties: true reads as no keyword; the facts answer it from the file, which has it under $defs and anyOf.
        const string Spec = """
            openapi: 3.1.0
            info: {title: Facts, version: '1'}
            servers: [{url: 'https://facts.example.com'}]
            paths: {}
            components:
              schemas:
                Tree:
                  type: object
                  properties:
                    bag: {$ref: '#/components/schemas/Tree/$defs/Bag'}
                    meta:
                      anyOf:
                        - {type: object, properties: {k: {type: string}}, additionalProperties: true}
                        - {type: 'null'}
                  $defs:
                    Bag:
                      type: object
                      properties: {name: {type: string}}
                      additionalProperties: true
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("facts.yaml", Spec, "Facts.Api", "FactsClient"));

        run.AssertNoGeneratorDiagnostics();
        Assert.Contains("AdditionalProperties { get; init; }", run.TypeSource("TreeBag"), StringComparison.Ordinal);
        Assert.Contains("AdditionalProperties { get; init; }", run.TypeSource("TreeMeta"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_31_document_is_read_like_a_yaml_one()
    {
        const string Text = """{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}, "components": {"schemas": {"A": {"type": ["integer", "null"], "default": 5, "description": "a: b, [c] # d"}}}}""";

        var (output, _) = Rewrite(Text);

        Assert.Equal(Canonical(Parse("{type: [integer, 'null'], default: 5, description: 'a: b, [c] # d'}")), Canonical(SchemaOf(output, "A")));
    }

    [Fact]
    public void Values_keep_whether_they_were_quoted()
    {
        var (output, _) = Rewrite(Document("A: {type: string, const: '1'}\n    B: {type: integer, const: 2}"));

        Assert.Equal("""["1"]""", SchemaOf(output, "A")["enum"]!.ToJsonString());
        Assert.Equal("[2]", SchemaOf(output, "B")["enum"]!.ToJsonString());
    }

    [Theory]
    [InlineData("openapi: 3.0.3\ninfo: {title: T, version: '1', description: 'openapi: 3.1.0'}\npaths: {}\n")]
    [InlineData("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n")]
    public void Only_a_document_whose_openapi_member_says_31_is_given_the_30_form(string text)
    {
        Assert.False(OpenApi31Schemas.IsOpenApi31(Parse(text)));
    }

    [Fact]
    public void An_alias_bomb_is_refused_with_CTR010_by_the_readers_alias_budget_as_in_30()
    {
        var text = new StringBuilder("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
        {
            text.Append("x-a").Append(i).Append(": &a").Append(i).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
        }

        var run = GeneratorHarness.Run(SpecFile.Inline("bomb.yaml", text.ToString(), "Bomb.Api", "BombClient"));

        run.AssertGeneratorDidNotThrow();
        Assert.Equal("CTR010", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void Deep_nesting_never_overflows_the_stack()
    {
        var text = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: {A: "
            + string.Concat(Enumerable.Repeat("{items: ", 5000)) + "{}" + new string('}', 5000) + "}}\n";

        // SharpYaml refuses the nesting before anything walks the schemas.
        var run = GeneratorHarness.Run(SpecFile.Inline("deep.yaml", text, "Deep.Api", "DeepClient"));

        run.AssertGeneratorDidNotThrow();
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id is "CTR001" or "CTR010");
    }

    [Fact]
    public void Schemas_nested_through_chains_of_aliases_are_refused_by_the_readers_depth_limit()
    {
        // 240 levels of arrays, 60 written out and the rest through aliases (the parser stops at 64 written levels).
        var text = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n"
            + "x-l0: &l0 " + string.Concat(Enumerable.Repeat("{items: ", 60)) + "{type: string}" + new string('}', 60) + "\n"
            + "x-l1: &l1 " + string.Concat(Enumerable.Repeat("{items: ", 60)) + "*l0" + new string('}', 60) + "\n"
            + "x-l2: &l2 " + string.Concat(Enumerable.Repeat("{items: ", 60)) + "*l1" + new string('}', 60) + "\n"
            + "components: {schemas: {A: {items: {items: *l2}}}}\n";

        var run = GeneratorHarness.Run(SpecFile.Inline("deep.yaml", text, "Deep.Api", "DeepClient"));

        run.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CTR010", diagnostic.Id);
        Assert.Contains("nesting depth", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string Document(string schemas) =>
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    " + schemas + "\n";

    private static (JsonObject Output, Contracts.Generator.Diagnostics.DiagnosticInfo[] Diagnostics) Rewrite(string text)
    {
        var diagnostics = new DiagnosticBag();
        var json = (JsonObject)Parse(text);
        Assert.True(OpenApi31Schemas.IsOpenApi31(json));
        OpenApi31Schemas.Rewrite(json, diagnostics, facts: null);
        return (json, Infos(diagnostics, text));
    }

    private static Contracts.Generator.Diagnostics.DiagnosticInfo[] Infos(DiagnosticBag diagnostics, string text) =>
        diagnostics.ToInfos(new SourceLocator("/a.yaml", Microsoft.CodeAnalysis.Text.SourceText.From(text))).ToArray();

    private static JsonNode SchemaOf(JsonObject document, string name) => Member(Member(Member(document, "components"), "schemas"), name);

    private static JsonNode Member(JsonNode mapping, string key) => ((JsonObject)mapping)[key]!;

    /// <summary>YAML to the <see cref="JsonNode"/> the reader reads, as <see cref="OpenApiTextReader"/> converts it.</summary>
    private static JsonNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode.ToJsonNode();
    }

    /// <summary>The tree as text with mapping keys sorted, so that key order does not matter; scalars as YAML wrote them.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject mapping => "{" + string.Join(", ", mapping
            .Select(e => e.Key + ": " + Canonical(e.Value))
            .OrderBy(s => s, StringComparer.Ordinal)) + "}",
        JsonArray sequence => "[" + string.Join(", ", sequence.Select(Canonical)) + "]",
        JsonValue scalar => JsonTree.ScalarText(scalar) ?? "",
        _ => "null",
    };
}
