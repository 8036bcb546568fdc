using Contracts.Generator.Reading.Overlays;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.Generator.Tests.JsonPath;

/// <summary>The JSON type of YAML scalars (the core schema for plain ones, strings when quoted) and what filters make of it.</summary>
public sealed class JsonPathValueTests
{
    [Theory]
    [InlineData("null", "Null")]
    [InlineData("Null", "Null")]
    [InlineData("NULL", "Null")]
    [InlineData("~", "Null")]
    [InlineData("", "Null")]
    [InlineData("true", "Boolean")]
    [InlineData("False", "Boolean")]
    [InlineData("TRUE", "Boolean")]
    [InlineData("42", "Number")]
    [InlineData("-7", "Number")]
    [InlineData("+7", "Number")]
    [InlineData("0o17", "Number")]
    [InlineData("0x1F", "Number")]
    [InlineData("1.5", "Number")]
    [InlineData(".5", "Number")]
    [InlineData("1.", "Number")]
    [InlineData("1e3", "Number")]
    [InlineData("-2.5E-3", "Number")]
    [InlineData(".inf", "Number")]
    [InlineData("-.Inf", "Number")]
    [InlineData(".NaN", "Number")]
    [InlineData("yes", "String")]
    [InlineData("on", "String")]
    [InlineData("tRUE", "String")]
    [InlineData("nULL", "String")]
    [InlineData("1_000", "String")]
    [InlineData("0x", "String")]
    [InlineData("0o8", "String")]
    [InlineData("1e", "String")]
    [InlineData("2024-01-01", "String")]
    [InlineData("'42'", "String")]
    [InlineData("\"true\"", "String")]
    [InlineData("'null'", "String")]
    [InlineData("''", "String")]
    [InlineData("!!str 42", "String")]
    [InlineData("!!int '42'", "Number")]
    [InlineData("!!bool 'true'", "Boolean")]
    [InlineData("!!null ''", "Null")]
    [InlineData("!custom 42", "String")]
    [InlineData("{}", "Object")]
    [InlineData("[]", "Array")]
    public void A_scalar_has_the_json_type_of_the_yaml_core_schema_unless_quoted_or_tagged(string yaml, string kind)
    {
        var node = ((YamlMappingNode)YamlTrees.Parse("value: " + yaml)).Children[new YamlScalarNode("value")];

        Assert.Equal(kind, JsonPathValue.KindOf(node).ToString());
    }

    [Fact]
    public void Block_scalars_are_strings_whatever_they_hold()
    {
        var root = (YamlMappingNode)YamlTrees.Parse("literal: |\n  42\nfolded: >\n  true\n");

        Assert.Equal(JsonPathValueKind.String, JsonPathValue.KindOf(root.Children[new YamlScalarNode("literal")]));
        Assert.Equal(JsonPathValueKind.String, JsonPathValue.KindOf(root.Children[new YamlScalarNode("folded")]));
    }

    [Theory]
    [InlineData("$[?@.v == 1]", "plain-int,plain-float,exponent,json")]
    [InlineData("$[?@.v == '1']", "quoted")]
    [InlineData("$[?@.v == true]", "bool")]
    [InlineData("$[?@.v == null]", "tilde,empty")]
    [InlineData("$[?@.v > 0.5]", "plain-int,plain-float,exponent,json")]
    [InlineData("$[?@.v < 'a']", "quoted")]
    public void Filters_compare_yaml_and_json_scalars_by_their_json_values(string query, string expected)
    {
        const string Document = """
            - {name: plain-int, v: 1}
            - {name: plain-float, v: 1.0}
            - {name: exponent, v: 1e0}
            - {name: quoted, v: '1'}
            - {name: bool, v: true}
            - {name: tilde, v: ~}
            - {name: empty, v: }
            - {"name": "json", "v": 1}
            """;

        var names = YamlTrees.Query(query + ".name").Select(YamlTrees.Parse(Document));

        Assert.Equal(expected, string.Join(",", System.Linq.Enumerable.Select(names, m => YamlTrees.Describe(m.Node))));
    }

    [Fact]
    public void Large_integers_compare_exactly()
    {
        const string Document = "[9007199254740993, 9007199254740992, 100000000000000000000000001, 100000000000000000000000000]";

        Assert.Equal(new[] { "9007199254740993" }, YamlTrees.Select(Document, "$[?@ == 9007199254740993]"));
        Assert.Equal(new[] { "100000000000000000000000001" }, YamlTrees.Select(Document, "$[?@ > 100000000000000000000000000]"));
    }

    [Fact]
    public void Strings_order_by_code_point_not_by_utf16_unit()
    {
        // U+FF21 (a BMP character above the surrogates) comes before U+1F600, whose first UTF-16 unit is 0xD83D.
        const string Document = "['\uFF21', '\U0001F600']";

        Assert.Equal(new[] { "\uFF21" }, YamlTrees.Select(Document, "$[?@ < '\U0001F600']"));
        Assert.Equal(new[] { "\U0001F600" }, YamlTrees.Select(Document, "$[?@ > '\uFF21']"));
    }

    [Fact]
    public void Objects_and_arrays_are_equal_by_content_whatever_the_member_order_or_style()
    {
        const string Document = """
            a: {x: 1, y: [true, 'two']}
            b: {"y": [true, "two"], "x": 1.0}
            c: {x: 1, y: [true, 'two', 3]}
            d: {x: '1', y: [true, 'two']}
            """;

        Assert.Equal(new[] { "{mapping}", "{mapping}" }, YamlTrees.Select(Document, "$[?@ == $.a]"));
        Assert.Equal(new[] { "{mapping}", "{mapping}" }, YamlTrees.Select(Document, "$[?@ != $.b]"));
    }
}
