using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Generator.Emitting;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Contracts.Generator.Tests.Emission;

/// <summary>
/// Invisible and bidirectional characters (the "Trojan Source" class, CVE-2021-42574) in every free-text and name field
/// of a description: none reaches a generated file raw (literals escape them, docs show them as <c>[U+202E]</c>,
/// identifiers drop them), the values still round-trip as data, and enum values that differ only by them are a warning
/// (CTR114).
/// </summary>
public sealed class InvisibleCharacterTests
{
    // Bidirectional embeddings, overrides and isolates, zero-width characters, the byte order mark, the soft hyphen, the
    // Arabic letter mark, a Hangul filler (a letter C# accepts in identifiers), a variation selector, the Mongolian vowel
    // separator, a word joiner, a tag character (outside the BMP) and the line and paragraph separators.
    private static readonly string[] Hidden =
    {
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\uFEFF", "\u00AD", "\u061C", "\u3164", "\uFE0F", "\u180E",
        "\u2060", "\U000E0041", "\u2028", "\u2029",
    };

    private const string Context = "Contracts.Tests.Hidden.HiddenJsonContext";

    // Names drop the hidden characters, and each visible letter after one starts a word.
    private const string WidgetName = "WidgetABCDEFGHIJKLMNOPQRSTUVWXWidget";

    /// <summary>A text with every hidden character, between visible ones.</summary>
    private static string Text(string visible) => visible + string.Concat(Hidden.Select((h, i) => h + (char)('a' + (i % 26)))) + visible;

