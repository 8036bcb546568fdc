using System;
using System.IO;
using System.Linq;
using System.Text;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading.Downgrade;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// The OpenAPI 3.1 → 3.0 rewrite on its own: a 3.1 input tree against the expected 3.0 tree (compared with keys sorted),
/// the text handed to the reader, and hostile inputs.
/// </summary>
public sealed class OpenApi31DowngraderTests
{
    [Theory]
    [InlineData("{type: [string, 'null']}", "{type: string, nullable: true}")]
    [InlineData("{type: ['null']}", "{nullable: true}")]
    [InlineData("{type: 'null'}", "{nullable: true}")]
    [InlineData(
        "{type: [string, integer, 'null'], maxLength: 3, minimum: 1, description: d}",
        "{description: d, nullable: true, oneOf: [{type: string, maxLength: 3}, {type: integer, minimum: 1}]}")]
    [InlineData("{const: dog}", "{enum: [dog]}")]
    [InlineData("{type: string, examples: [a, b]}", "{type: string, example: a}")]
    [InlineData("{type: string, example: x, examples: [a, b]}", "{type: string, example: x}")]
    [InlineData("{type: integer, exclusiveMinimum: 0, exclusiveMaximum: 10}", "{type: integer, minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true}")]
    [InlineData("{type: integer, minimum: 5, exclusiveMinimum: 0}", "{type: integer, minimum: 5}")]
    [InlineData("{$ref: '#/components/schemas/B', description: d}", "{description: d, allOf: [{$ref: '#/components/schemas/B'}]}")]
    [InlineData("{anyOf: [{$ref: '#/components/schemas/B'}, {type: 'null'}]}", "{nullable: true, allOf: [{$ref: '#/components/schemas/B'}]}")]
    [InlineData("{oneOf: [{type: string, maxLength: 2}, {type: 'null'}], description: d}", "{description: d, nullable: true, type: string, maxLength: 2}")]
    [InlineData("{anyOf: [{type: string}, {type: integer}, {type: 'null'}]}", "{nullable: true, anyOf: [{type: string}, {type: integer}]}")]
    [InlineData("{type: array, prefixItems: [{type: number}, {type: number, description: y}], items: false}", "{type: array, items: {type: number}}")]
    [InlineData("{type: string, contentEncoding: base64}", "{type: string, format: byte}")]
    [InlineData("{type: string, contentMediaType: image/png}", "{type: string, format: binary}")]
    [InlineData("{type: string, contentMediaType: application/json}", "{type: string}")]
    [InlineData("{type: object, $schema: s, $id: i, $comment: c, $anchor: a, properties: {p: {type: [integer, 'null']}}}", "{type: object, properties: {p: {type: integer, nullable: true}}}")]
    [InlineData("{type: object, properties: {p: {type: string, example: {type: [a, b]}}}}", "{type: object, properties: {p: {type: string, example: {type: [a, b]}}}}")]
    public void A_schema_is_rewritten_to_its_30_form(string schema, string expected)
    {
        var (output, diagnostics) = Downgrade(Document("A: " + schema));

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
        var (output, diagnostics) = Downgrade(Document("A: " + schema));

        Assert.Equal(Canonical(Parse(expected)), Canonical(SchemaOf(output, "A")));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CTR105", diagnostic.Id);
        Assert.Equal(construct, diagnostic.Arguments[0]);
        Assert.Equal(line - 1, diagnostic.Location!.StartLine);
    }

