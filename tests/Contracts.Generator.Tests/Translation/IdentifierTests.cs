using System;
using System.Linq;
using System.Text.Json.Nodes;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.Translation;

/// <summary>
/// Names that are C# keywords, that collide once sanitised, that are empty, non-Latin or emoji, that repeat, that equal
/// the generated types' own members, or that are far longer than C# (512 characters) or a file system (255 per file name)
/// accepts: every one becomes a valid, distinct, stable identifier and the output compiles cleanly.
/// </summary>
public sealed class IdentifierTests
{
    private static readonly string[] Keywords = SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText)
        .Concat(SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText))
        .Where(k => k.Length > 0 && char.IsLetter(k[0]))
        .Distinct(StringComparer.Ordinal)
        .OrderBy(k => k, StringComparer.Ordinal)
        .ToArray();

    private static readonly string[] Colliding = { "Foo", "foo", "FOO", "Foo_", "Foo-", "1Foo", "", " ", "_", "名前", "имя", "🙂", "🙂🙃", "System", "Equals", "ToString", "GetHashCode", "EqualityContract", "Value", "Default", "Options" };

    [Fact]
    public void Keywords_as_schema_property_parameter_and_operation_names_compile()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("keywords.json", Spec(Keywords), "Contracts.Tests.Keywords", "KeywordsClient"));

        run.AssertCompilesCleanly();
        var client = run.OutputCompilation.GetTypeByMetadataName("Contracts.Tests.Keywords.KeywordsClient")!;
        // Each operation's method and its twin (…WithResponseAsync).
        Assert.Equal(2 * Keywords.Length, client.GetMembers().Count(m => m.Name.Contains("Async", StringComparison.Ordinal)));
        foreach (var keyword in Keywords)
        {
            Assert.Contains(run.Sources.Values, source => source.Contains("\"" + keyword + "\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Names_that_collide_after_sanitising_stay_distinct_and_compile()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("colliding.json", Spec(Colliding), "Contracts.Tests.Colliding", "CollidingClient"));

        Assert.True(run.Sources.Count > 0, GeneratorRun.Format(run.GeneratorDiagnostics));
        run.AssertCompilesCleanly();
        var client = run.OutputCompilation.GetTypeByMetadataName("Contracts.Tests.Colliding.CollidingClient")!;
        var methods = client.GetMembers().Where(m => m.Name.Contains("Async", StringComparison.Ordinal)).Select(m => m.Name).ToList();
        // Each operation's method and its twin (…WithResponseAsync), none named like another.
        Assert.True(2 * Colliding.Length == methods.Count, string.Join(", ", methods) + "\n" + GeneratorRun.Format(run.GeneratorDiagnostics));
        Assert.Equal(methods.Count, methods.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    /// <summary>
    /// What the converters declare (Read, Write, ReadValue, WriteValue, ReadExact, WriteExact, ToJsonValue), and what
    /// records (Validate) and unions (Match, Switch) declare: a type of that name would declare a member named like
    /// itself (CS0542), so it is numbered.
    /// </summary>
    private static readonly string[] MemberNames =
    {
        "Read", "Write", "ReadValue", "WriteValue", "ReadExact", "WriteExact", "ToJsonValue", "Validate", "Match", "Switch",
    };

    /// <summary>
    /// What the converters only inherit from <c>JsonConverter&lt;T&gt;</c>: C# allows a type named like an inherited member,
    /// so these keep their names (a schema named <c>Type</c> stays <c>Type</c>).
    /// </summary>
    private static readonly string[] InheritedNames = { "CanConvert", "HandleNull", "Type", "ReadAsPropertyName", "WriteAsPropertyName" };

    [Theory]
    [InlineData("object")]
    [InlineData("enum")]
    [InlineData("union")]
    public void Schemas_named_like_members_of_the_generated_types_and_converters_compile_without_warnings(string kind)
    {
        var schemas = new JsonObject();
        var all = new JsonObject();
        foreach (var name in MemberNames.Concat(InheritedNames))
        {
            schemas[name] = kind switch
            {
                // A constraint gives the record its Validate().
                "object" => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["id"] = new JsonObject { ["type"] = "string", ["maxLength"] = 8 } } },
                "enum" => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("a", "b") },
                _ => new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "integer" }) },
            };
            all[name] = new JsonObject { ["$ref"] = "#/components/schemas/" + name };
        }

        schemas["All"] = new JsonObject { ["type"] = "object", ["properties"] = all };
        var spec = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Members", ["version"] = "1" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://members.example.com" }),
            ["paths"] = new JsonObject
            {
                ["/all"] = new JsonObject
                {
                    ["post"] = new JsonObject
                    {
                        ["operationId"] = "exchange",
                        ["requestBody"] = new JsonObject { ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/All" } } } },
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = "ok",
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/All" } } },
                            },
                        },
                    },
                },
            },
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };

        var run = GeneratorHarness.Run(SpecFile.Inline("members.json", spec.ToJsonString(), "Contracts.Tests.Members", "MembersClient"));

        run.AssertCompilesCleanly();
        var declared = run.OutputCompilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(MemberNames, name => Assert.DoesNotContain(name, declared));
        Assert.Equal(MemberNames.Length, MemberNames.Count(name => declared.Contains(name + "2")));
        Assert.All(InheritedNames, name => Assert.Contains(name, declared));
    }

    [Fact]
    public void The_output_is_byte_identical_across_runs()
    {
        var first = GeneratorHarness.Run(SpecFile.Inline("colliding.json", Spec(Colliding), "Contracts.Tests.Colliding", "CollidingClient"));
        var second = GeneratorHarness.Run(SpecFile.Inline("colliding.json", Spec(Colliding), "Contracts.Tests.Colliding", "CollidingClient"));

        Assert.Equal(first.Sources.OrderBy(s => s.Key, StringComparer.Ordinal), second.Sources.OrderBy(s => s.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Thousand_character_names_are_shortened_to_distinct_identifiers_that_compile()
    {
        var longA = new string('a', 1000);
        var longB = new string('a', 999) + "b";
        var spec = LongSpec(longA, longB);

        var run = GeneratorHarness.Run(SpecFile.Inline("long.json", spec, "Contracts.Tests.Long", "LongClient"));

        run.AssertCompilesCleanly();
        Assert.All(run.Sources.Keys, hintName => Assert.True(hintName.Length < 255, hintName));
        var names = run.OutputCompilation.GetSymbolsWithName(_ => true).Select(s => s.Name).ToList();
        // 128 plus the prefixes and suffixes generated members add (Create_, _field, Async…): far below 512.
        Assert.All(names, name => Assert.True(name.Length <= 160, name));
        Assert.Equal(run.Sources.Keys.OrderBy(k => k), GeneratorHarness.Run(SpecFile.Inline("long.json", spec, "Contracts.Tests.Long", "LongClient")).Sources.Keys.OrderBy(k => k));
    }

    /// <summary>One schema, one property, one query parameter and one operation per name (each operation has a duplicate operationId twin).</summary>
    private static string Spec(string[] names)
    {
        var schemas = new JsonObject();
        var properties = new JsonObject();
        var paths = new JsonObject();
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            schemas[name.Length == 0 ? "Empty" + i : name] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [name] = new JsonObject { ["type"] = "string" } } };
            properties[name] = new JsonObject { ["type"] = "integer" };
            paths["/items" + i + "/{" + name + "}"] = new JsonObject
            {
                ["get"] = new JsonObject
                {
                    ["operationId"] = name,
                    ["parameters"] = new JsonArray(
                        new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } },
                        new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } },
                        new JsonObject { ["name"] = "cancellationToken", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } }),
                    ["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject
                        {
                            ["description"] = "ok",
                            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/All" } } },
                        },
                    },
                },
            };
        }

        schemas["All"] = new JsonObject { ["type"] = "object", ["properties"] = properties };
        var spec = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Names", ["version"] = "1" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://names.example.com" }),
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
        // Letters stay raw, emoji become escaped surrogate pairs (\ud83d\ude42), which the generator decodes before its reader.
        return spec.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string LongSpec(string longA, string longB) =>
        $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "Long", "version": "1" },
              "servers": [ { "url": "https://long.example.com" } ],
              "paths": {
                "/things": {
                  "get": {
                    "operationId": "{{longA}}",
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/{{longA}}" } } } } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "{{longA}}": {
                    "type": "object",
                    "properties": {
                      "{{longA}}": { "type": "string" },
                      "{{longB}}": { "type": "string" },
                      "nested": { "type": "object", "properties": { "{{longB}}": { "type": "object", "properties": { "x": { "type": "string" } } } } }
                    }
                  },
                  "{{longB}}": { "type": "object", "properties": { "id": { "type": "string" } } }
                }
              }
            }
            """;
}
