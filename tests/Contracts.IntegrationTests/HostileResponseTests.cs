using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Hostile;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.Runtime;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>
/// Responses a client must survive, from a real server on 127.0.0.1: bodies that are not what the document says.
/// Every failure is an <see cref="ApiException"/> with the status, the operation and an excerpt. (Envelope bodies are
/// covered by <see cref="LightsailClientTests"/>; connections that break or stall by <see cref="HostileConnectionTests"/>.)
/// </summary>
public sealed class HostileResponseTests
{
    public static TheoryData<string, string, string[]> UnreadableItems => new()
    {
        // Case, body, texts the message must contain (the member, the C# type, what was wrong).
        { "truncated JSON", """{"id": "abc", "count": 1, "tags": ["x", "y""", ["GetItem", "could not be read"] },
        { "string where a number is declared", """{"id": "abc", "count": "7"}""", ["'count'", "'Item'", "a 32-bit integer", "a string"] },
        { "number where a string is declared", """{"id": 5, "count": 1}""", ["'id'", "'Item'", "a string", "a number"] },
        { "object where a list is declared", """{"id": "a", "count": 1, "tags": {"a": 1}}""", ["'tags'", "'Item'"] },
        { "wrong item type in a list", """{"id": "a", "count": 1, "tags": ["ok", 3]}""", ["'tags'", "'Item'", "a string", "a number", "LineNumber: 0 | BytePositionInLine: "] },
        { "int32 out of range", """{"id": "a", "count": 4294967296}""", ["'count'", "'Item'", "a 32-bit integer", "out of its range"] },
        { "fraction for an integer", """{"id": "a", "count": 1.5}""", ["'count'", "'Item'", "out of its range"] },
        { "int64 out of range", """{"id": "a", "count": 1, "size": 1e30}""", ["'size'", "'Item'", "a 64-bit integer", "out of its range"] },
        { "double out of range", """{"id": "a", "count": 1, "ratio": 1e999}""", ["'ratio'", "'Item'", "out of its range"] },
        { "bad timestamp", """{"id": "a", "count": 1, "createdAt": "yesterday"}""", ["'createdAt'", "'Item'", "timestamp"] },
        { "missing required member", """{"id": "abc"}""", ["missing the required member 'count'", "'Item'"] },
        { "array instead of object", """[{"id": "abc", "count": 1}]""", ["'Item'", "an object", "an array"] },
        { "JSON null", "null", ["the response body is null"] },
    };

    [Theory]
    [MemberData(nameof(UnreadableItems))]
    public async Task An_unreadable_body_names_the_member_and_type(string @case, string body, string[] expected)
    {
        await using var server = await LoopbackServer.StartAsync(200, body);
        using var http = new HttpClient();

        var thrown = await Record.ExceptionAsync(() => Client(http, server).GetItemAsync("a"));

        var exception = Assert.IsType<ApiException>(thrown);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("GetItem", exception.OperationName);
        foreach (var text in expected)
        {
            Assert.True(exception.Message.Contains(text, StringComparison.Ordinal), $"{@case}: '{text}' not in: {exception.Message}");
        }

        Assert.Contains(body[..Math.Min(body.Length, 8)], exception.ResponseExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_enum_value_is_kept_and_written_back()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"id": "a", "count": 1, "kind": "medium"}""");
        using var http = new HttpClient();

        var item = await Client(http, server).GetItemAsync("a");

        Assert.Equal("medium", item.Kind!.Value.Value);
        Assert.False(item.Kind.Value.IsKnown);
        Assert.Contains("\"kind\":\"medium\"", JsonSerializer.Serialize(item, HostileJsonContext.Default.Item), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extra_members_are_ignored_where_the_schema_does_not_allow_them()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"extra": {"deep": [1, {"x": null}]}, "id": "a", "count": 2, "more": "x"}""");
        using var http = new HttpClient();

        var item = await Client(http, server).GetItemAsync("a");

        Assert.Equal(("a", 2), (item.Id, item.Count));
        Assert.DoesNotContain("extra", JsonSerializer.Serialize(item, HostileJsonContext.Default.Item), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extra_members_are_kept_where_additionalProperties_allows_them()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"extra": {"deep": [1]}, "id": "a", "n": 3}""");
        using var http = new HttpClient();

        var bag = await Client(http, server).GetBagAsync("a");

        Assert.Equal("a", bag.Id);
        Assert.Equal(["extra", "n"], bag.AdditionalProperties!.Keys.ToArray());
        Assert.Equal(3, bag.AdditionalProperties["n"].GetInt32());
        Assert.Equal("""{"id":"a","extra":{"deep":[1]},"n":3}""", JsonSerializer.Serialize(bag, HostileJsonContext.Default.Bag));
    }

    [Theory]
    [InlineData(204)]
    [InlineData(200)]
    public async Task An_empty_body_where_one_is_declared_throws(int status)
    {
        await using var server = await LoopbackServer.StartAsync(status, string.Empty);
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(http, server).GetItemAsync("a"));

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal("GetItem", exception.OperationName);
        Assert.Equal("the response body is empty", exception.Reason);
    }

    [Fact]
    public async Task An_empty_204_is_null_where_the_document_declares_a_bodiless_success()
    {
        await using var server = await LoopbackServer.StartAsync(204, string.Empty);
        using var http = new HttpClient();

        Assert.Null(await Client(http, server).FindItemAsync("a"));
        await Client(http, server).DeleteItemAsync("a");
    }

    [Fact]
    public async Task An_HTML_error_page_is_untyped_even_where_a_typed_error_is_declared()
    {
        const string Page = "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>nginx</p></body></html>";
        await using var server = await LoopbackServer.StartAsync(404, Page, "text/html");
        using var http = new HttpClient();

        var thrown = await Record.ExceptionAsync(() => Client(http, server).GetItemAsync("a"));

        // GetItem declares 404 → Problem; an HTML page is not one, so the untyped exception carries the page's start.
        var exception = Assert.IsType<ApiException>(thrown);
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("GetItem", exception.OperationName);
        Assert.StartsWith("<!DOCTYPE html>", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains("404 Not Found", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HTML_page_with_a_success_status_is_an_unreadable_body()
    {
        await using var server = await LoopbackServer.StartAsync(200, "<html><body>Sign in to the Wi-Fi</body></html>", "text/html");
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(http, server).GetItemAsync("a"));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("could not be read", exception.Reason, StringComparison.Ordinal);
        Assert.Contains("Sign in to the Wi-Fi", exception.ResponseExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_error_body_gives_a_bounded_excerpt()
    {
        var body = "<html>" + new string('x', 100_000) + "</html>";
        await using var server = await LoopbackServer.StartAsync(500, body, "text/html");
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(http, server).GetItemAsync("a"));

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Equal(ResponseText.MaxExcerptLength + 1, exception.ResponseExcerpt!.Length);
        Assert.EndsWith("…", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.True(exception.Message.Length < 1000, exception.Message.Length.ToString());
    }

    internal static HostileClient Client(HttpClient http, LoopbackServer server) =>
        new(http, new HostileClientOptions { BaseAddress = server.BaseAddress });
}