    [Fact]
    public void The_document_members_of_31_are_rewritten_or_dropped()
    {
        const string Text = """
            openapi: 3.1.1
            jsonSchemaDialect: https://example.com/dialect
            info: {title: T, version: '1', summary: S, license: {name: MIT, identifier: MIT}}
            paths: {}
            webhooks: {hook: {post: {responses: {'200': {description: ok}}}}}
            """;

        var (output, diagnostics) = Downgrade(Text);

        Assert.Equal(
            Canonical(Parse("{openapi: 3.0.3, info: {title: T, version: '1', license: {name: MIT}}, paths: {}}")),
            Canonical(output));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("CTR105", "webhooks", 4), (diagnostic.Id, diagnostic.Arguments[0], diagnostic.Location!.StartLine));
    }

    [Fact]
    public void A_document_without_paths_gets_the_empty_paths_30_requires()
    {
        var (output, diagnostics) = Downgrade("openapi: 3.1.0\ninfo: {title: T, version: '1'}\ncomponents: {schemas: {}}\n");

        Assert.Empty(diagnostics);
        Assert.Equal(Canonical(Parse("{openapi: 3.0.3, info: {title: T, version: '1'}, components: {schemas: {}}, paths: {}}")), Canonical(output));
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

        var (output, diagnostics) = Downgrade(Text);

        Assert.Empty(diagnostics);
        var schemas = (YamlMappingNode)Member(Member(output, "components"), "schemas");
        Assert.Equal(["Pet_Color", "Pet", "Pet_Color_2", "Pet_Color_2_Shade", "Size"], schemas.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(
            Canonical(Parse("""
                {type: object, properties: {
                  color: {$ref: '#/components/schemas/Pet_Color_2'},
                  size: {$ref: '#/components/schemas/Size'},
                  inner: {$ref: '#/components/schemas/Pet_Color_2_Shade'}}}
                """)),
            Canonical(Member(schemas, "Pet")));
        Assert.Equal(Canonical(Parse("{type: object, properties: {shade: {$ref: '#/components/schemas/Pet_Color_2_Shade'}}}")), Canonical(Member(schemas, "Pet_Color_2")));
        Assert.Equal(Canonical(Parse("{type: string, nullable: true}")), Canonical(Member(schemas, "Pet_Color_2_Shade")));
        Assert.False(output.Children.ContainsKey(new YamlScalarNode("$defs")));
    }

    [Fact]
    public void A_json_31_document_is_read_like_a_yaml_one()
    {
        const string Text = """{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}, "components": {"schemas": {"A": {"type": ["integer", "null"], "default": 5, "description": "a: b, [c] # d"}}}}""";

        var (output, _) = Downgrade(Text);

        Assert.Equal(Canonical(Parse("{type: integer, nullable: true, default: 5, description: 'a: b, [c] # d'}")), Canonical(SchemaOf(output, "A")));
    }

    [Fact]
    public void Scalars_keep_whether_they_were_quoted()
    {
        var (output, _) = Downgrade(Document("A: {type: string, enum: ['1', 2, 'true', true, '', 2020-01-01, 'x: y', \"multi\\nline\", -1.5]}"));

        var values = ((YamlSequenceNode)Member(SchemaOf(output, "A"), "enum")).Children.Cast<YamlScalarNode>().ToList();
        Assert.Equal(["1", "2", "true", "true", "", "2020-01-01", "x: y", "multi\nline", "-1.5"], values.Select(v => v.Value));
        Assert.Equal(
            [false, true, false, true, false, true, false, false, true],
            values.Select(v => v.Style == SharpYaml.ScalarStyle.Plain));
    }

    [Fact]
    public void Block_scalars_that_flow_collections_would_misread_are_written_quoted()
    {
        var (output, _) = Downgrade(Document("A:\n      type: string\n      example: Do you like apples? {yes}, [no] # a comment\n      description: |\n        two\n        lines"));

        Assert.Equal(Canonical(Parse("{type: string, example: 'Do you like apples? {yes}, [no]', description: \"two\\nlines\\n\"}")), Canonical(SchemaOf(output, "A")));
    }

    [Theory]
    [InlineData("openapi: 3.0.3\ninfo: {title: T, version: '1', description: 'openapi: 3.1.0'}\npaths: {}\n")]
    [InlineData("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n")]
    [InlineData("openapi: 3.1.0\ninfo: {title: [unclosed\n")]
    public void Anything_but_a_31_document_is_handed_back_untouched(string text)
    {
        var diagnostics = new DiagnosticBag();

        Assert.Same(text, OpenApi31Downgrader.Downgrade(text, diagnostics));
        Assert.Empty(diagnostics.ToInfos(new SourceLocator("/a.yaml", Microsoft.CodeAnalysis.Text.SourceText.From(text))));
    }

    [Theory]
    [InlineData("openapi: 3.1.0", true)]
    [InlineData("{\"openapi\" : \"3.1.1\"}", true)]
    [InlineData("'openapi': '3.1'", true)]
    [InlineData("openapi: 3.0.3\ninfo: {description: 'see openapi 3.1'}", false)]
    [InlineData("swagger: '2.0'", false)]
    public void Only_text_with_an_openapi_31_member_takes_the_downgrade_path(string text, bool expected) =>
        Assert.Equal(expected, OpenApi31Detector.LooksLikeOpenApi31(text));

    [Fact]
    public void An_alias_bomb_is_refused_with_CTR001_by_the_node_budget()
    {
        var text = new StringBuilder("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
        {
            text.Append("x-a").Append(i).Append(": &a").Append(i).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
        }

        var diagnostics = new DiagnosticBag();
        var output = OpenApi31Downgrader.Downgrade(text.ToString(), diagnostics);

        Assert.Null(output);
        var info = Assert.Single(Infos(diagnostics, text.ToString()));
        Assert.Equal("CTR001", info.Id);
    }

    [Fact]
    public void Comparing_tuple_items_that_alias_one_big_schema_is_bounded_by_the_node_budget()
    {
        var text = new StringBuilder("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-big: &big {type: object, properties: {");
        text.Append(string.Join(", ", Enumerable.Range(0, 20_000).Select(i => "p" + i + ": {type: string}"))).Append("}}\n");
        text.Append("components: {schemas: {T: {type: array, prefixItems: [").Append(string.Join(", ", Enumerable.Repeat("{items: *big}", 5_000))).Append("]}}}\n");
        var diagnostics = new DiagnosticBag();

        var output = OpenApi31Downgrader.Downgrade(text.ToString(), diagnostics);

        Assert.NotNull(output);
        // The shared budget runs out before 5,000 copies of the big schema are compared: read as different, never slow.
        Assert.Contains(Infos(diagnostics, text.ToString()), i => i.Id == "CTR105" && i.Arguments[0].StartsWith("prefixItems", StringComparison.Ordinal));
    }

    [Fact]
    public void Deep_nesting_never_overflows_the_stack()
    {
        var text = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: {A: "
            + string.Concat(Enumerable.Repeat("{items: ", 5000)) + "{}" + new string('}', 5000) + "}}\n";
        var diagnostics = new DiagnosticBag();

        // SharpYaml refuses the nesting; the text goes to the reader, which reports it as CTR001.
        Assert.Same(text, OpenApi31Downgrader.Downgrade(text, diagnostics));
    }

    [Fact]
    public void Schemas_nested_through_chains_of_aliases_hit_the_depth_limit_with_CTR001()
    {
        var text = new StringBuilder("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S0: &s0 {type: object, properties: {p: {items: {items: {type: string}}}}}\n");
        for (var i = 1; i < 100; i++)
        {
            text.Append("    S").Append(i).Append(": &s").Append(i).Append(" {type: object, properties: {p: {items: {items: *s").Append(i - 1).Append("}}}}\n");
        }

        var diagnostics = new DiagnosticBag();

        Assert.Null(OpenApi31Downgrader.Downgrade(text.ToString(), diagnostics));
        var info = Assert.Single(Infos(diagnostics, text.ToString()));
        Assert.Equal("CTR001", info.Id);
        Assert.Contains("levels deep", info.Arguments[0], StringComparison.Ordinal);
    }

    private static string Document(string schemas) =>
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    " + schemas + "\n";

    private static (YamlMappingNode Output, Contracts.Generator.Diagnostics.DiagnosticInfo[] Diagnostics) Downgrade(string text)
    {
        var diagnostics = new DiagnosticBag();
        var output = OpenApi31Downgrader.Downgrade(text, diagnostics);
        Assert.NotNull(output);
        Assert.NotSame(text, output);
        return ((YamlMappingNode)Parse(output!), Infos(diagnostics, text));
    }

    private static Contracts.Generator.Diagnostics.DiagnosticInfo[] Infos(DiagnosticBag diagnostics, string text) =>
        diagnostics.ToInfos(new SourceLocator("/a.yaml", Microsoft.CodeAnalysis.Text.SourceText.From(text))).ToArray();

    private static YamlNode SchemaOf(YamlMappingNode document, string name) => Member(Member(Member(document, "components"), "schemas"), name);

    private static YamlNode Member(YamlNode mapping, string key) => ((YamlMappingNode)mapping).Children[new YamlScalarNode(key)];

    private static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    /// <summary>The tree as text with mapping keys sorted, so that key order does not matter.</summary>
    private static string Canonical(YamlNode node) => node switch
    {
        YamlMappingNode mapping => "{" + string.Join(", ", mapping.Children
            .Select(e => ((YamlScalarNode)e.Key).Value + ": " + Canonical(e.Value))
            .OrderBy(s => s, StringComparer.Ordinal)) + "}",
        YamlSequenceNode sequence => "[" + string.Join(", ", sequence.Children.Select(Canonical)) + "]",
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => "?",
    };
}
