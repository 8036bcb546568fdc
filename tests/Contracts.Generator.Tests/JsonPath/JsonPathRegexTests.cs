using System.Linq;
using Contracts.Generator.Reading.Overlays;
using Xunit;

namespace Contracts.Generator.Tests.JsonPath;

/// <summary>match() and search(): I-Regexp (RFC 9485) translated to .NET safely, code points beyond U+FFFF as one character.</summary>
public sealed class JsonPathRegexTests
{
    [Theory]
    [InlineData("a.c", "a\U0001F600c", true)]
    [InlineData("a[^b]c", "a\U0001F600c", true)]
    [InlineData("a[^\U0001F600]c", "a\U0001F600c", false)]
    [InlineData("a[^\U0001F600]c", "a\U0001F601c", true)]
    [InlineData("[\U0001F600-\U0001F64F]+", "\U0001F600\U0001F64F", true)]
    [InlineData("[\U0001F600-\U0001F64F]", "\U0001F650", false)]
    [InlineData("[a\U00010000-\U0010FFFF]", "\U0010FFFF", true)]
    [InlineData("[\uE000-\U00010001]", "\U00010001", true)]
    [InlineData("[\uE000-\U00010001]", "\U00010002", false)]
    [InlineData("\U0001F600{2}", "\U0001F600\U0001F600", true)]
    [InlineData("\\P{L}", "\U0001F600", true)]
    [InlineData("[^\\P{L}]", "\U0001F600", false)]
    [InlineData("\\p{Lu}\\p{Ll}+", "Hello", true)]
    [InlineData("\\p{C}", "\u0001", true)]
    [InlineData("\\P{C}", "a", true)]
    [InlineData("\\P{C}", "\u0001", false)]
    [InlineData("[\\p{Nd}\\-]+", "12-34", true)]
    [InlineData(".", "\n", false)]
    [InlineData(".", "\r", false)]
    [InlineData("a|b(c|d)*", "bcdc", true)]
    [InlineData("x{2,3}", "xxxx", false)]
    [InlineData("x{2,}", "xxxx", true)]
    [InlineData("[-a]+", "-a-", true)]
    [InlineData("[a-]+", "-a-", true)]
    [InlineData("\\(\\)\\*\\+\\.\\?\\[\\]\\{\\}\\|\\\\\\^\\-", "()*+.?[]{}|\\^-", true)]
    [InlineData("\\n\\t\\r", "\n\t\r", true)]
    [InlineData("(?", "(?", false)]
    public void Match_reads_the_pattern_as_i_regexp_over_the_whole_string(string pattern, string input, bool matches)
    {
        var parsed = JsonPathQuery.TryParse("$[?match(@, $.pattern)]", out var query, out _, out _);
        Assert.True(parsed);
        var document = YamlTrees.Parse("{\"pattern\": " + Json(pattern) + ", \"input\": " + Json(input) + "}");

        var selected = query!.Select(document).Select(m => YamlTrees.Describe(m.Node)).ToArray();

        Assert.Equal(matches, selected.Contains(input));
    }

    [Fact]
    public void Search_finds_the_pattern_anywhere_and_match_only_over_the_whole_string()
    {
        const string Document = "['abc', 'xabcx', 'ab']";

        Assert.Equal(new[] { "abc", "xabcx" }, YamlTrees.Select(Document, "$[?search(@, 'b.')]"));
        Assert.Empty(YamlTrees.Select(Document, "$[?match(@, 'b.')]"));
        Assert.Equal(new[] { "abc" }, YamlTrees.Select(Document, "$[?match(@, 'a.c')]"));
    }

    [Theory]
    [InlineData("a\\d")]
    [InlineData("a\\w")]
    [InlineData("(a)\\1")]
    [InlineData("(?=a)")]
    [InlineData("(?i)a")]
    [InlineData("a**")]
    [InlineData("a{2")]
    [InlineData("a{3,2}")]
    [InlineData("a{1001}")]
    [InlineData("[a-[b]]")]
    [InlineData("[b-a]")]
    [InlineData("[a-c-e]")]
    [InlineData("[]")]
    [InlineData("a)")]
    [InlineData("(a")]
    [InlineData("]")]
    [InlineData("\\p{Xx}")]
    [InlineData("\\p{Cs}")]
    [InlineData("\\p{IsBasicLatin}")]
    public void A_pattern_written_in_the_query_that_is_not_i_regexp_is_a_parse_error_at_the_pattern(string pattern)
    {
        var text = "$[?match(@, '" + pattern.Replace("\\", "\\\\") + "')]";

        Assert.False(JsonPathQuery.TryParse(text, out _, out var error, out var offset));

        Assert.Contains("I-Regexp", error);
        Assert.Equal(text.IndexOf('\''), offset);
    }

    [Fact]
    public void A_pattern_from_the_document_that_is_not_i_regexp_matches_nothing()
    {
        const string Document = """{"pattern": "(a)\\1", "values": ["aa", "a"]}""";

        Assert.Empty(YamlTrees.Select(Document, "$.values[?match(@, $.pattern)]"));
        Assert.Equal(new[] { "aa", "a" }, YamlTrees.Select(Document, "$.values[?!search(@, $.pattern)]"));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(33)]
    public void Groups_nest_at_most_32_deep(int depth)
    {
        var pattern = new string('(', depth) + "a" + new string(')', depth);

        var parsed = JsonPathQuery.TryParse("$[?match(@, '" + pattern + "')]", out _, out var error, out _);

        Assert.Equal(depth <= 32, parsed);
        if (!parsed)
        {
            Assert.Contains("nest", error);
        }
    }

    [Fact]
    public void A_pattern_that_backtracks_exponentially_still_answers()
    {
        // A backtracking engine tries 2^40 ways to split the a's before failing and runs out of its 200 ms; the
        // engine used where the runtime has one (.NET 7 and later) never backtracks.
        var document = "['" + new string('a', 40) + "', 'aab']";

        Assert.Equal(new[] { "aab" }, YamlTrees.Select(document, "$[?match(@, '(a|aa)*b')]"));
    }

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
