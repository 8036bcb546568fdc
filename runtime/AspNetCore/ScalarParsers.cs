using System;
using System.ComponentModel;
using System.Globalization;
using Contracts.Runtime.Json;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// Reads parameter text in the spellings generated clients write (invariant culture, JSON's <c>true</c>/<c>false</c>,
/// ISO-8601 dates and durations, base64 bytes): the inverse of the formatting in <c>Contracts.Runtime.Http</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ScalarParsers
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingSign;
    // RFC 3339 (what "O" writes, and the shorter forms other clients send): a fraction and the offset are optional.
    private static readonly string[] s_timestampFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss",
    };

    private const NumberStyles Real = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Any text.</summary>
    public static readonly ScalarParser<string> String = static (string text, out string value) =>
    {
        value = text;
        return true;
    };

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static readonly ScalarParser<bool> Boolean = static (string text, out bool value) =>
    {
        value = text == "true";
        return value || text == "false";
    };

    /// <summary>A 32-bit integer.</summary>
    public static readonly ScalarParser<int> Int32 = static (string text, out int value) => int.TryParse(text, Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>A 64-bit integer.</summary>
    public static readonly ScalarParser<long> Int64 = static (string text, out long value) => long.TryParse(text, Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>A single-precision number.</summary>
    public static readonly ScalarParser<float> Single = static (string text, out float value) => float.TryParse(text, Real, CultureInfo.InvariantCulture, out value) && IsFinite(value);

    /// <summary>A double-precision number.</summary>
    public static readonly ScalarParser<double> Double = static (string text, out double value) => double.TryParse(text, Real, CultureInfo.InvariantCulture, out value) && IsFinite(value);

    /// <summary>A decimal number.</summary>
    public static readonly ScalarParser<decimal> Decimal = static (string text, out decimal value) => decimal.TryParse(text, Real, CultureInfo.InvariantCulture, out value);

    /// <summary>A UUID in any of the usual spellings.</summary>
    public static readonly ScalarParser<Guid> Guid = static (string text, out Guid value) => System.Guid.TryParse(text, out value);

    /// <summary>An RFC 3339 timestamp; one without an offset is read as UTC.</summary>
    public static readonly ScalarParser<DateTimeOffset> DateTimeOffset = static (string text, out DateTimeOffset value) =>
        System.DateTimeOffset.TryParseExact(text, s_timestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>A calendar date, <c>yyyy-MM-dd</c>.</summary>
    public static readonly ScalarParser<DateOnly> Date = static (string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>An ISO-8601 duration (<c>PT1H30M</c>).</summary>
    public static readonly ScalarParser<TimeSpan> Duration = static (string text, out TimeSpan value) => IsoDuration.TryParse(text, out value);

    /// <summary>Whole seconds since the Unix epoch.</summary>
    public static readonly ScalarParser<DateTimeOffset> UnixTime = static (string text, out DateTimeOffset value) =>
    {
        value = default;
        if (!long.TryParse(text, Integer, CultureInfo.InvariantCulture, out var seconds) || seconds < -62135596800L || seconds > 253402300799L)
        {
            return false;
        }

        value = System.DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    };

    /// <summary>Base64 bytes.</summary>
    public static readonly ScalarParser<byte[]> Bytes = static (string text, out byte[] value) =>
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(text, buffer, out var written))
        {
            value = buffer.AsSpan(0, written).ToArray();
            return true;
        }

        value = Array.Empty<byte>();
        return false;
    };

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
}
