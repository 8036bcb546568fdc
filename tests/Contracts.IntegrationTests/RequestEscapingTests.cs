using System;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Infrastructure;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>
/// Parameter values cannot change the route, the query or the header block: checked on what a real server on
/// 127.0.0.1 receives (the raw request target, the query as ASP.NET Core parses it).
/// </summary>
public sealed class RequestEscapingTests
{
    private const string ItemJson = """{"id": "a", "count": 1}""";

    [Theory]
    [InlineData("../admin")]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b")]
    [InlineData("a?admin=true")]
    [InlineData("a#fragment")]
    [InlineData("100%")]
    [InlineData("%2e%2e")]
    [InlineData("a b")]
    [InlineData("a\\b")]
    [InlineData("ü/日本/🙂")]
    [InlineData("a;b=c,d")]
    public async Task A_path_value_stays_one_segment(string id)
    {
        await using var server = await LoopbackServer.StartAsync(200, ItemJson);
        using var http = new HttpClient();

        await HostileResponseTests.Client(http, server).GetItemAsync(id);

        var target = Assert.Single(server.Requests).RawTarget;
        Assert.StartsWith("/items/", target, StringComparison.Ordinal);
        var segment = target["/items/".Length..];
        Assert.DoesNotContain('/', segment);
        Assert.DoesNotContain('?', segment);
        Assert.DoesNotContain('#', segment);
        Assert.Equal(id, Uri.UnescapeDataString(segment));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_dot_segment_is_refused_before_sending(string id)
    {
        await using var server = await LoopbackServer.StartAsync(200, ItemJson);
        using var http = new HttpClient();

        await Assert.ThrowsAsync<ArgumentException>(() => HostileResponseTests.Client(http, server).GetItemAsync(id));

        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("a&api_key=stolen")]
    [InlineData("x y+z")]
    [InlineData("100%")]
    [InlineData("#not-a-fragment")]
    [InlineData("ü 日本 🙂")]
    [InlineData("=")]
    public async Task A_query_value_arrives_as_sent_and_adds_no_parameter(string q)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var query = context.Request.Query;
            return LoopbackServer.Respond(context, query.Count == 1 && query["q"] == q ? 200 : 400, ItemJson);
        });
        using var http = new HttpClient();

        await HostileResponseTests.Client(http, server).GetItemAsync("a", q: q);

        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("a\nX-Injected: 1")]
    [InlineData("a\r")]
    public async Task A_header_value_with_a_line_break_is_refused_before_sending(string trace)
    {
        await using var server = await LoopbackServer.StartAsync(200, ItemJson);
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => HostileResponseTests.Client(http, server).GetItemAsync("a", xTrace: trace));

        Assert.Contains("X-Trace", exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_header_value_arrives_as_sent()
    {
        await using var server = await LoopbackServer.StartAsync(200, ItemJson);
        using var http = new HttpClient();

        await HostileResponseTests.Client(http, server).GetItemAsync("a", xTrace: "a: b; c=d, \"e\"");

        Assert.Equal("a: b; c=d, \"e\"", Assert.Single(server.Requests).Headers["X-Trace"]);
    }
}
