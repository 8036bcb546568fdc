using System.Linq;
using Contracts.Generator.Reading.Overlays;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.Generator.Tests.JsonPath;

/// <summary>The query API overlays use: child segments with name, wildcard, index and slice selectors, and what a match tells.</summary>
public sealed class JsonPathQueryTests
{
    private const string Store = """
        store:
          book:
            - title: Sayings
              price: 8.95
            - title: Sword
              price: 12.99
            - title: Moby Dick
              price: 8.99
          bicycle:
            color: red
            price: 399
        'quoted key': q
        "it's": apostrophe
        'say "hi"': quotes
        'back\slash': backslash
        "tab\tkey": tab
        ☺: smile
        """;

    [Fact]
    public void The_root_identifier_selects_the_root_with_no_parent()
    {
        var root = YamlTrees.Parse(Store);

        var match = Assert.Single(YamlTrees.Query("$").Select(root));

        Assert.Same(root, match.Node);
        Assert.Null(match.Parent);
        Assert.Null(match.Key);
        Assert.Equal(-1, match.Index);
    }

    [Fact]
    public void A_member_name_selects_the_member_and_tells_its_mapping_and_key()
    {
        var root = (YamlMappingNode)YamlTrees.Parse(Store);

        var match = Assert.Single(YamlTrees.Query("$.store.bicycle.color").Select(root));

        Assert.Equal("red", ((YamlScalarNode)match.Node).Value);
        var bicycle = (YamlMappingNode)((YamlMappingNode)root.Children[new YamlScalarNode("store")]).Children[new YamlScalarNode("bicycle")];
        Assert.Same(bicycle, match.Parent);
        Assert.Equal("color", ((YamlScalarNode)match.Key!).Value);
        Assert.Equal(-1, match.Index);
    }

    [Theory]
    [InlineData("$['quoted key']", "q")]
    [InlineData("$[\"quoted key\"]", "q")]
    [InlineData("$[\"it's\"]", "apostrophe")]
    [InlineData("$['it\\'s']", "apostrophe")]
    [InlineData("$['say \"hi\"']", "quotes")]
    [InlineData("$[\"say \\\"hi\\\"\"]", "quotes")]
    [InlineData("$['back\\\\slash']", "backslash")]
    [InlineData("$['tab\\tkey']", "tab")]
    [InlineData("$['\\u263A']", "smile")]
    [InlineData("$['\\u263a']", "smile")]
    [InlineData("$.☺", "smile")]
    [InlineData("$['☺']", "smile")]
    [InlineData("$['st\\u006Fre']['bicycle'].color", "red")]
    public void Quoted_names_take_either_quote_and_the_rfc_escapes(string query, string expected)
    {
        Assert.Equal(new[] { expected }, YamlTrees.Select(Store, query));
    }

    [Fact]
    public void A_name_on_something_other_than_a_mapping_selects_nothing()
    {
        Assert.Empty(YamlTrees.Select(Store, "$.store.book.title"));
        Assert.Empty(YamlTrees.Select(Store, "$.store.bicycle.color.x"));
        Assert.Empty(YamlTrees.Select(Store, "$.nothing"));
    }

    [Fact]
    public void A_wildcard_selects_members_and_items_in_document_order()
    {
        Assert.Equal(new[] { "red", "399" }, YamlTrees.Select(Store, "$.store.bicycle.*"));
        Assert.Equal(new[] { "red", "399" }, YamlTrees.Select(Store, "$.store.bicycle[*]"));
        Assert.Equal(new[] { "Sayings", "Sword", "Moby Dick" }, YamlTrees.Select(Store, "$.store.book[*].title"));
        Assert.Empty(YamlTrees.Select(Store, "$.store.bicycle.color.*"));
    }

    [Fact]
    public void Items_of_a_sequence_tell_their_position()
    {
        var matches = YamlTrees.Query("$.store.book.*").Select(YamlTrees.Parse(Store));

        Assert.Equal(new[] { 0, 1, 2 }, matches.Select(m => m.Index));
        Assert.All(matches, m => Assert.IsType<YamlSequenceNode>(m.Parent));
        Assert.All(matches, m => Assert.Null(m.Key));
    }

    [Theory]
    [InlineData("$.store.book[0].title", "Sayings")]
    [InlineData("$.store.book[2].title", "Moby Dick")]
    [InlineData("$.store.book[-1].title", "Moby Dick")]
    [InlineData("$.store.book[-3].title", "Sayings")]
    public void An_index_counts_from_the_start_or_from_the_end_when_negative(string query, string expected)
    {
        Assert.Equal(new[] { expected }, YamlTrees.Select(Store, query));
    }

