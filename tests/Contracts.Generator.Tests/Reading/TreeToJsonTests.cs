using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Contracts.Generator.Reading;
using Contracts.Generator.Reading.Yaml;
using Contracts.TestSupport;
using Contracts.Generator.Tests.SpecEditing;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// The read's one-walk conversion gives the nodes Microsoft.OpenApi's own converter gives (the same JSON, every value of
/// the same kind) for every spec the tests hold and the large descriptions, and leaves to the library's path the trees
/// it must not convert itself.
/// </summary>
public sealed class TreeToJsonTests
{
    public static IEnumerable<object[]> TestSpecs() => SplitIdentityTests.TestSpecs();

    [Theory]
    [MemberData(nameof(TestSpecs))]
    public void A_test_spec_converts_as_the_library_converts_it(string path) =>
        AssertConvertsAsTheLibrary(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, path)));

    [Theory]
    [InlineData("aws/lightsail-2016-11-28.yaml")]
    [InlineData("vendors/github-api-1.1.4.yaml")]
    [InlineData("vendors/stripe-2020-08-27.yaml")]
    [InlineData("vendors/openai/openapi.yaml")]
    public void A_large_description_converts_as_the_library_converts_it(string path) =>
        AssertConvertsAsTheLibrary(File.ReadAllText(RepositoryPaths.Combine("spec", path)));

    [Fact]
    public void Scalars_are_typed_as_the_library_types_them()
    {
        AssertConvertsAsTheLibrary("""
            plain: [1, -2, 1.5e3, .5, +7, 0x1F, 1_000, true, False, TRUE, ~, null, Null, NULL, nil, yes, '', word]
            quoted: ['1', "true", 'null', "~"]
            block: |
              1
            folded: >
              true
            empty:
            "": key
            """);
    }

    [Theory]
    [InlineData("an anchor and its alias", "a: &shared {b: 1}\nc: *shared\n")]
    [InlineData("an anchor alone", "a: &unused 1\n")]
    [InlineData("a key that is a list", "? [a, b]\n: 1\n")]
    [InlineData("a key that is a map", "? {a: 1}\n: 1\n")]
    public void A_tree_the_library_must_convert_is_left_to_it(string @case, string yaml)
    {
        Assert.True(TreeToJson.TryConvert(Parse(yaml)) is null, @case);
    }

    [Fact]
    public void A_scalar_past_the_length_limit_is_left_to_the_limits_walk()
    {
        var root = Parse("a: " + new string('x', Limits.MaxScalarLength + 1) + "\n");

        Assert.Null(TreeToJson.TryConvert(root));
        Assert.NotNull(TreeToJson.TryConvert(Parse("a: " + new string('x', Limits.MaxScalarLength) + "\n")));
    }

    private static void AssertConvertsAsTheLibrary(string text)
    {
        var root = Parse(SpecReader.Prepare(text));
        var ours = TreeToJson.TryConvert(root);
        Assert.NotNull(ours);
        var theirs = root.ToJsonNode();
        Assert.Equal(theirs.ToJsonString(), ours!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(theirs, ours));
        Assert.Equal(Kinds(theirs).ToList(), Kinds(ours).ToList());
    }

    private static YamlNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }

    /// <summary>Every key and every value's JSON kind and .NET type, in document order.</summary>
    private static IEnumerable<string> Kinds(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(entry => Kinds(entry.Value).Prepend(entry.Key)),
        JsonArray array => array.SelectMany(Kinds),
        JsonValue value => [value.GetValueKind() + ":" + value.GetValue<object>().GetType().Name],
        _ => ["null"],
    };
}
