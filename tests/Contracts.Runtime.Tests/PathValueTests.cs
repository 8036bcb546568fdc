using System;
using System.Collections.Generic;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>Path values are required: empty ones and dot segments are refused in every style and shape, naming the parameter.</summary>
public sealed class PathValueTests
{
    private static readonly ParameterStyle[] PathStyles = [ParameterStyle.Simple, ParameterStyle.Label, ParameterStyle.Matrix];

    public static TheoryData<string, ParameterValue> EmptyValues => new()
    {
        { "empty string", ParameterValue.Of(string.Empty) },
        { "empty list", ParameterValue.List([]) },
        { "list of one empty string", ParameterValue.List([string.Empty]) },
        { "list of empty strings", ParameterValue.List([string.Empty, string.Empty, string.Empty]) },
        { "empty object", ParameterValue.FromJson(System.Text.Json.JsonDocument.Parse("{}").RootElement) },
        { "object of nulls", ParameterValue.FromJson(System.Text.Json.JsonDocument.Parse("""{"a": null}""").RootElement) },
        { "object with an empty key and value", ParameterValue.FromJson(System.Text.Json.JsonDocument.Parse("""{"": ""}""").RootElement) },
    };

    [Theory]
    [MemberData(nameof(EmptyValues))]
    public void An_empty_value_is_refused_in_every_style(string @case, ParameterValue value)
    {
        foreach (var style in PathStyles)
        {
            foreach (var explode in new[] { false, true })
            {
                var exception = Assert.Throws<ArgumentException>(() => ParameterStyles.Path("thing-id", value, style, explode));

                Assert.True(exception.ParamName == "thing-id", $"{@case}, {style}, explode {explode}: {exception.ParamName}");
                Assert.Contains("'thing-id' is empty", exception.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void An_empty_simple_segment_is_refused_naming_the_parameter()
    {
        var named = Assert.Throws<ArgumentException>(() => ContractsHttp.EscapePathSegment(string.Empty, "petId"));
        var unnamed = Assert.Throws<ArgumentException>(() => ContractsHttp.EscapePathSegment(string.Empty));

        Assert.Equal("petId", named.ParamName);
        Assert.Contains("'petId' is empty", named.Message, StringComparison.Ordinal);
        Assert.Equal("value", unnamed.ParamName);
    }

    public static TheoryData<string, ParameterValue, ParameterStyle, bool> DotSegments => new()
    {
        { "label dot", ParameterValue.Of("."), ParameterStyle.Label, false },
        { "simple dots", ParameterValue.Of(".."), ParameterStyle.Simple, false },
        { "label list item", ParameterValue.List(["a", "."]), ParameterStyle.Label, true },
        { "label object key", Members(("..", "a")), ParameterStyle.Label, false },
        { "label object value", Members(("a", ".")), ParameterStyle.Label, true },
        { "matrix object key", Members((".", "a")), ParameterStyle.Matrix, true },
        { "simple object value", Members(("a", "..")), ParameterStyle.Simple, false },
    };

    [Theory]
    [MemberData(nameof(DotSegments))]
    public void A_dot_segment_is_refused_in_every_style_and_shape(string @case, ParameterValue value, ParameterStyle style, bool explode)
    {
        var exception = Assert.Throws<ArgumentException>(() => ParameterStyles.Path("id", value, style, explode));

        Assert.True(exception.ParamName == "id", @case);
        Assert.Contains("relative path segment", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ParameterStyle.Simple, false, "a,")]
    [InlineData(ParameterStyle.Label, false, ".a,")]
    [InlineData(ParameterStyle.Label, true, ".a.")]
    [InlineData(ParameterStyle.Matrix, false, ";id=a,")]
    [InlineData(ParameterStyle.Matrix, true, ";id=a;id=")]
    public void A_list_with_some_text_is_spelled_with_its_empty_items(ParameterStyle style, bool explode, string expected)
    {
        Assert.Equal(expected, ParameterStyles.Path("id", ParameterValue.List(["a", string.Empty]), style, explode));
    }

    [Theory]
    [InlineData(ParameterStyle.Simple, false, "k,")]
    [InlineData(ParameterStyle.Label, false, ".k,")]
    [InlineData(ParameterStyle.Label, true, ".k=")]
    [InlineData(ParameterStyle.Matrix, true, ";k=")]
    public void An_object_with_a_key_is_spelled_even_when_its_value_is_empty(ParameterStyle style, bool explode, string expected)
    {
        Assert.Equal(expected, ParameterStyles.Path("id", Members(("k", string.Empty)), style, explode));
    }

    private static ParameterValue Members(params (string Key, string Value)[] members)
    {
        var json = new System.Text.StringBuilder("{");
        foreach (var (key, value) in members)
        {
            json.Append(json.Length > 1 ? "," : string.Empty).Append(System.Text.Json.JsonSerializer.Serialize(key, RuntimeTestJsonContext.Default.String))
                .Append(':').Append(System.Text.Json.JsonSerializer.Serialize(value, RuntimeTestJsonContext.Default.String));
        }

        return ParameterValue.FromJson(System.Text.Json.JsonDocument.Parse(json.Append('}').ToString()).RootElement);
    }
}
