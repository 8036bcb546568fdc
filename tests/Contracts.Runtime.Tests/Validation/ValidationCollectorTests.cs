using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Contracts.Runtime.Http;
using Contracts.Runtime.Validation;
using Xunit;

namespace Contracts.Runtime.Tests.Validation;

/// <summary>
/// The checks generated code calls, one keyword at a time: what passes at the limit and what does not, the paths the
/// walk prints, the counting of code points, and that a null value is never a violation (required is C#'s to enforce).
/// </summary>
public sealed class ValidationCollectorTests
{
    private static IReadOnlyList<ValidationError> Check(Action<ValidationCollector> check)
    {
        var collector = new ValidationCollector();
        check(collector);
        return collector.Errors;
    }

    private static ValidationError Single(Action<ValidationCollector> check) => Assert.Single(Check(check));

    [Fact]
    public void Minimum_and_maximum_allow_the_limit_itself_unless_exclusive()
    {
        Assert.Empty(Check(v => v.Minimum("n", 1L, 1m, exclusive: false)));
        Assert.Empty(Check(v => v.Maximum("n", 10L, 10m, exclusive: false)));
        Assert.Empty(Check(v => v.Minimum("n", (long?)null, 1m, exclusive: false)));

        var below = Single(v => v.Minimum("n", 0L, 1m, exclusive: false));
        Assert.Equal(("n", "minimum", "1", "must be at least 1"), (below.Path, below.Keyword, below.Limit, below.Message));
        var atExclusiveMinimum = Single(v => v.Minimum("n", 1.0, 1m, exclusive: true));
        Assert.Equal(("exclusiveMinimum", "must be greater than 1"), (atExclusiveMinimum.Keyword, atExclusiveMinimum.Message));
        var above = Single(v => v.Maximum("n", 10.5m, 10m, exclusive: false));
        Assert.Equal(("maximum", "must be at most 10"), (above.Keyword, above.Message));
        var atExclusiveMaximum = Single(v => v.Maximum("n", 1.0, 1m, exclusive: true));
        Assert.Equal(("exclusiveMaximum", "must be less than 1"), (atExclusiveMaximum.Keyword, atExclusiveMaximum.Message));
    }

    [Fact]
    public void An_integer_is_compared_exactly_even_beyond_the_precision_of_a_double()
    {
        // 2^53 + 1 is not a double: compared as a double it would equal the limit 2^53.
        Assert.Equal("maximum", Single(v => v.Maximum("n", 9007199254740993L, 9007199254740992m, exclusive: false)).Keyword);
    }

    [Fact]
    public void MultipleOf_is_exact_for_decimals_and_integers_and_reads_doubles_as_they_print()
    {
        Assert.Empty(Check(v => v.MultipleOf("n", 12L, 6m)));
        Assert.Empty(Check(v => v.MultipleOf("n", 19.99m, 0.01m)));
        Assert.Empty(Check(v => v.MultipleOf("n", 0.3, 0.1m)));   // binary floating point: 0.3 % 0.1 is not 0
        Assert.Empty(Check(v => v.MultipleOf("n", 1e300, 0.5m))); // beyond decimal's range
        Assert.Equal(("multipleOf", "0.01", "must be a multiple of 0.01"), Describe(Single(v => v.MultipleOf("n", 19.995m, 0.01m))));
        Assert.Equal("multipleOf", Single(v => v.MultipleOf("n", 13L, 6m)).Keyword);
        Assert.Equal("multipleOf", Single(v => v.MultipleOf("n", 0.35, 0.1m)).Keyword);
    }

    [Fact]
    public void A_float_is_compared_as_a_float()
    {
        // As a double, 0.1f is 0.10000000149…: above a maximum of 0.1 although it is the float the document means.
        Assert.Empty(Check(v => v.Maximum("n", 0.1f, 0.1m, exclusive: false)));
        Assert.Empty(Check(v => v.Minimum("n", 0.1f, 0.1m, exclusive: false)));
        Assert.Empty(Check(v => v.MultipleOf("n", 0.3f, 0.1m)));
        Assert.Equal("maximum", Single(v => v.Maximum("n", 0.11f, 0.1m, exclusive: false)).Keyword);
        Assert.Equal("exclusiveMinimum", Single(v => v.Minimum("n", 0.1f, 0.1m, exclusive: true)).Keyword);
        Assert.Equal("multipleOf", Single(v => v.MultipleOf("n", 0.35f, 0.1m)).Keyword);
    }

    [Fact]
    public void Lengths_count_code_points_not_utf16_units()
    {
        const string ThreeEmoji = "\U0001F600\U0001F601\U0001F602"; // six UTF-16 units

        Assert.Empty(Check(v => v.Length("s", ThreeEmoji, 3, 3)));
        Assert.Equal(("maxLength", "2", "must be at most 2 characters long"), Describe(Single(v => v.Length("s", ThreeEmoji, null, 2))));
        Assert.Equal(("minLength", "4", "must be at least 4 characters long"), Describe(Single(v => v.Length("s", ThreeEmoji, 4, null))));
        Assert.Empty(Check(v => v.Length("s", null, 1, 2)));
    }

