using System;
using System.Text.Json;

namespace Contracts.Runtime.Json;

/// <summary>Writers used by generated JSON converters for values whose wire form depends on the protocol.</summary>
public static class JsonWrite
{
    /// <summary>Writes a timestamp as seconds since the Unix epoch, with millisecond precision (the AWS JSON form).</summary>
    public static void EpochSeconds(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value) =>
        writer.WriteNumber(name, ToEpochSeconds(value));

    /// <summary>Writes a timestamp value (an array element) as seconds since the Unix epoch.</summary>
    public static void EpochSecondsValue(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteNumberValue(ToEpochSeconds(value));

    private static double ToEpochSeconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds() / 1000d;
}
