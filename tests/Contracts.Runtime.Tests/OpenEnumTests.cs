using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Contracts.Runtime.Json;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>
/// <see cref="OpenEnumValues{T}"/> and <see cref="OpenEnumConverter{T}"/>, what every generated string enum shares: listed
/// values read as their shared instance (escaped, split over segments, among few values or many), any other string is kept,
/// any other token fails naming the enum, and writing gives the string back. Run against both builds of the runtime.
/// </summary>
public sealed class OpenEnumTests
{
    private static readonly JsonSerializerOptions Options = new();

    [Theory]
    [InlineData("\"asc\"", "asc", true)]
    [InlineData("\"desc\"", "desc", true)]
    [InlineData("\"d\\u0065sc\"", "desc", true)]
    [InlineData("\"sideways\"", "sideways", false)]
    [InlineData("\"\"", "", false)]
    public void A_string_reads_as_the_listed_value_or_is_kept_as_it_came(string json, string expected, bool known)
    {
        var value = Read<Order>(json);

        Assert.Equal(expected, value.Value);
        Assert.Equal(known, value.IsKnown);
        if (known)
        {
            // The shared instance: nothing allocated for a listed value.
            Assert.Same(Order.KnownValues.Single(v => v.Value == expected).Value, value.Value);
        }
    }

    [Theory]
    [InlineData("\"v0\"", 0)]
    [InlineData("\"v39\"", 39)]
    [InlineData("\"v\\u0031\"", 1)]
    [InlineData("\"v40\"", -1)]
    [InlineData("\"v\"", -1)]
    public void Among_many_values_the_hashed_lookup_finds_the_same_instances(string json, int index)
    {
        var value = Read<Many>(json);

        if (index >= 0)
        {
            Assert.Same(Many.KnownValues[index].Value, value.Value);
            Assert.True(value.IsKnown);
        }
        else
        {
            Assert.False(value.IsKnown);
            Assert.Equal(StringOf(json), value.Value);
        }
    }

    [Theory]
    [InlineData("\"asc\"")]
    [InlineData("\"sideways\"")]
    public void A_value_split_over_segments_reads_as_one(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var first = new Segment(bytes.AsMemory(0, 2));
        var last = first.Append(bytes.AsMemory(2));
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), default);
        reader.Read();

        var value = OpenEnumConverter<Order>.ReadValue(ref reader, Options);

        Assert.Equal(StringOf(json), value.Value);
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("1", "a number")]
    [InlineData("{}", "an object")]
    public void Any_other_token_fails_naming_the_enum(string json, string found)
    {
        var error = Assert.Throws<JsonException>(() => Read<Order>(json));

        Assert.Equal("Expected a string for 'Order' but found " + found + ".", error.Message);
    }

    [Fact]
    public void Writing_gives_the_string_back_through_the_converter_and_its_static_members()
    {
        JsonConverter<Order> converter = new OrderConverter();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            converter.Write(writer, Order.Asc, Options);
            OpenEnumConverter<Order>.WriteValue(writer, new Order("side\"ways"), Options);
            writer.WriteEndArray();
        }

        Assert.Equal("[\"asc\",\"side\\u0022ways\"]", Encoding.UTF8.GetString(buffer.WrittenSpan.ToArray()));
        var reader = new Utf8JsonReader("\"desc\""u8);
        reader.Read();
        Assert.Equal(Order.Desc, converter.Read(ref reader, typeof(Order), Options));
        Assert.Equal("desc", OpenEnumConverter<Order>.ToJsonValue(Order.Desc));
    }

    [Fact]
    public void The_table_lists_the_values_in_order_and_answers_contains()
    {
        Assert.Equal(new[] { "asc", "desc" }, Order.KnownValues.Select(v => v.Value));
        Assert.Equal(2, Order.KnownValues.Count);
        Assert.Equal("Order", Order.Values.TypeName);
        Assert.True(Order.Values.Contains("asc"));
        Assert.False(Order.Values.Contains("ASC"));
        Assert.Equal(40, Many.KnownValues.Count);
    }

    [Fact]
    public void Duplicate_values_find_the_first()
    {
        var values = new OpenEnumValues<Order>("Twice", Enumerable.Range(0, 20).Select(i => new Order(i % 2 == 0 ? "same" : "v" + i)).ToArray());
        var reader = new Utf8JsonReader("\"same\""u8);
        reader.Read();

        Assert.Same(values[0].Value, values.Read(ref reader).Value);
    }

    private static T Read<T>(string json)
        where T : struct, IOpenEnum<T>
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return OpenEnumConverter<T>.ReadValue(ref reader, Options);
    }

    // Without JsonSerializer: the netstandard2.0 run of these tests has reflection-based serialization turned off.
    private static string StringOf(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>What the generator prints for an enum of two values, by hand.</summary>
    private readonly struct Order : IEquatable<Order>, IOpenEnum<Order>
    {
        private readonly string? _value;

        public Order(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

        public static Order Asc { get; } = new("asc");

        public static Order Desc { get; } = new("desc");

        public static OpenEnumValues<Order> Values { get; } = new("Order", new[] { Asc, Desc });

        public static System.Collections.Generic.IReadOnlyList<Order> KnownValues => Values;

        public string Value => _value ?? string.Empty;

        public bool IsKnown => Values.Contains(Value);

        OpenEnumValues<Order> IOpenEnum<Order>.Known => Values;

        public bool Equals(Order other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is Order other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

        Order IOpenEnum<Order>.Create(string value) => new(value);
    }

    /// <summary>An enum past the values a read compares one by one: <c>v0</c> … <c>v39</c>.</summary>
    private readonly struct Many : IOpenEnum<Many>
    {
        private readonly string? _value;

        private Many(string value) => _value = value;

        public static OpenEnumValues<Many> Values { get; } = new("Many", Enumerable.Range(0, 40).Select(i => new Many("v" + i)).ToArray());

        public static System.Collections.Generic.IReadOnlyList<Many> KnownValues => Values;

        public string Value => _value ?? string.Empty;

        public bool IsKnown => Values.Contains(Value);

        OpenEnumValues<Many> IOpenEnum<Many>.Known => Values;

        Many IOpenEnum<Many>.Create(string value) => new(value);
    }

    private sealed class OrderConverter : OpenEnumConverter<Order>
    {
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
