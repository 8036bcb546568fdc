using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using Contracts.Runtime;
using Xunit;

namespace Contracts.Runtime.Tests.CallOptions;

/// <summary>
/// <see cref="ResponseHeaders"/>: one case-insensitive snapshot of response and content headers, and the typed getters
/// for the header types OpenAPI documents declare (integers, HTTP-dates and ISO 8601 date-times, lists).
/// </summary>
public sealed class ResponseHeadersTests
{
    [Fact]
    public void Response_and_content_headers_are_one_snapshot_looked_up_without_regard_to_case()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("{}") };
        response.Headers.TryAddWithoutValidation("ETag", "\"v1\"");
        response.Headers.Location = new Uri("https://api.example.com/items/7");
        response.Content.Headers.TryAddWithoutValidation("Content-Language", "de");

        var headers = ResponseHeaders.From(response);
        response.Headers.Remove("ETag");

        Assert.Equal("\"v1\"", headers.GetString("etag"));
        Assert.Equal("https://api.example.com/items/7", headers.GetString("LOCATION"));
        Assert.Equal("de", headers.GetString("content-language"));
        Assert.StartsWith("text/plain", headers.GetString("Content-Type"), StringComparison.Ordinal);
        Assert.True(headers.ContainsKey("Etag"));
        Assert.Contains(headers, header => header.Key == "Content-Type");
        Assert.Equal(headers.Count, headers.Keys.Count());
    }

    [Fact]
    public void An_absent_header_is_null_or_empty_and_TryGet_is_false()
    {
        var headers = Of(("Request-Id", "req_123"));

        Assert.Null(headers.GetString("X-Missing"));
        Assert.Null(headers.GetInt64("X-Missing"));
        Assert.Null(headers.GetInt32("X-Missing"));
        Assert.Null(headers.GetDateTimeOffset("X-Missing"));
        Assert.Empty(headers.GetValues("X-Missing"));
        Assert.Empty(headers.GetList("X-Missing"));
        Assert.False(headers.TryGetString("X-Missing", out _));
        Assert.False(headers.TryGetInt64("X-Missing", out _));
        Assert.False(headers.ContainsKey("X-Missing"));
        Assert.Throws<KeyNotFoundException>(() => headers["X-Missing"]);
        Assert.Equal("req_123", headers.GetString("request-id"));
    }

    [Fact]
    public void A_header_sent_twice_keeps_both_values_and_reads_as_one_joined_string()
    {
        var headers = Of(("Vary", "Accept"), ("vary", "Accept-Encoding"));

        Assert.Equal(["Accept", "Accept-Encoding"], headers.GetValues("Vary"));
        Assert.Equal("Accept, Accept-Encoding", headers.GetString("Vary"));
        Assert.Equal(["Accept", "Accept-Encoding"], headers.GetList("Vary"));
    }

    [Theory]
    [InlineData("4999", 4999L)]
    [InlineData(" 0 ", 0L)]
    [InlineData("-1", -1L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Integers_are_read_invariantly(string value, long expected)
    {
        var headers = Of(("X-RateLimit-Remaining", value));

        Assert.Equal(expected, headers.GetInt64("x-ratelimit-remaining"));
        Assert.True(headers.TryGetInt64("X-RateLimit-Remaining", out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("12abc")]
    [InlineData("1,000")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public void A_value_that_is_not_an_integer_throws_a_FormatException_naming_the_header(string value)
    {
        var headers = Of(("X-RateLimit-Limit", value));

        var exception = Assert.Throws<FormatException>(() => headers.GetInt64("X-RateLimit-Limit"));

        Assert.Equal("The response header 'X-RateLimit-Limit' is not a 64-bit integer: '" + value + "'.", exception.Message);
        Assert.False(headers.TryGetInt64("X-RateLimit-Limit", out _));
    }

    [Fact]
    public void A_32_bit_getter_refuses_a_64_bit_value()
    {
        var headers = Of(("X-Count", "3000000000"));

        Assert.Equal(3000000000L, headers.GetInt64("X-Count"));
        Assert.Throws<FormatException>(() => headers.GetInt32("X-Count"));
        Assert.False(headers.TryGetInt32("X-Count", out _));
        Assert.Equal(42, Of(("X-Count", "42")).GetInt32("X-Count"));
    }

    [Fact]
    public void The_FormatException_escapes_and_bounds_the_value_it_quotes()
    {
        // A header value may hold any visible text, including bidirectional overrides that reorder what a log shows.
        var value = "12\u202E34" + new string('9', 300);
        var headers = Of(("X-Count", value));

        var exception = Assert.Throws<FormatException>(() => headers.GetInt64("X-Count"));

        Assert.Contains("12\\u202E34", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", exception.Message, StringComparison.Ordinal);
        Assert.Contains("…", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Message.Length < 200, exception.Message);
    }

    public static TheoryData<string, DateTimeOffset> Dates => new()
    {
        // The three HTTP-date forms (RFC 9110 §5.6.7), all GMT.
        { "Sun, 06 Nov 1994 08:49:37 GMT", new DateTimeOffset(1994, 11, 6, 8, 49, 37, TimeSpan.Zero) },
        { "Sunday, 06-Nov-94 08:49:37 GMT", new DateTimeOffset(1994, 11, 6, 8, 49, 37, TimeSpan.Zero) },
        { "Sun Nov  6 08:49:37 1994", new DateTimeOffset(1994, 11, 6, 8, 49, 37, TimeSpan.Zero) },
        // ISO 8601 with an offset.
        { "2024-05-01T12:30:00Z", new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero) },
        { "2024-05-01T12:30:00.125Z", new DateTimeOffset(2024, 5, 1, 12, 30, 0, 125, TimeSpan.Zero) },
        { "2024-05-01T14:30:00+02:00", new DateTimeOffset(2024, 5, 1, 14, 30, 0, TimeSpan.FromHours(2)) },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Dates_are_read_as_HTTP_dates_or_ISO_8601(string value, DateTimeOffset expected)
    {
        var headers = Of(("Last-Modified", value));

        var parsed = headers.GetDateTimeOffset("Last-Modified");

        Assert.Equal(expected, parsed);
        Assert.Equal(expected.Offset, parsed!.Value.Offset);
        Assert.True(headers.TryGetDateTimeOffset("last-modified", out var tried));
        Assert.Equal(expected, tried);
    }

    [Theory]
    [InlineData("2024-05-01T12:30:00")]
    [InlineData("yesterday")]
    [InlineData("1714566600")]
    [InlineData("Sun, 06 Nov 1994 08:49:37 PST")]
    public void A_value_that_is_not_a_date_with_a_known_offset_throws(string value)
    {
        // A time without an offset would be read in this machine's time zone: refused rather than guessed.
        var headers = Of(("Retry-After", value));

        var exception = Assert.Throws<FormatException>(() => headers.GetDateTimeOffset("Retry-After"));

        Assert.StartsWith("The response header 'Retry-After' is not an HTTP-date or ISO 8601 date-time: '", exception.Message, StringComparison.Ordinal);
        Assert.False(headers.TryGetDateTimeOffset("Retry-After", out _));
    }

    [Fact]
    public void A_Link_header_splits_between_links_not_inside_their_targets()
    {
        // GitHub's paging header; a target may itself contain commas.
        var headers = Of((
            "Link",
            "<https://api.github.com/repositories/1/issues?page=2&labels=a,b>; rel=\"next\", <https://api.github.com/repositories/1/issues?page=5>; rel=\"last\""));

        Assert.Equal(
            [
                "<https://api.github.com/repositories/1/issues?page=2&labels=a,b>; rel=\"next\"",
                "<https://api.github.com/repositories/1/issues?page=5>; rel=\"last\"",
            ],
            headers.GetList("Link"));
    }

    [Fact]
    public void A_list_keeps_quoted_commas_and_drops_empty_items()
    {
        var headers = Of(("If-None-Match", "W/\"a,b\" , ,\"c\\\",d\","), ("If-None-Match", "\"e\""));

        Assert.Equal(["W/\"a,b\"", "\"c\\\",d\"", "\"e\""], headers.GetList("If-None-Match"));
    }

    [Fact]
    public void ToString_counts_the_headers_and_never_prints_their_values()
    {
        var headers = Of(("Set-Cookie", "session=secret-session-value"), ("Request-Id", "req_1"));

        Assert.Equal("2 headers", headers.ToString());
        Assert.Equal("1 header", Of(("A", "b")).ToString());
        Assert.Equal("HTTP 201, 2 headers", new ApiResponse<string>(HttpStatusCode.Created, headers, "secret-value").ToString());
    }

    [Fact]
    public void The_public_constructor_copies_what_it_is_given()
    {
        var values = new List<string> { "1" };
        var headers = new ResponseHeaders([new KeyValuePair<string, IEnumerable<string>>("X-Count", values)]);
        values[0] = "2";

        Assert.Equal(1, headers.GetInt32("x-count"));
        Assert.Same(ResponseHeaders.Empty, ResponseHeaders.Empty);
        Assert.Empty(ResponseHeaders.Empty);
    }

    private static ResponseHeaders Of(params (string Name, string Value)[] headers) =>
        new(headers.Select(header => new KeyValuePair<string, IEnumerable<string>>(header.Name, [header.Value])));
}