    [Fact]
    public void Counts_of_items_and_members()
    {
        Assert.Empty(Check(v => v.ItemCount("a", new[] { 1, 2 }, 1, 2)));
        Assert.Equal(("minItems", "must hold at least 1 item"), (Single(v => v.ItemCount("a", Array.Empty<int>(), 1, null)).Keyword, Single(v => v.ItemCount("a", Array.Empty<int>(), 1, null)).Message));
        Assert.Equal("maxItems", Single(v => v.ItemCount("a", new[] { 1, 2, 3 }, null, 2)).Keyword);
        var map = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 };
        Assert.Equal("maxProperties", Single(v => v.PropertyCount("m", map, null, 1)).Keyword);
        Assert.Equal("minProperties", Single(v => v.PropertyCount("m", map, 3, null)).Keyword);
    }

    [Fact]
    public void Unique_items_name_the_first_repeated_pair()
    {
        Assert.Empty(Check(v => v.Unique("a", new[] { "x", "y", null })));
        var repeated = Single(v => v.Unique("a", new[] { "x", "y", "x", "y" }));
        Assert.Equal(("uniqueItems", null, "must not hold the same item twice (items 0 and 2 are equal)"), Describe(repeated));
        Assert.Single(Check(v => v.Unique("a", new string?[] { null, null })));
        Assert.Single(Check(v => v.Unique("a", new[] { new byte[] { 1, 2 }, new byte[] { 1, 2 } })));
        using var document = JsonDocument.Parse("""[{"a":1},{"a":1},{"a":2}]""");
        Assert.Single(Check(v => v.Unique("a", document.RootElement.EnumerateArray().ToList())));
    }

    [Fact]
    public void Paths_name_members_items_and_map_keys()
    {
        var errors = Check(v =>
        {
            v.EachItem("lines", new[] { "ok", "too long" }, static (v1, item) => v1.Length(null, item, null, 3));
            v.EachValue("tags", new Dictionary<string, string> { ["env"] = "production", ["a.b \"c\""] = "production" }, static (v1, value) => v1.Length(null, value, null, 3));
            v.EachItem("grid", new[] { new[] { 1L }, new[] { 1L, 12L } }, static (v1, row) => v1.EachItem(null, row, static (v2, cell) => v2.Maximum(null, cell, 9m, false)));
            v.Nested("address", new Sample(v2 => v2.Length("city", "x", 2, null)));
        });

        Assert.Equal(
            new[] { "lines[1]", "tags.env", "tags[\"a.b \\u0022c\\u0022\"]", "grid[1][1]", "address.city" },
            errors.Select(e => e.Path));
        Assert.Equal("address.city: must be at least 2 characters long", errors[^1].ToString());
    }

    [Fact]
    public void Run_returns_every_violation_of_a_value_and_an_empty_list_when_it_is_valid()
    {
        Assert.Empty(ValidationCollector.Run(new Sample(v => v.Length("name", "abc", 1, 5))));

        var errors = ValidationCollector.Run(new Sample(v =>
        {
            v.Length("name", "", 1, 5);
            v.Minimum("age", -1L, 0m, false);
        }));

        Assert.Equal(new[] { "name: must be at least 1 character long", "age: must be at least 0" }, errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_request_is_validated_when_the_call_or_else_the_client_says_so()
    {
        var on = new RequestOptions { ValidateRequest = true };
        var off = new RequestOptions { ValidateRequest = false };

        Assert.Null(ValidationCollector.ForRequest(null, null));
        Assert.Null(ValidationCollector.ForRequest(new RequestOptions(), new RequestOptions()));
        Assert.NotNull(ValidationCollector.ForRequest(on, null));
        Assert.NotNull(ValidationCollector.ForRequest(on, new RequestOptions()));
        Assert.Null(ValidationCollector.ForRequest(on, off));
        Assert.NotNull(ValidationCollector.ForRequest(off, on));
        Assert.True(RequestOptions.Capturing(on, new ResponseCapture()).ValidateRequest);
    }

    [Fact]
    public void The_exception_lists_the_violations_and_never_the_values()
    {
        var collector = new ValidationCollector();
        collector.ThrowIfAny("CreateUser"); // nothing found: no exception
        collector.Length("password", "hunter2-secret", null, 4);
        collector.Pattern("password", "hunter2-secret", "^[0-9]+$");

        var exception = Assert.Throws<RequestValidationException>(() => collector.ThrowIfAny("CreateUser"));

        Assert.Equal("CreateUser", exception.OperationName);
        Assert.Equal(2, exception.Errors.Count);
        Assert.Equal(
            "The request of CreateUser was not sent: 2 values break the OpenAPI document's constraints.\n  password: must be at most 4 characters long\n  password: must match the pattern ^[0-9]+$",
            exception.Message);
        Assert.DoesNotContain("hunter2", exception.ToString());
    }

    [Fact]
    public void The_message_lists_twenty_violations_and_counts_the_rest()
    {
        var collector = new ValidationCollector();
        collector.EachItem("ids", Enumerable.Range(0, 25).ToList(), static (v, id) => v.Minimum(null, id, 100m, false));

        var exception = Assert.Throws<RequestValidationException>(() => collector.ThrowIfAny("Op"));

        Assert.Equal(25, exception.Errors.Count);
        Assert.Contains("ids[19]: must be at least 100", exception.Message);
        Assert.DoesNotContain("ids[20]", exception.Message);
        Assert.EndsWith("… and 5 more (see Errors).", exception.Message);
    }

    private static (string Keyword, string? Limit, string Message) Describe(ValidationError error) => (error.Keyword, error.Limit, error.Message);

    private sealed class Sample(Action<ValidationCollector> check) : IValidatable
    {
        public void CollectViolations(ValidationCollector violations) => check(violations);
    }
}
