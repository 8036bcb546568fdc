using System.Text.Json.Nodes;
using Xunit;

namespace Contracts.Generator.Tests.Properties;

/// <summary>The property's notion of "unchanged" on hand-written pairs: what it forgives and what it catches.</summary>
public sealed class RoundTripComparerTests
{
    // Sample: {at: date-time (required), span: duration, id: uuid, blob: byte, ratio: float, big: int64, note: string
    // (nullable), tag: nullable required string, free: {}}; Pick: oneOf [Sample, boolean].
    private static readonly SchemaGraph Graph = new(
        [
            new ObjectDef("Sample",
            [
                new PropertyDef("at", new ScalarShape(ScalarKind.DateTime), Required: true, Nullable: false),
                new PropertyDef("span", new ScalarShape(ScalarKind.Duration), false, false),
                new PropertyDef("id", new ScalarShape(ScalarKind.Uuid), false, false),
                new PropertyDef("blob", new ScalarShape(ScalarKind.Byte), false, false),
                new PropertyDef("ratio", new ScalarShape(ScalarKind.Float), false, false),
                new PropertyDef("big", new ScalarShape(ScalarKind.Int64), false, false),
                new PropertyDef("note", new ScalarShape(ScalarKind.String), false, Nullable: true),
                new PropertyDef("tag", new ScalarShape(ScalarKind.String), Required: true, Nullable: true),
                new PropertyDef("free", new ScalarShape(ScalarKind.Any), false, false),
            ], []),
            new UnionDef("Pick", false, [new RefShape(0, false), new ScalarShape(ScalarKind.Boolean)], null),
        ],
        new RefShape(0, false),
        new RefShape(1, false));

    private const string Input = """
        {"at":"2024-02-29T13:45:30.500Z","span":"P2W","id":"6F1C2A5E-8D4B-4C1E-9A7F-0B2D3E4F5A6B","blob":"AQID","ratio":1.50E+000,"big":9223372036854775807,"note":null,"tag":null,"free":{"n":[1e2,"x"]}}
        """;

    [Theory]
    [InlineData("""{"tag":null,"big":9223372036854775807,"ratio":1.5,"blob":"AQID","id":"6f1c2a5e-8d4b-4c1e-9a7f-0b2d3e4f5a6b","span":"P14D","at":"2024-02-29T13:45:30.5+00:00","free":{"n":[100,"x"]}}""")]
    public void Spellings_member_order_and_an_absent_optional_null_are_unchanged(string written) =>
        Assert.Null(new RoundTripComparer(Graph).CompareSchema(0, JsonNode.Parse(Input), JsonNode.Parse(written)));

    [Theory]
    [InlineData("""{"at":"2024-02-29T14:45:30.5+01:00","tag":null}""", "$.at")]
    [InlineData("""{"at":"2024-02-29T13:45:30.5+00:00","span":"P13D","tag":null}""", "$.span")]
    [InlineData("""{"at":"2024-02-29T13:45:30.5+00:00","big":9223372036854775806,"tag":null}""", "$.big")]
    [InlineData("""{"at":"2024-02-29T13:45:30.5+00:00","note":null,"tag":null}""", "$.note")]
    [InlineData("""{"at":"2024-02-29T13:45:30.5+00:00"}""", "$.tag")]
    [InlineData("""{"at":"2024-02-29T13:45:30.5+00:00","tag":null,"extra":1}""", "unexpected member 'extra'")]
    [InlineData("""{"at":"2024-02-29T13:45:30.5+00:00","tag":null,"free":{"n":[100,"y"]}}""", "$.free.n[1]")]
    public void A_changed_lost_or_added_value_is_a_difference(string written, string where)
    {
        const string Minimal = """{"at":"2024-02-29T13:45:30.500Z","tag":null,"free":{"n":[1e2,"x"]}}""";
        var input = where.StartsWith("$.free", System.StringComparison.Ordinal) ? Minimal : Minimal.Replace(""","free":{"n":[1e2,"x"]}""", "");
        input = where switch
        {
            "$.span" => input.Replace("\"tag\"", "\"span\":\"P2W\",\"tag\""),
            "$.big" => input.Replace("\"tag\"", "\"big\":9223372036854775807,\"tag\""),
            _ => input,
        };

        var difference = new RoundTripComparer(Graph).CompareSchema(0, JsonNode.Parse(input), JsonNode.Parse(written));

        Assert.NotNull(difference);
        Assert.Contains(where, difference);
    }

    [Fact]
    public void A_union_value_is_unchanged_when_one_case_says_so()
    {
        var comparer = new RoundTripComparer(Graph);

        Assert.Null(comparer.CompareSchema(1, JsonNode.Parse("true"), JsonNode.Parse("true")));
        Assert.NotNull(comparer.CompareSchema(1, JsonNode.Parse("true"), JsonNode.Parse("false")));
        Assert.Contains("fits no case of Pick", comparer.CompareSchema(1, JsonNode.Parse("true"), JsonNode.Parse("1")));
    }
}
