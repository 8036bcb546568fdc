using System;
using System.Text;
using Contracts.Runtime.Paging;
using Xunit;

namespace Contracts.Runtime.Tests.Paging;

/// <summary>The RFC 8288 <c>Link</c> header reader the <c>Link</c> paginator follows.</summary>
public sealed class LinkHeaderTests
{
    [Fact]
    public void GitHubs_header_gives_the_next_link()
    {
        const string header = "<https://api.github.com/organizations/9919/repos?per_page=2&page=2>; rel=\"next\", "
            + "<https://api.github.com/organizations/9919/repos?per_page=2&page=50>; rel=\"last\"";

        Assert.Equal("https://api.github.com/organizations/9919/repos?per_page=2&page=2", LinkHeader.Find(header, "next"));
    }

    [Fact]
    public void The_next_link_may_come_after_others()
    {
        const string header = "<https://x/?page=1>; rel=\"first\", <https://x/?page=3>; rel=\"prev\", <https://x/?page=5>; rel=\"next\"";

        Assert.Equal("https://x/?page=5", LinkHeader.Find(header, "next"));
    }

    [Fact]
    public void Links_across_several_headers_are_read_in_order()
    {
        string[] headers = ["<https://x/?page=9>; rel=\"last\"", "<https://x/?page=2>; rel=\"next\"", "<https://x/?page=3>; rel=\"next\""];

        Assert.Equal("https://x/?page=2", LinkHeader.Find(headers, "next"));
    }

    [Theory]
    [InlineData("<https://x/2>; rel=next")]
    [InlineData("<https://x/2>;rel=next")]
    [InlineData("<https://x/2> ; rel = \"next\"")]
    [InlineData("<https://x/2>; REL=\"NEXT\"")]
    [InlineData("<https://x/2>; rel=\"next last\"")]
    [InlineData("<https://x/2>; rel=\"last  next\"")]
    [InlineData("<https://x/2>; rel=\"last\tnext\"")]
    [InlineData("<https://x/2>; title=\"a, b; rel=prev\"; type=\"application/json\"; rel=\"next\"")]
    [InlineData("<https://x/2>; hreflang=en; rel=next; title*=UTF-8'de'n%c3%a4chste")]
    [InlineData("<https://x/2>; rel=\"n\\ext\"")]
    public void Rel_may_be_quoted_or_not_in_any_case_among_other_parameters(string header)
    {
        Assert.Equal("https://x/2", LinkHeader.Find(header, "next"));
    }

    [Fact]
    public void A_comma_inside_the_angle_brackets_belongs_to_the_uri()
    {
        Assert.Equal("https://x/items?ids=1,2,3&page=2", LinkHeader.Find("<https://x/items?ids=1,2,3&page=2>; rel=\"next\"", "next"));
    }

    [Fact]
    public void A_relative_reference_is_returned_as_written()
    {
        Assert.Equal("/repos?page=2", LinkHeader.Find("</repos?page=2>; rel=\"next\"", "next"));
    }

    [Theory]
    [InlineData("<https://x/?page=50>; rel=\"last\"")]
    [InlineData("<https://x/?page=1>; rel=\"prev\", <https://x/?page=1>; rel=\"first\"")]
    [InlineData("<https://x/2>; rel=\"nextpage\"")]
    [InlineData("<https://x/2>; rel=\"prev-next\"")]
    [InlineData("<https://x/2>; title=\"rel=next\"")]
    [InlineData("<https://x/2>")]
    [InlineData("<https://x/2>; rel")]
    [InlineData("<https://x/2>; rel=")]
    public void A_header_without_a_next_relation_gives_none(string header)
    {
        Assert.Null(LinkHeader.Find(header, "next"));
    }

    [Fact]
    public void Only_the_first_rel_of_a_link_counts()
    {
        // RFC 8288 §3.3: occurrences after the first are ignored.
        Assert.Null(LinkHeader.Find("<https://x/2>; rel=\"prev\"; rel=\"next\"", "next"));
        Assert.Equal("https://x/2", LinkHeader.Find("<https://x/2>; rel=\"next\"; rel=\"prev\"", "next"));
    }

    [Fact]
    public void A_link_about_another_resource_does_not_count()
    {
        // With an anchor the link's context is another resource: its "next" is not this response's.
        Assert.Equal("https://x/3", LinkHeader.Find("<https://x/2>; rel=\"next\"; anchor=\"#comments\", <https://x/3>; rel=\"next\"", "next"));
    }

    [Fact]
    public void An_empty_target_does_not_count()
    {
        Assert.Equal("https://x/3", LinkHeader.Find("<>; rel=\"next\", <https://x/3>; rel=next", "next"));
    }

    [Theory]
    [InlineData("garbage, <https://x/2>; rel=\"next\"")]
    [InlineData("garbage \"with, a quoted comma\" and more, <https://x/2>; rel=\"next\"")]
    [InlineData(",,, ; ;, <https://x/2>; rel=\"next\"")]
    [InlineData("<https://x/1>; rel=\"prev\" junk; more junk, <https://x/2>; rel=\"next\"")]
    [InlineData("<https://x/1>; =\"x\"; ; rel=\"prev\", <https://x/2>; ; rel=\"next\"")]
    [InlineData("<https://x/1>; title=\"unterminated, <https://x/3>; rel=next\", <https://x/2>; rel=next")]
    public void Garbage_is_skipped_up_to_the_next_link(string header)
    {
        Assert.Equal("https://x/2", LinkHeader.Find(header, "next"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<")]
    [InlineData("<https://x/2")]
    [InlineData("<https://x/2; rel=next")]
    [InlineData("<https://x/2>; rel=\"next")]
    [InlineData("<https://x/2>; title=\"\\")]
    [InlineData(";;;;")]
    [InlineData("\"\"\"")]
    public void Broken_headers_give_no_link_or_the_link_they_still_hold(string header)
    {
        var next = LinkHeader.Find(header, "next");

        // An unterminated rel still names the relation; every other broken form gives none.
        Assert.True(next is null || next == "https://x/2", next);
    }

    [Fact]
    public void Random_text_never_throws()
    {
        const string alphabet = "<>;,=\" \t\\relnxtREL:/?&#*'ab";
        var random = new Random(8288);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 40);
            for (var j = 0; j < length; j++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            // Any result is acceptable; an exception is not.
            _ = LinkHeader.Find(text.ToString(), "next");
        }
    }
}
