using System;
using System.Linq;
using System.Text.Json.Nodes;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>
/// Names that are C# keywords, that collide once sanitised, that are empty, non-Latin or emoji, that repeat, or that equal
/// the generated types' own members: every one becomes a valid, distinct identifier and the output compiles cleanly.
/// </summary>
public sealed class HostileNameTests
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
        Assert.Equal(Keywords.Length, client.GetMembers().Count(m => m.Name.Contains("Async", StringComparison.Ordinal)));
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
        Assert.True(Colliding.Length == methods.Count, string.Join(", ", methods) + "\n" + GeneratorRun.Format(run.GeneratorDiagnostics));
        Assert.Equal(methods.Count, methods.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_output_is_byte_identical_across_runs()
    {
        var first = GeneratorHarness.Run(SpecFile.Inline("colliding.json", Spec(Colliding), "Contracts.Tests.Colliding", "CollidingClient"));
        var second = GeneratorHarness.Run(SpecFile.Inline("colliding.json", Spec(Colliding), "Contracts.Tests.Colliding", "CollidingClient"));

        Assert.Equal(first.Sources.OrderBy(s => s.Key, StringComparer.Ordinal), second.Sources.OrderBy(s => s.Key, StringComparer.Ordinal));
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
}
