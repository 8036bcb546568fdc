using System;
using System.ComponentModel;
using System.Text.Json;

namespace Contracts.Runtime.Json;

/// <summary>Writers used by generated JSON converters for values whose wire form depends on the protocol.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWrite
{
    /// <summary>Writes a timestamp as seconds since the Unix epoch, with millisecond precision (the AWS JSON form).</summary>
    public static void EpochSeconds(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value) =>
        writer.WriteNumber(name, ToEpochSeconds(value));

    /// <summary>Writes a timestamp value (an array element) as seconds since the Unix epoch.</summary>
    public static void EpochSecondsValue(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteNumberValue(ToEpochSeconds(value));

    /// <summary>Writes a Unix time (<c>format: unix-time</c>) as whole seconds since the Unix epoch; a fraction of a second is dropped.</summary>
    public static void UnixSeconds(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value) =>
        writer.WriteNumber(name, value.ToUnixTimeSeconds());

    /// <summary>Writes a Unix time value (an array element) as whole seconds since the Unix epoch.</summary>
    public static void UnixSecondsValue(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());

    /// <summary>A Unix time as whole seconds, the form for URLs, headers and form fields.</summary>
    public static string FormatUnixSeconds(DateTimeOffset value) =>
        value.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double ToEpochSeconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds() / 1000d;
    /// <summary>The wire form of <c>format: date</c>.</summary>
    internal const string DateFormat = "yyyy-MM-dd";

    /// <summary>Writes a duration in its canonical ISO-8601 form.</summary>
    public static void Duration(Utf8JsonWriter writer, JsonEncodedText name, TimeSpan value) =>
        writer.WriteString(name, IsoDuration.Format(value));

    /// <summary>Writes a duration value (an array element) in its canonical ISO-8601 form.</summary>
    public static void DurationValue(Utf8JsonWriter writer, TimeSpan value) =>
        writer.WriteStringValue(IsoDuration.Format(value));

#if NET6_0_OR_GREATER
    /// <summary>Writes a calendar date as <c>yyyy-MM-dd</c>.</summary>
    public static void Date(Utf8JsonWriter writer, JsonEncodedText name, DateOnly value) =>
        writer.WriteString(name, FormatDate(value));

    /// <summary>Writes a calendar date value (an array element) as <c>yyyy-MM-dd</c>.</summary>
    public static void DateValue(Utf8JsonWriter writer, DateOnly value) =>
        writer.WriteStringValue(FormatDate(value));

    /// <summary>A date as <c>yyyy-MM-dd</c>, also the form for URLs and headers.</summary>
    public static string FormatDate(DateOnly value) => value.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture);
#endif
}
