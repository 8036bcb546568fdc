using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.TestSupport.Generation;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// A scalar longer than the reader's 65,536 characters costs the document nothing the generated code does not depend on:
/// examples and extensions holding one are left out with one CTR129, a value the code depends on is left out with CTR130
/// at that value, and the rest of the document generates (YAML and JSON alike). Before, any such scalar but a
/// description was CTR010 for the whole document.
/// </summary>
public sealed class LongScalarTests
{
    private static readonly string Html = "<p>" + new string('x', 70_000) + "</p>";

    [Fact]
    public void Long_examples_and_extensions_in_yaml_are_left_out_with_one_info_and_a_long_enum_value_with_a_warning_at_it()
    {
        var spec = $$"""
            openapi: 3.0.3
            info:
              title: Long
              version: "1"
            servers:
              - url: https://example.com
            paths:
              /pages:
                get:
                  operationId: getPage
                  x-html: "{{Html}}"
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Page'
                          examples:
                            big:
                              value:
                                body: "{{Html}}"
            components:
              schemas:
                Page:
                  type: object
                  example:
                    body: "{{Html}}"
                  properties:
                    body:
                      type: string
                    kind:
                      type: string
                      enum:
                        - short
                        - "{{new string('k', 70_000)}}"
                        - other
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("long.yaml", spec, "Contracts.Tests.Long", "LongClient"));

        run.AssertCompilesCleanly();
        Assert.Equal(["CTR129", "CTR130"], run.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        var dropped = run.GeneratorDiagnostics.Single(d => d.Id == "CTR129");
        Assert.Equal(DiagnosticSeverity.Info, dropped.Severity);
        Assert.StartsWith("3 example or extension member(s)", dropped.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(11, LineOf(dropped));
        var value = run.GeneratorDiagnostics.Single(d => d.Id == "CTR130");
        Assert.Equal("The 'enum' item here is 70,000 characters long, more than the 65,536 the OpenAPI reader accepts; it is left out of the document", value.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(37, LineOf(value));

        var kind = run.TypeSource("PageKind");
        Assert.Contains("Short", kind, StringComparison.Ordinal);
        Assert.Contains("Other", kind, StringComparison.Ordinal);
        Assert.DoesNotContain("kkkk", kind, StringComparison.Ordinal);
        Assert.Contains("GetPageAsync(", run.Source("LongClient.Client"), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_examples_and_extensions_in_json_are_left_out_and_a_long_pattern_is_a_warning_at_it()
    {
        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Long", ["version"] = "1" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://example.com" }),
            ["paths"] = new JsonObject
            {
                ["/pages"] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["operationId"] = "getPage",
                        ["x-html"] = Html,
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = "ok",
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Page" } } },
                            },
                        },
                    },
                },
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject
                {
                    ["Page"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["example"] = new JsonObject { ["body"] = Html },
                        ["properties"] = new JsonObject
                        {
                            ["body"] = new JsonObject { ["type"] = "string" },
                            ["code"] = new JsonObject { ["type"] = "string", ["pattern"] = "^" + new string('a', 70_000) + "$" },
                        },
                    },
                },
            },
        };
        var text = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        var run = GeneratorHarness.Run(SpecFile.Inline("long.json", text, "Contracts.Tests.Long", "LongClient"));

        run.AssertCompilesCleanly();
        Assert.Equal(["CTR129", "CTR130"], run.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        var lines = text.Split('\n');
        var dropped = run.GeneratorDiagnostics.Single(d => d.Id == "CTR129");
        Assert.Contains("\"x-html\"", lines[LineOf(dropped) - 1], StringComparison.Ordinal);
        Assert.StartsWith("2 example or extension member(s)", dropped.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var value = run.GeneratorDiagnostics.Single(d => d.Id == "CTR130");
        Assert.Contains("\"pattern\"", lines[LineOf(value) - 1], StringComparison.Ordinal);
        Assert.Contains("public string? Code { get; init; }", run.TypeSource("Page"), StringComparison.Ordinal);
    }

    private static int LineOf(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
}
