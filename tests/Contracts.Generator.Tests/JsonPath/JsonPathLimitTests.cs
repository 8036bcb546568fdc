using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Contracts.Generator.Reading;
using Contracts.Generator.Reading.Overlays;
using SharpYaml.Serialization;
using Xunit;
using Xunit.Abstractions;

namespace Contracts.Generator.Tests.JsonPath;

/// <summary>Hostile queries and documents: bounded nesting, no recursion over the document, a work budget, cancellation.</summary>
public sealed class JsonPathLimitTests
{
    private readonly ITestOutputHelper _output;

    public JsonPathLimitTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData("$[?{0}@.a{1}]", "(", ")", 1)]
    [InlineData("$[?{0}@.a{1}]", "!(", ")", 2)]
    [InlineData("$[?{0}@.a{1}]", "@[?", "]", 1)]
    [InlineData("$[?{0}@.a{1} == 1]", "length(", ")", 1)]
    public void Queries_nest_at_most_64_levels_and_deeper_ones_fail_to_parse(string shape, string open, string close, int levelsPerRepeat)
    {
        string Nested(int repeats) => string.Format(shape, string.Concat(Enumerable.Repeat(open, repeats)), string.Concat(Enumerable.Repeat(close, repeats)));

        // The filter itself is one level.
        var allowed = (JsonPathParser.MaxNesting - 1) / levelsPerRepeat;

        Assert.True(JsonPathQuery.TryParse(Nested(allowed), out _, out var error, out _), error);
        Assert.False(JsonPathQuery.TryParse(Nested(allowed + 1), out _, out error, out _));
        Assert.Contains("nests more than 64", error);
        Assert.False(JsonPathQuery.TryParse(Nested(100_000), out _, out error, out _));
        Assert.Contains("nests more than 64", error);
    }

    [Fact]
    public void A_long_query_of_many_segments_parses_and_runs()
    {
        var query = "$" + string.Concat(Enumerable.Repeat(".a", 100_000));

        Assert.Empty(YamlTrees.Select("a: {a: 1}", query));
    }

    [Fact]
    public void A_document_far_deeper_than_the_reader_allows_is_walked_and_compared_without_recursion()
    {
        const int Depth = 100_000;
        Assert.True(Depth > 1000 * Limits.MaxYamlDepth);
        var root = new YamlMappingNode();
        root.Children.Add(new YamlScalarNode("a"), Chain(Depth));
        root.Children.Add(new YamlScalarNode("b"), Chain(Depth));

        Assert.Equal((2 * Depth) + 2, YamlTrees.Query("$..*").Select(root).Count);
        Assert.Equal(2, YamlTrees.Query("$..[?@ == 'bottom']").Select(root).Count);
        Assert.Equal(2, YamlTrees.Query("$[?@ == $.b]").Select(root).Count);

        static YamlNode Chain(int depth)
        {
            YamlNode node = new YamlScalarNode("bottom");
            for (var i = 0; i < depth; i++)
            {
                node = new YamlSequenceNode(node);
            }

            return node;
        }
    }

    [Fact]
    public void A_query_that_does_too_much_work_stops_with_a_limit_error()
    {
        // A chain of 400 sequences: $..* lists 400 nodes, each further ..* multiplies by up to 400.
        YamlNode node = new YamlScalarNode("x");
        for (var i = 0; i < 400; i++)
        {
            node = new YamlSequenceNode(node);
        }

        Assert.Equal(400, YamlTrees.Query("$..*").Select(node).Count);
        var exception = Assert.Throws<JsonPathLimitException>(() => YamlTrees.Query("$..*..*..*..*").Select(node));
        Assert.Matches("more than [0-9,]+ nodes", exception.Message);
    }

    [Fact]
    public void A_cancelled_selection_stops_in_the_descendant_walk()
    {
        var items = new YamlSequenceNode(Enumerable.Range(0, 10_000).Select(i => (YamlNode)new YamlScalarNode(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => YamlTrees.Query("$..x").Select(items, cancellation.Token));
        Assert.Empty(YamlTrees.Query("$..x").Select(items, CancellationToken.None));
    }

    [Fact]
    public void Descendants_of_stripes_description_are_selected_in_one_walk()
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("spec", "vendors", "stripe-2020-08-27.yaml"));
        var root = YamlTrees.Parse(text);
        var query = YamlTrees.Query("$..description");

        var watch = Stopwatch.StartNew();
        var matches = query.Select(root);
        watch.Stop();

        // Every mapping with a "description" key, counted by a walk of the test's own.
        Assert.Equal(CountKeys(root, "description"), matches.Count);
        Assert.All(matches, m => Assert.Equal("description", ((YamlScalarNode)m.Key!).Value));
        _output.WriteLine($"$..description on Stripe's description ({text.Length:N0} characters): {matches.Count:N0} matches in {watch.Elapsed.TotalMilliseconds:N0} ms");
    }

    private static int CountKeys(YamlNode root, string key)
    {
        var count = 0;
        var pending = new System.Collections.Generic.Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlMappingNode mapping:
                    foreach (var entry in mapping.Children)
                    {
                        count += entry.Key is YamlScalarNode { Value: var name } && name == key ? 1 : 0;
                        pending.Push(entry.Value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        return count;
    }
}