    [Fact]
    public void No_generated_file_contains_an_invisible_or_bidirectional_character()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("hidden.json", Spec(), "Contracts.Tests.Hidden", "HiddenClient").ReadAndWritten());

        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        foreach (var (name, text) in run.Sources)
        {
            foreach (var hidden in Hidden)
            {
                var at = text.IndexOf(hidden, StringComparison.Ordinal);
                Assert.True(at < 0, $"{name} holds U+{char.ConvertToUtf32(hidden, 0):X4} at {at}: …{Excerpt(text, at)}…");
            }

            // The runtime's own tables as a second opinion: no format character, separator or lone surrogate at all.
            for (var i = 0; i < text.Length; i++)
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
                Assert.False(
                    category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                        || (category == UnicodeCategory.Surrogate && !char.IsSurrogatePair(text, i) && (i == 0 || !char.IsSurrogatePair(text, i - 1))),
                    $"{name} holds U+{(int)text[i]:X4} ({category}) at {i}: …{Excerpt(text, i)}…");
            }
        }

        // The text is still there, in a visible form: docs show the code points, literals escape them.
        var widget = run.Source("HiddenClient.Models.W.g.cs");
        Assert.Contains("[U+202E]", widget, StringComparison.Ordinal);
        Assert.Contains("[U+E0041]", widget, StringComparison.Ordinal);
        Assert.Contains("\\u202e", widget, StringComparison.Ordinal);
        Assert.Contains("\\U000e0041", widget, StringComparison.Ordinal);

        // Both operations were generated (not skipped), so their hidden-character parameters went through the emitter.
        var client = run.Source("HiddenClient.Client.g.cs");
        Assert.Contains("GetWidgetAsync(", client, StringComparison.Ordinal);
        Assert.Contains("UpLoadAsync(", client, StringComparison.Ordinal);
        Assert.Contains("\"get\\u202eWidget\\u2069\"", client, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_with_invisible_characters_round_trip_as_data()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.Inline("hidden.json", Spec(), "Contracts.Tests.Hidden", "HiddenClient").ReadAndWritten()));

        foreach (var color in Colors)
        {
            var json = JsonSerializer.Serialize(color);
            var value = output.Deserialize(Context, "Color", json)!;
            Assert.Equal(color, value.ToString());
            Assert.True((bool)value.GetType().GetProperty("IsKnown")!.GetValue(value)!, json);
            Assert.Equal(json, output.Serialize(Context, "Color", value));
        }

        var member = Text("name");
        var widgetJson = new JsonObject { [member] = Text("value"), ["color"] = Colors[1], [Text("extra")] = Text("kept") }.ToJsonString();
        var widget = output.Deserialize(Context, WidgetName, widgetJson)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(widgetJson), JsonNode.Parse(output.Serialize(Context, WidgetName, widget))), output.Serialize(Context, WidgetName, widget));

        var shapeJson = new JsonObject { [Text("kind")] = Text("circle"), ["radius"] = 2.5 }.ToJsonString();
        var shape = output.Deserialize(Context, "Shape", shapeJson)!;
        Assert.Equal("Contracts.Tests.Hidden.Shape+Circle", shape.GetType().FullName);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(shapeJson), JsonNode.Parse(output.Serialize(Context, "Shape", shape))));
    }

    // Lines: the enum starts at line 6; its values differ from earlier ones only by U+200B, U+00A0 and U+202E+U+202C.
    private const string LookAlikes = """
        openapi: 3.0.3
        info: {title: Alike, version: '1'}
        paths: {}
        components:
          schemas:
            Mode:
              type: string
              enum: [x, "x\u200B", "a b", "a\u00A0b", plain, "\u202Eplain\u202C", other]
        """;

    [Fact]
    public void Enum_values_that_differ_only_by_invisible_characters_are_a_CTR114_warning_at_the_enum()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("alike.yaml", LookAlikes, "Contracts.Tests.Alike", "AlikeClient").ReadAndWritten());

        run.AssertCompilesCleanly();
        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "CTR114").ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w =>
        {
            Assert.Equal(DiagnosticSeverity.Warning, w.Severity);
            Assert.Equal("/specs/alike.yaml", w.Location.GetLineSpan().Path);
            Assert.Equal(6, w.Location.GetLineSpan().StartLinePosition.Line + 1);
        });
        var messages = warnings.Select(w => w.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.True(messages.Contains("The enum 'Mode' has values that look alike: 'x' and 'x[U+200B]' differ only by invisible characters or spaces, and become the members 'X' and 'X2'"), string.Join("\n", messages));
        Assert.Contains(messages, m => m.Contains("'a b' and 'a[U+00A0]b'", StringComparison.Ordinal) && m.Contains("'AB' and 'AB2'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'plain' and '[U+202E]plain[U+202C]'", StringComparison.Ordinal));

        // A message never carries the characters themselves (they would reorder the IDE's error list).
        Assert.All(messages, m => Assert.DoesNotContain(m, c => c is '\u200B' or '\u202E' or '\u202C'));

        // Both values stay generated, and each reads as itself.
        using var output = LoadedOutput.Load(run);
        var x = output.Deserialize("Contracts.Tests.Alike.AlikeJsonContext", "Mode", "\"x\\u200B\"")!;
        Assert.Equal("x\u200B", x.ToString());
        Assert.Equal(output.Type("Contracts.Tests.Alike.Mode").GetProperty("X2")!.GetValue(null), x);
    }

    [Fact]
    public void Values_that_only_look_alike_to_a_reader_of_other_scripts_are_not_reported()
    {
        // Distinct visible text: Latin, Cyrillic and Greek letters are told apart by CTR114's rule (only invisible
        // characters and spaces are ignored), as are values differing by case.
        var spec = LookAlikes.Replace("""[x, "x\u200B", "a b", "a\u00A0b", plain, "\u202Eplain\u202C", other]""", """[a, "\u0430", "\u03B1", A, "x y", "x  y"]""", StringComparison.Ordinal);

        var run = GeneratorHarness.Run(SpecFile.Inline("alike.yaml", spec, "Contracts.Tests.Alike", "AlikeClient").ReadAndWritten());

        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CTR114");
    }

    [Fact]
    public void The_literal_escaper_writes_what_FormatLiteral_writes_except_for_invisible_characters_which_it_escapes()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var text = "a" + (char)c + "b";
            var literal = Literals.String(text);
            Assert.Equal(text, LiteralValue(literal));
            var category = CharUnicodeInfo.GetUnicodeCategory((char)c);
            if (IsEscaped(c))
            {
                Assert.Equal("\"a\\u" + c.ToString("x4", CultureInfo.InvariantCulture) + "b\"", literal);
            }
            else if (category != UnicodeCategory.OtherNotAssigned)
            {
                // FormatLiteral also escapes unassigned code points, by the host's Unicode tables (which differ between the
                // .NET Framework and .NET compilers); the escaper does not, so the output is the same on every host.
                Assert.Equal(SymbolDisplay.FormatLiteral(text, quote: true), literal);
            }
        }

        // Beyond the BMP: a tag character is escaped with \U, an emoji is kept, a lone surrogate is escaped.
        Assert.Equal("\"a\\U000e0041b\"", Literals.String("a\U000E0041b"));
        Assert.Equal("\"a\U0001F600b\"", Literals.String("a\U0001F600b"));
        Assert.Equal("\"a\\ud800b\"", Literals.String("a\uD800b"));
        Assert.Equal("a\U000E0041b", LiteralValue(Literals.String("a\U000E0041b")));
    }

    [Fact]
    public void Docs_show_invisible_characters_as_code_points_and_other_spaces_as_spaces()
    {
        var lines = XmlDocs.Convert("left\u202Eright \u2066x\u2069 zero\u200Bwidth tag\U000E0041 no\u00A0break <code>a\u200Db</code>");

        var line = Assert.Single(lines);
        Assert.Equal("left[U+202E]right [U+2066]x[U+2069] zero[U+200B]width tag[U+E0041] no break <c>a[U+200D]b</c>", line);
    }

    private static readonly string[] Colors = { "red\u200B", "gr\u202Eeen\u202C", "b\u00ADlue", "te\u2066al\u2069", "gr\U000E0041ey" };

    /// <summary>What the literal escaper escapes beyond FormatLiteral: Default_Ignorable_Code_Point and Cf characters, lone surrogates, spaces other than U+0020.</summary>
    private static bool IsEscaped(int c) =>
        c is 0x00AD or 0x034F or (>= 0x0600 and <= 0x0605) or 0x061C or 0x06DD or 0x070F or 0x0890 or 0x0891 or 0x08E2 or 0x115F or 0x1160
            or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F)
            or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or 0xFFA0 or (>= 0xFFF0 and <= 0xFFFB) or (>= 0xD800 and <= 0xDFFF)
            or 0x00A0 or 0x1680 or (>= 0x2000 and <= 0x200A) or 0x202F or 0x205F or 0x3000;

    /// <summary>The value of a C# string literal, as the compiler reads it.</summary>
    private static string LiteralValue(string literal)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { string s = " + literal + "; }");
        Assert.Empty(tree.GetDiagnostics());
        return (string)tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single().Token.Value!;
    }

    private static string Excerpt(string text, int at) => at < 0 ? string.Empty : text.Substring(Math.Max(0, at - 60), Math.Min(120, text.Length - Math.Max(0, at - 60)));

    private static string Spec()
    {
        var text = Text("Text");
        JsonObject Str(string? description = null) => new() { ["type"] = "string", ["description"] = description ?? text };
        var widget = new JsonObject
        {
            ["type"] = "object",
            ["title"] = text,
            ["description"] = text,
            ["required"] = new JsonArray(Text("name")),
            ["properties"] = new JsonObject
            {
                [Text("name")] = new JsonObject { ["type"] = "string", ["description"] = text, ["default"] = Text("default"), ["example"] = text },
                ["color"] = new JsonObject { ["$ref"] = "#/components/schemas/Color" },
                [Text("level")] = new JsonObject { ["$ref"] = "#/components/schemas/Level" },
            },
            ["additionalProperties"] = Str(),
        };
        var spec = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = text, ["description"] = text, ["version"] = text },
            ["servers"] = new JsonArray(new JsonObject
            {
                ["url"] = "https://{region}.example.com/" + Uri.EscapeDataString(text),
                ["description"] = text,
                ["variables"] = new JsonObject
                {
                    ["region"] = new JsonObject { ["default"] = Text("eu"), ["description"] = text, ["enum"] = new JsonArray(Text("eu"), Text("us")) },
                },
            }),
            ["paths"] = new JsonObject
            {
                ["/" + Text("widgets") + "/{" + Text("id") + "}"] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["operationId"] = "get" + Hidden[4] + "Widget" + Hidden[8],
                        ["summary"] = text,
                        ["description"] = text,
                        ["parameters"] = new JsonArray(
                            new JsonObject { ["name"] = Text("id"), ["in"] = "path", ["required"] = true, ["description"] = text, ["schema"] = Str() },
                            new JsonObject { ["name"] = Text("filter"), ["in"] = "query", ["description"] = text, ["schema"] = new JsonObject { ["type"] = "array", ["items"] = Str() } },
                            new JsonObject { ["name"] = Text("session"), ["in"] = "cookie", ["description"] = text, ["schema"] = Str() },
                            new JsonObject { ["name"] = "X-Trace", ["in"] = "header", ["description"] = text, ["schema"] = Str() },
                            new JsonObject { ["name"] = "X-Mode", ["in"] = "header", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Text("fixed")) } }),
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = text,
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + Text("Widget") } } },
                            },
                            ["404"] = new JsonObject
                            {
                                ["description"] = text,
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Shape" } } },
                            },
                        },
                    },
                },
                ["/upload"] = new JsonObject
                {
                    ["post"] = new JsonObject
                    {
                        ["operationId"] = "up" + Hidden[9] + "load",
                        ["description"] = text,
                        ["requestBody"] = new JsonObject
                        {
                            ["description"] = text,
                            ["required"] = true,
                            ["content"] = new JsonObject
                            {
                                ["multipart/form-data"] = new JsonObject
                                {
                                    ["schema"] = new JsonObject
                                    {
                                        ["type"] = "object",
                                        ["properties"] = new JsonObject
                                        {
                                            [Text("file")] = new JsonObject { ["type"] = "string", ["format"] = "binary", ["description"] = text },
                                            [Text("note")] = Str(),
                                        },
                                    },
                                },
                            },
                        },
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = text,
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Color" } } },
                            },
                        },
                    },
                },
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject
                {
                    [Text("Widget")] = widget,
                    ["Color"] = new JsonObject
                    {
                        ["type"] = "string",
                        ["description"] = text,
                        ["enum"] = new JsonArray(Colors.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
                    },
                    ["Level"] = new JsonObject
                    {
                        ["type"] = "integer",
                        ["description"] = text,
                        ["enum"] = new JsonArray(1, 2),
                        ["x-enum-varnames"] = new JsonArray(Text("low"), Text("high")),
                    },
                    ["Shape"] = new JsonObject
                    {
                        ["description"] = text,
                        ["oneOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/Circle" }, new JsonObject { ["$ref"] = "#/components/schemas/Square" }),
                        ["discriminator"] = new JsonObject
                        {
                            ["propertyName"] = Text("kind"),
                            ["mapping"] = new JsonObject { [Text("circle")] = "#/components/schemas/Circle", [Text("square")] = "#/components/schemas/Square" },
                        },
                    },
                    ["Circle"] = Case("radius", text),
                    ["Square"] = Case("side", text),
                },
            },
        };
        return spec.ToJsonString();
    }

    private static JsonObject Case(string member, string text) => new()
    {
        ["type"] = "object",
        ["description"] = text,
        ["required"] = new JsonArray(Text("kind"), member),
        ["properties"] = new JsonObject
        {
            [Text("kind")] = new JsonObject { ["type"] = "string", ["description"] = text },
            [member] = new JsonObject { ["type"] = "number", ["description"] = text },
        },
    };
}
