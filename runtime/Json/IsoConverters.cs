using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Runtime.Json;

/// <summary>
/// Converters for scalar bodies whose wire form System.Text.Json's own converters do not write
/// (its TimeSpan is <c>1.02:00:00</c>, not ISO-8601). Used by generated JSON contexts.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class IsoConverters
{
    /// <summary>ISO-8601 durations.</summary>
    public static JsonConverter<TimeSpan> Duration { get; } = new DurationConverter();

    /// <summary>Unix times (<c>format: unix-time</c>): whole seconds since the Unix epoch.</summary>
    public static JsonConverter<DateTimeOffset> UnixSeconds { get; } = new UnixSecondsConverter();

#if NET6_0_OR_GREATER
    /// <summary><c>yyyy-MM-dd</c> dates.</summary>
    public static JsonConverter<DateOnly> Date { get; } = new DateConverter();
#endif

    private sealed class DurationConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonRead.Duration(ref reader, "TimeSpan", null);

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => JsonWrite.DurationValue(writer, value);
    }

    private sealed class UnixSecondsConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonRead.UnixSeconds(ref reader, "DateTimeOffset", null);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => JsonWrite.UnixSecondsValue(writer, value);
    }

#if NET6_0_OR_GREATER
    private sealed class DateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonRead.Date(ref reader, "DateOnly", null);

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) => JsonWrite.DateValue(writer, value);
    }
#endif
}
