using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.Runtime.Validation;
using Xunit;

namespace Contracts.Generator.Tests.Validation;

/// <summary>
/// The generated <c>Validate()</c> of Specs/validation.yaml, compiled and called: one case per keyword (each fails
/// without its check), paths through nested records, lists, lists of lists and maps, and records without constraints.
/// </summary>
public sealed class ValidateBehaviourTests : IDisposable
{
    private const string Context = "Contracts.Tests.Validation.OrdersJsonContext";

    private const string ValidOrder = """
        {"id":"ord","quantity":1,"total":1,"discount":0,"rate":2.5,"price":19.99,"weight":0.3,"boxes":12,"sku":"ABC-1234",
         "lines":[{"name":"apple","note":{"text":"anything at all"}}],"codes":["a","b"],"labels":{"k":"v"},
         "shipping":{"lines":[{"name":"pear"}]},"grid":[[1,9],[]],"note":{"text":"no limits here"}}
        """;

    private readonly LoadedOutput _output = LoadedOutput.Load(
        GeneratorHarness.Run(SpecFile.FromOutput("Specs/validation.yaml", "Contracts.Tests.Validation", "OrdersClient")));

    public void Dispose() => _output.Dispose();

    private IReadOnlyList<ValidationError> Validate(string typeProperty, string json)
    {
        var value = _output.Deserialize(Context, typeProperty, json)!;
        return (IReadOnlyList<ValidationError>)value.GetType().GetMethod("Validate")!.Invoke(value, null)!;
    }

    private static string Merge(string member) => ValidOrder.Trim()[..^1] + "," + member + "}";

    [Fact]
    public void A_valid_order_has_no_violation()
    {
        Assert.Empty(Validate("Order", ValidOrder));
    }

    [Theory]
    [InlineData("\"id\":\"ab\"", "id", "minLength", "3")]
    [InlineData("\"id\":\"abcdefghijk\"", "id", "maxLength", "10")]
    [InlineData("\"quantity\":0", "quantity", "minimum", "1")]
    [InlineData("\"quantity\":1001", "quantity", "maximum", "1000")]
    [InlineData("\"total\":0", "total", "exclusiveMinimum", "0")]
    [InlineData("\"discount\":1", "discount", "exclusiveMaximum", "1")]
    [InlineData("\"discount\":-0.5", "discount", "minimum", "0")]
    [InlineData("\"rate\":2.75", "rate", "maximum", "2.5")]
    [InlineData("\"price\":19.995", "price", "multipleOf", "0.01")]
    [InlineData("\"weight\":0.35", "weight", "multipleOf", "0.1")]
    [InlineData("\"boxes\":13", "boxes", "multipleOf", "6")]
    [InlineData("\"sku\":\"abc-1234\"", "sku", "pattern", "^[A-Z]{3}-[0-9]{4}$")]
    [InlineData("\"lines\":[]", "lines", "minItems", "1")]
    [InlineData("\"lines\":[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"c\"},{\"name\":\"d\"}]", "lines", "maxItems", "3")]
    [InlineData("\"lines\":[{\"name\":\"a\"},{\"name\":\"banana\"}]", "lines[1].name", "maxLength", "5")]
    [InlineData("\"codes\":[\"a\",\"b\",\"a\"]", "codes", "uniqueItems", null)]
    [InlineData("\"codes\":[\"abcde\"]", "codes[0]", "maxLength", "4")]
    [InlineData("\"labels\":{}", "labels", "minProperties", "1")]
    [InlineData("\"labels\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}", "labels", "maxProperties", "2")]
    [InlineData("\"labels\":{\"env\":\"production\"}", "labels.env", "maxLength", "5")]
    [InlineData("\"shipping\":{\"lines\":[{\"name\":\"ok\"},{\"name\":\"too long\"}]}", "shipping.lines[1].name", "maxLength", "5")]
    [InlineData("\"grid\":[[1],[2,10]]", "grid[1][1]", "maximum", "9")]
    public void Each_keyword_reports_its_violation_with_its_path(string member, string path, string keyword, string? limit)
    {
        // A later member of the same name replaces the valid one when read.
        var error = Assert.Single(Validate("Order", Merge(member)));

        Assert.Equal((path, keyword, limit), (error.Path, error.Keyword, error.Limit));
    }

    [Fact]
    public void Every_violation_is_listed_in_member_order()
    {
        var errors = Validate("Order", """{"id":"x","quantity":0,"lines":[{"name":"toolong"},{"name":"fine"},{"name":"toolong"}],"sku":"nope"}""");

        Assert.Equal(
            new[]
            {
                "id: must be at least 3 characters long",
                "quantity: must be at least 1",
                "sku: must match the pattern ^[A-Z]{3}-[0-9]{4}$",
                "lines[0].name: must be at most 5 characters long",
                "lines[2].name: must be at most 5 characters long",
            },
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Records_reached_through_others_validate_on_their_own_too()
    {
        Assert.Equal("lines[0].name", Assert.Single(Validate("Address", """{"lines":[{"name":"too long"}]}""")).Path);
        Assert.Equal("name", Assert.Single(Validate("Line", """{"name":"too long"}""")).Path);
    }

    [Fact]
    public void A_record_with_nothing_to_check_has_no_Validate()
    {
        var note = _output.Type("Contracts.Tests.Validation.Note");

        Assert.Null(note.GetMethod("Validate"));
        Assert.False(typeof(IValidatable).IsAssignableFrom(note));
        Assert.True(typeof(IValidatable).IsAssignableFrom(_output.Type("Contracts.Tests.Validation.Address")));
    }
}
