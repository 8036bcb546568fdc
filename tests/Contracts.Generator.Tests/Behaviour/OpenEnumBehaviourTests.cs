using System;
using System.Collections;
using System.Linq;
using System.Text.Json;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// A generated string enum, now that what every enum repeated lives in the runtime (<c>OpenEnumValues</c>,
/// <c>OpenEnumConverter</c>): listed values read as their shared members, other strings are kept and written back, null
/// and other tokens fail naming the enum, equality is by value, and <c>IsKnown</c> / <c>KnownValues</c> answer from the
/// document's list, also for an enum past the values a read compares one by one.
/// </summary>
public sealed class OpenEnumBehaviourTests : IClassFixture<OpenEnumBehaviourTests.Output>
{
    private const string Ns = "Contracts.Tests.Sorting.";
    private const string Context = Ns + "SortingJsonContext";

    private const string Spec = """
        openapi: 3.0.3
        info: { title: Sorting, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - { name: order, in: query, required: false, schema: { $ref: '#/components/schemas/Order' } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Page' } } } }
        components:
          schemas:
            Order: { type: string, enum: [asc, desc] }
            Region:
              type: string
              enum: [us-east-1, us-east-2, us-west-1, us-west-2, eu-west-1, eu-west-2, eu-west-3, eu-central-1, ap-south-1, ap-northeast-1, ap-northeast-2, ca-central-1]
            Page:
              type: object
              required: [order]
              properties:
                order: { $ref: '#/components/schemas/Order' }
                region: { $ref: '#/components/schemas/Region' }
                orders: { type: array, items: { $ref: '#/components/schemas/Order' } }
        """;

    private readonly Output _output;

    public OpenEnumBehaviourTests(Output output) => _output = output;

    [Theory]
    [InlineData("""{"order":"asc"}""")]
    [InlineData("""{"order":"d\u0065sc","region":"ca-central-1","orders":["asc","desc"]}""")]
    [InlineData("""{"order":"sideways","region":"mars-north-1","orders":["up"]}""")]
    public void Listed_and_unlisted_values_round_trip(string json)
    {
        var page = _output.Loaded.Deserialize(Context, "Page", json);

        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement), _output.Loaded.Serialize(Context, "Page", page));
    }

    [Theory]
    [InlineData("asc", true)]
    [InlineData("desc", true)]
    [InlineData("sideways", false)]
    public void A_read_value_is_the_listed_member_or_an_unknown_one(string value, bool known)
    {
        var order = Get(_output.Loaded.Deserialize(Context, "Page", "{\"order\":\"" + value + "\"}")!, "Order")!;
        var type = _output.Loaded.Type(Ns + "Order");

        Assert.Equal(value, Get(order, "Value"));
        Assert.Equal(known, Get(order, "IsKnown"));
        Assert.Equal(known, ((IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().Contains(order));
        Assert.Equal(value, order.ToString());
    }

    [Theory]
    [InlineData("ca-central-1", true)]
    [InlineData("us-east-1", true)]
    [InlineData("mars-north-1", false)]
    public void An_enum_of_many_values_reads_each_listed_one_as_its_member(string value, bool known)
    {
        var region = Get(_output.Loaded.Deserialize(Context, "Page", "{\"order\":\"asc\",\"region\":\"" + value + "\"}")!, "Region")!;
        var listed = ((IEnumerable)_output.Loaded.Type(Ns + "Region").GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().ToList();

        Assert.Equal(12, listed.Count);
        Assert.Equal(known, Get(region, "IsKnown"));
        if (known)
        {
            Assert.Same(Get(listed.Single(v => Equals(Get(v, "Value"), value)), "Value"), Get(region, "Value"));
        }
    }

    [Theory]
    [InlineData("""{"order":null}""", "null")]
    [InlineData("""{"order":1}""", "a number")]
    [InlineData("""{"order":"asc","orders":[true]}""", "a boolean")]
    public void Null_and_other_tokens_fail_naming_the_enum(string json, string found)
    {
        var error = Assert.Throws<JsonException>(() => _output.Loaded.Deserialize(Context, "Page", json));

        Assert.Contains("Expected a string for 'Order' but found " + found + ".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_is_by_value_and_members_are_static()
    {
        var type = _output.Loaded.Type(Ns + "Order");
        var asc = type.GetProperty("Asc")!.GetValue(null)!;
        var made = Activator.CreateInstance(type, "asc")!;
        var other = Activator.CreateInstance(type, "desc")!;

        Assert.Equal(asc, made);
        Assert.Equal(asc.GetHashCode(), made.GetHashCode());
        Assert.NotEqual(asc, other);
        Assert.True((bool)type.GetMethod("op_Equality")!.Invoke(null, [asc, made])!);
        Assert.True((bool)type.GetMethod("op_Inequality")!.Invoke(null, [asc, other])!);
        Assert.Equal(made, type.GetMethod("op_Explicit", [typeof(string)])!.Invoke(null, ["asc"]));
        Assert.Equal(string.Empty, Get(Activator.CreateInstance(type)!, "Value"));
    }

    [Fact]
    public void The_output_compiles_cleanly()
    {
        _output.Run.AssertNoGeneratorDiagnostics();
        _output.Run.AssertCompilesCleanly();
    }

    private static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);

    /// <summary>The generated assembly, built and loaded once for the class.</summary>
    public sealed class Output : IDisposable
    {
        public Output()
        {
            Run = GeneratorHarness.Run(SpecFile.Inline("sorting.yaml", Spec, "Contracts.Tests.Sorting", "SortingClient").ReadAndWritten());
            Loaded = LoadedOutput.Load(Run);
        }

        internal GeneratorRun Run { get; }

        internal LoadedOutput Loaded { get; }

        public void Dispose() => Loaded.Dispose();
    }
}