    [Theory]
    [InlineData("$.store.book[3]")]
    [InlineData("$.store.book[-4]")]
    [InlineData("$.store.bicycle[0]")]
    [InlineData("$.store.book[9007199254740991]")]
    public void An_index_outside_the_sequence_or_on_a_mapping_selects_nothing(string query)
    {
        Assert.Empty(YamlTrees.Select(Store, query));
    }

    [Fact]
    public void A_union_keeps_the_order_of_its_selectors_and_their_duplicates()
    {
        Assert.Equal(new[] { "399", "red" }, YamlTrees.Select(Store, "$.store.bicycle['price','color']"));
        Assert.Equal(new[] { "Moby Dick", "Sayings", "Moby Dick" }, YamlTrees.Select(Store, "$.store.book[-1, 0, 2].title"));
        Assert.Equal(new[] { "red", "red" }, YamlTrees.Select(Store, "$.store.bicycle[ 'color' ,\"color\" ]"));
        Assert.Equal(new[] { "red", "399", "399" }, YamlTrees.Select(Store, "$.store.bicycle[*,'price']"));
    }

    [Theory]
    [InlineData("$.store.book[0:2].title", "Sayings,Sword")]
    [InlineData("$.store.book[1:].title", "Sword,Moby Dick")]
    [InlineData("$.store.book[:-1].title", "Sayings,Sword")]
    [InlineData("$.store.book[::2].title", "Sayings,Moby Dick")]
    [InlineData("$.store.book[::-1].title", "Moby Dick,Sword,Sayings")]
    [InlineData("$.store.book[-1:0:-1].title", "Moby Dick,Sword")]
    [InlineData("$.store.book[0:3:0].title", "")]
    [InlineData("$.store.book[-100:100].title", "Sayings,Sword,Moby Dick")]
    [InlineData("$.store.book[100:-100:-1].title", "Moby Dick,Sword,Sayings")]
    [InlineData("$.store.book[2:1].title", "")]
    [InlineData("$.store.book[ 0 : 2 : 1 ].title", "Sayings,Sword")]
    public void A_slice_follows_the_rfc_bounds(string query, string expected)
    {
        Assert.Equal(expected, string.Join(",", YamlTrees.Select(Store, query)));
    }

    [Fact]
    public void Whitespace_may_separate_segments_and_fill_brackets_but_not_follow_a_dot()
    {
        Assert.Equal(new[] { "red" }, YamlTrees.Select(Store, "$ .store\n\t[ 'bicycle' ] .color"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("store", 0)]
    [InlineData(" $", 0)]
    [InlineData("$ ", 1)]
    [InlineData("$.", 2)]
    [InlineData("$. a", 2)]
    [InlineData("$.1a", 2)]
    [InlineData("$.a-b", 3)]
    [InlineData("$[", 2)]
    [InlineData("$['a'", 5)]
    [InlineData("$['a", 2)]
    [InlineData("$['a',]", 6)]
    [InlineData("$[]", 2)]
    [InlineData("$[01]", 2)]
    [InlineData("$[-0]", 2)]
    [InlineData("$[9007199254740992]", 2)]
    [InlineData("$['\\q']", 3)]
    [InlineData("$['\\uD800']", 3)]
    [InlineData("$['\\uDC00']", 3)]
    [InlineData("$['\\\"']", 3)]
    [InlineData("$[\"\\'\"]", 3)]
    [InlineData("$['\u0001']", 3)]
    [InlineData("$['a' 'b']", 6)]
    [InlineData("$[1.0]", 3)]
    public void A_malformed_query_fails_with_the_offset_of_its_problem(string text, int offset)
    {
        Assert.False(JsonPathQuery.TryParse(text, out var query, out var error, out var errorOffset));

        Assert.Null(query);
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Equal(offset, errorOffset);
    }

    [Fact]
    public void Json_and_yaml_texts_of_a_document_select_alike()
    {
        const string Json = """{"store": {"book": [{"title": "Sayings"}, {"title": "Sword"}], "bicycle": {"color": "red"}}}""";

        Assert.Equal(new[] { "Sword" }, YamlTrees.Select(Json, "$.store.book[-1].title"));
        Assert.Equal(new[] { "red" }, YamlTrees.Select(Json, "$['store'].bicycle.*"));
    }

    [Fact]
    public void A_node_yaml_aliases_share_is_selected_once_per_place_it_appears_as_one_object()
    {
        const string Document = """
            base: &shared {x: 1}
            copy: *shared
            """;

        var matches = YamlTrees.Query("$..x").Select(YamlTrees.Parse(Document));

        Assert.Equal(2, matches.Count);
        Assert.Same(matches[0].Parent, matches[1].Parent);
        Assert.Equal(new[] { "1", "1" }, matches.Select(m => YamlTrees.Describe(m.Node)));
    }
}
