using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Contracts.Runtime.Json;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>
/// <see cref="JsonValueReader"/> must read exactly what <c>JsonSerializer.Deserialize(ref reader, typeInfo)</c> reads,
/// leave the reader where it leaves it, and fail with its exceptions (message, path, line), only faster.
/// </summary>
public sealed class JsonValueReaderTests
{
    [Fact]
    public void Reads_a_nested_value_and_stops_on_its_last_token()
    {
        var reader = ReaderAtData("""{"data": {"name": "a", "tags": ["x", "y"], "extra": {"deep": [1]}}, "after": true}""");
        var counting = new ItemConverter();

        var item = JsonValueReader.Read(ref reader, TypeInfo(counting));

        Assert.Equal("a", item!.Name);
        Assert.Equal(new[] { "x", "y" }, item.Tags);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.True(reader.Read());
        Assert.True(reader.ValueTextEquals("after"u8));
        Assert.Equal(1, counting.Calls);
    }

    [Theory]
    [InlineData("""{"data": {"name": 5}}""")]
    [InlineData("""{"data": {"tags": ["x", 2]}}""")]
    [InlineData("{\"data\": {\"name\": \"a\",\n  \"tags\": [}}")]
    [InlineData("""{"data": []}""")]
    public void Fails_with_the_exception_JsonSerializer_throws(string json)
    {
        var expected = Assert.ThrowsAny<JsonException>(() =>
        {
            var reader = ReaderAtData(json);
            JsonSerializer.Deserialize(ref reader, TypeInfo(new ItemConverter()));
        });

        var actual = Assert.ThrowsAny<JsonException>(() =>
        {
            var reader = ReaderAtData(json);
            JsonValueReader.Read(ref reader, TypeInfo(new ItemConverter()));
        });

        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(expected.LineNumber, actual.LineNumber);
        Assert.Equal(expected.BytePositionInLine, actual.BytePositionInLine);
    }

    [Fact]
    public void A_converter_that_stops_early_gets_JsonSerializers_verdict()
    {
        const string Json = """{"data": {"name": "a"}}""";
        var expected = Assert.ThrowsAny<JsonException>(() =>
        {
            var reader = ReaderAtData(Json);
            JsonSerializer.Deserialize(ref reader, TypeInfo(new ItemConverter { StopEarly = true }));
        });

        var actual = Assert.ThrowsAny<JsonException>(() =>
        {
            var reader = ReaderAtData(Json);
            JsonValueReader.Read(ref reader, TypeInfo(new ItemConverter { StopEarly = true }));
        });

        Assert.Equal(expected.Message, actual.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void The_readers_depth_limit_gives_JsonSerializers_outcome(int maxDepth)
    {
        // JsonSerializer reads the value again with a fresh reader (depth from 0); the direct read counts from the
        // envelope's depth, so it can fail where JsonSerializer succeeds, and must then give JsonSerializer's result.
        const string Json = """{"data": {"name": "deep", "extra": {"a": {"b": {"c": {}}}}}}""";
        var expected = Outcome(maxDepth, Json, (ref Utf8JsonReader reader, JsonTypeInfo<Item> info) => JsonSerializer.Deserialize(ref reader, info));
        var actual = Outcome(maxDepth, Json, (ref Utf8JsonReader reader, JsonTypeInfo<Item> info) => JsonValueReader.Read(ref reader, info));
        Assert.Equal(expected, actual);
    }

    private delegate Item? ReadItem(ref Utf8JsonReader reader, JsonTypeInfo<Item> typeInfo);

    private static string Outcome(int maxDepth, string json, ReadItem read)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = maxDepth });
            reader.Read();
            reader.Read();
            reader.Read();
            var item = read(ref reader, TypeInfo(new ItemConverter()));
            return "read " + item!.Name + ", then " + (reader.Read() ? reader.TokenType.ToString() : "end");
        }
        catch (JsonException exception)
        {
            return "failed: " + exception.Message;
        }
    }

    [Fact]
    public void Null_is_read_as_JsonSerializer_reads_it()
    {
        var reader = ReaderAtData("""{"data": null}""");
        Assert.Null(JsonValueReader.Read(ref reader, TypeInfo(new ItemConverter())));
        Assert.Equal(JsonTokenType.Null, reader.TokenType);
    }

    private static Utf8JsonReader ReaderAtData(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        reader.Read();
        reader.Read();
        return reader;
    }

    private static JsonTypeInfo<Item> TypeInfo(ItemConverter converter, JsonSerializerOptions? options = null)
    {
        options ??= new JsonSerializerOptions();
        options.TypeInfoResolver = new Resolver(converter);
        return (JsonTypeInfo<Item>)options.GetTypeInfo(typeof(Item));
    }

    private sealed class Resolver(ItemConverter converter) : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            type == typeof(Item) ? JsonMetadataServices.CreateValueInfo<Item>(options, converter) : null;
    }

    private sealed record Item(string? Name, IReadOnlyList<string> Tags);

    /// <summary>Reads like a generated converter: token checks, unknown members skipped.</summary>
    private sealed class ItemConverter : JsonConverter<Item>
    {
        public int Calls { get; private set; }

        public bool StopEarly { get; init; }

        public override Item Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Calls++;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Expected an object for 'Item'.");
            }

            string? name = null;
            var tags = new List<string>();
            while (!StopEarly && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("name"u8))
                {
                    reader.Read();
                    name = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("Expected a string for member 'name'.");
                }
                else if (reader.ValueTextEquals("tags"u8))
                {
                    reader.Read();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        tags.Add(reader.GetString()!);
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return new Item(name, tags);
        }

        public override void Write(Utf8JsonWriter writer, Item value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}
