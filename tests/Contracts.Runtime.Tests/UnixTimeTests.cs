using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Contracts.Runtime.Json;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>The Unix-time helpers generated code calls for <c>format: unix-time</c>: whole seconds, exact at the edges of DateTimeOffset.</summary>
public sealed class UnixTimeTests
{
    [Theory]
    [InlineData("-62135596800", "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("253402300799", "9999-12-31T23:59:59.0000000+00:00")]
    [InlineData("0", "1970-01-01T00:00:00.0000000+00:00")]
    [InlineData("-0.5", "1969-12-31T23:59:59.5000000+00:00")]
    [InlineData("1.0005", "1970-01-01T00:00:01.0010000+00:00")]
    public void Seconds_are_read_exactly_to_the_edges_of_DateTimeOffset(string json, string expected)
    {
        Assert.Equal(expected, Read(json).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("-62135596801")]
    [InlineData("253402300800")]
    [InlineData("9223372036854775807")]
    [InlineData("1e308")]
    public void Seconds_beyond_DateTimeOffset_fail_naming_the_member(string json)
    {
        var error = Assert.Throws<JsonException>(() => Read(json));

        Assert.Equal("Expected a Unix time in seconds for member 'at' of 'Event' but found a number out of its range.", error.Message);
    }

    [Fact]
    public void Writing_gives_whole_seconds_of_the_instant_whatever_its_offset()
    {
        var at = new DateTimeOffset(2024, 2, 29, 7, 0, 0, 999, TimeSpan.FromHours(-5));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            JsonWrite.UnixSeconds(writer, JsonEncodedText.Encode("at"), at);
            writer.WritePropertyName("list");
            writer.WriteStartArray();
            JsonWrite.UnixSecondsValue(writer, at);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        Assert.Equal("""{"at":1709208000,"list":[1709208000]}""", Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal("1709208000", JsonWrite.FormatUnixSeconds(at));
    }

    [Fact]
    public void A_whole_body_converter_reads_and_writes_seconds()
    {
        // Called as the generated JSON context calls it (no reflection-based serializer: the netstandard2.0 test run has it off).
        var converter = IsoConverters.UnixSeconds;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("1709208000"));
        reader.Read();
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1709208000), converter.Read(ref reader, typeof(DateTimeOffset), new JsonSerializerOptions()));

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            converter.Write(writer, DateTimeOffset.FromUnixTimeSeconds(1709208000), new JsonSerializerOptions());
        }

        Assert.Equal("1709208000", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static DateTimeOffset Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonRead.UnixSeconds(ref reader, "Event", "at");
    }
}
