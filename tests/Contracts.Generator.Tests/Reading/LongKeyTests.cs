using System;
using System.Linq;
using System.Text.RegularExpressions;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// JSON has no limit on the length of a key, but it is read by a YAML parser whose implicit keys must reach their ':'
/// within 1,024 characters on the same line: a long key must not cost a JSON document. YAML keeps its own rule: CTR001,
/// with the way out (an explicit key) in the message.
/// </summary>
public sealed class LongKeyTests
{
    private const string Context = "Contracts.Tests.Keys.KeysJsonContext";

    private static readonly string LongProperty = "p" + new string('a', 4999);
    private static readonly string LongSchema = "S" + new string('s', 4999);

    [Fact]
    public void A_json_document_with_5000_character_keys_generates_and_the_long_named_member_round_trips()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("keys.json", Document(), "Contracts.Tests.Keys", "KeysClient").ReadAndWritten());

        run.AssertCompilesCleanly();
        // The long status code is not a status code: the reader says so, at its key, and the document still generates.
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CTR005", diagnostic.Id);
        Assert.Equal(new LinePosition(10, 10), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("Responses key must be 'default', an HTTP status code", diagnostic.GetMessage(), StringComparison.Ordinal);

        // The C# name is shortened with a stable hash; the JSON name is the key itself.
        var member = Regex.Match(run.TypeSource("Thing"), @"public string\? (Pa+_[0-9a-f]{8}) \{ get; init; \}");
        Assert.True(member.Success, run.TypeSource("Thing"));
        Assert.Equal(128, member.Groups[1].Value.Length);
        Assert.Contains("/things/" + new string('t', 5000), run.Source("Client.g.cs"), StringComparison.Ordinal);

        using var output = LoadedOutput.Load(run);
        var json = "{\"" + LongProperty + "\":\"long\",\"other\":{\"x\":\"short\"}}";
        var thing = output.Deserialize(Context, "Thing", json)!;
        Assert.Equal("long", thing.GetType().GetProperty(member.Groups[1].Value)!.GetValue(thing));
        Assert.Equal(json, output.Serialize(Context, "Thing", thing));
    }

    [Theory]
    // Keys of 1,022 characters reach their ':' within the parser's 1,024 as they are; 1,023 do not.
    [InlineData(1022, "")]
    [InlineData(1023, "")]
    [InlineData(5000, "")]
    // Valid JSON, and a key the parser refused whatever its length: its ':' is on the next line.
    [InlineData(1, "\n")]
    public void A_diagnostic_after_a_long_key_on_the_same_line_points_at_the_text_as_written(int length, string beforeColon)
    {
        // One line, as minified JSON is: any shift the reading makes would show in the column.
        var json = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Keys\",\"version\":\"1\"},\"servers\":[{\"url\":\"https://keys.example.com\"}],\"paths\":{},"
            + "\"components\":{\"schemas\":{\"A\":{\"type\":\"object\",\"properties\":{\"" + new string('k', length) + "\"" + beforeColon
            + ":{\"type\":\"string\"},\"b\":{\"type\":\"banana\"}}}}}}";

        var run = GeneratorHarness.Run(SpecFile.Inline("keys.json", json, "Contracts.Tests.Keys", "KeysClient").ReadAndWritten());

        run.AssertCompilesCleanly();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CTR005", diagnostic.Id);
        var type = json.IndexOf("\"type\":\"banana\"", StringComparison.Ordinal);
        var line = beforeColon.Length;
        var column = type - json.LastIndexOf('\n', type) - 1;
        Assert.Equal(new LinePosition(line, column), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("string? K", run.TypeSource("A"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_key_in_an_openapi_31_json_document_survives_the_rewrite_to_30()
    {
        // 3.1 documents are rewritten on the YAML tree and written back as flow YAML before the reader sees them.
        var run = GeneratorHarness.Run(SpecFile.Inline("keys.json", Document().Replace("\"3.0.3\"", "\"3.1.0\"", StringComparison.Ordinal), "Contracts.Tests.Keys", "KeysClient").ReadAndWritten());

        run.AssertCompilesCleanly();
        Assert.Equal(["CTR005"], run.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Matches(@"public string\? Pa+_[0-9a-f]{8} \{ get; init; \}", run.TypeSource("Thing"));
    }

    [Fact]
    public void A_long_key_in_a_referenced_json_file_survives_the_bundle()
    {
        // The referenced file is read on the YAML tree, and the bundle written back as flow YAML, before the reader sees it.
        var spec = Yaml("item: { $ref: 'item.json#/Item' }");
        var item = "{ \"Item\": { \"type\": \"object\", \"properties\": { \"" + LongProperty + "\": { \"type\": \"string\" } } } }";

        var run = GeneratorHarness.Run(new SpecFile("/specs/keys.yaml", spec, "Contracts.Tests.Keys", "KeysClient"), new SpecFile("/specs/item.json", item));

        run.AssertCompilesCleanly();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Matches(@"public string\? Pa+_[0-9a-f]{8} \{ get; init; \}", run.TypeSource("Item"));
    }

    [Fact]
    public void A_yaml_key_past_the_yaml_limit_is_CTR001_at_its_line_with_the_explicit_form_as_the_way_out()
    {
        var yaml = Yaml(LongProperty + ": { type: string }");

        var run = GeneratorHarness.Run(SpecFile.Inline("keys.yaml", yaml, "Contracts.Tests.Keys", "KeysClient").ReadAndWritten());

        run.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CTR001", diagnostic.Id);
        Assert.Equal(new LinePosition(9, 5008), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(
            "The OpenAPI document cannot be read: Mapping values are not allowed in this context. A YAML key written without '?' "
            + "must reach its ':' within 1,024 characters on its line; write a longer key as an explicit key: '? key' on one line, ': value' on the next.",
            diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_yaml_key_written_explicit_has_no_length_limit()
    {
        var yaml = Yaml("? " + LongProperty + "\n        : { type: string }");

        var run = GeneratorHarness.Run(SpecFile.Inline("keys.yaml", yaml, "Contracts.Tests.Keys", "KeysClient").ReadAndWritten());

        run.AssertCompilesCleanly();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Matches(@"public string\? Pa+_[0-9a-f]{8} \{ get; init; \}", run.TypeSource("Thing"));
    }

    public static TheoryData<string, string, string> Rewrites => new()
    {
        // Case, text (K stands for 1,100 characters), the text the reader is given.
        { "long key", "{\"K\": 1}", "{? \"K\": 1}" },
        { "long key with escaped quotes and backslashes", "{\"\\\"K\\\\\" : {\"a\": 1}}", "{? \"\\\"K\\\\\" : {\"a\": 1}}" },
        { "key whose ':' is on the next line", "{\"a\"\n: 1}", "{? \"a\"\n: 1}" },
        { "already explicit", "{? \"K\": 1}", "{? \"K\": 1}" },
        { "long value, short key", "{\"a\": \"K\\\": x\"}", "{\"a\": \"K\\\": x\"}" },
        { "keys in arrays, after a BOM", "\uFEFF{\"a\": [{\"K\": true}, {\"b\": null}]}", "\uFEFF{\"a\": [{? \"K\": true}, {\"b\": null}]}" },
        { "block YAML", "a:\n  \"K\": 1\n", "a:\n  \"K\": 1\n" },
        { "flow YAML with a plain scalar", "{b: 1, \"K\": 1}", "{b: 1, \"K\": 1}" },
        { "flow YAML with a comment", "{\"a\": 1, # x\n\"K\": 1}", "{\"a\": 1, # x\n\"K\": 1}" },
        { "unterminated string", "{\"K", "{\"K" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void Only_json_keys_the_yaml_parser_would_refuse_are_made_explicit_and_positions_map_back(string @case, string text, string expected)
    {
        var key = new string('k', 1100);
        text = text.Replace("K", key, StringComparison.Ordinal);

        var rewritten = Contracts.Generator.Reading.ExplicitJsonKeys.Rewrite(text, out var markers);

        Assert.True(expected.Replace("K", key, StringComparison.Ordinal) == rewritten, @case);
        Assert.Same(rewritten, Contracts.Generator.Reading.ExplicitJsonKeys.Rewrite(rewritten));
        Assert.Equal(rewritten.Length - text.Length, 2 * markers.Length);
        for (var i = 0; i < rewritten.Length; i++)
        {
            var original = Contracts.Generator.Reading.ExplicitJsonKeys.ToOriginal(markers, i);
            Assert.True(Array.IndexOf(markers, i) >= 0 || Array.IndexOf(markers, i - 1) >= 0 || text[original] == rewritten[i], $"{@case}: {i} → {original}");
        }
    }

    // Line 10 (0-based 9): the property, indented by 8.
    private static string Yaml(string property) =>
        "openapi: 3.0.3\ninfo: { title: Keys, version: '1' }\nservers: [{ url: 'https://keys.example.com' }]\npaths: {}\ncomponents:\n  schemas:\n"
        + "    Thing:\n      type: object\n      properties:\n        " + property + "\n";

    private static string Document() =>
        $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "Keys", "version": "1" },
              "servers": [ { "url": "https://keys.example.com" } ],
              "paths": {
                "/things/{{new string('t', 5000)}}": {
                  "get": {
                    "operationId": "getThing",
                    "responses": {
                      "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                      "{{new string('4', 5000)}}": { "description": "a status no one sends" }
                    }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Thing": {
                    "type": "object",
                    "properties": {
                      "{{LongProperty}}": { "type": "string" },
                      "other": { "$ref": "#/components/schemas/{{LongSchema}}" }
                    }
                  },
                  "{{LongSchema}}": { "type": "object", "properties": { "x": { "type": "string" } } }
                }
              }
            }
            """;
}
