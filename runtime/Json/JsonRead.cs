using System;
using System.Buffers.Text;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Contracts.Runtime.Json;

/// <summary>
/// Scalar readers used by generated JSON converters. Each one accepts exactly the token it documents and
/// throws <see cref="JsonException"/> naming the type and member otherwise.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    /// <summary>Reads a string that must not be null.</summary>
    public static string String(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "a string", typeName, memberName);
        }

        return reader.GetString()!;
    }

    /// <summary>Reads a boolean.</summary>
    public static bool Boolean(ref Utf8JsonReader reader, string typeName, string? memberName) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw JsonErrors.UnexpectedToken(reader.TokenType, "a boolean", typeName, memberName),
    };

    /// <summary>Reads a 32-bit integer.</summary>
    public static int Int32(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "a 32-bit integer", typeName, memberName);
        }

        if (!reader.TryGetInt32(out var value))
        {
            throw JsonErrors.NumberDoesNotFit("a 32-bit integer", typeName, memberName);
        }

        return value;
    }

    /// <summary>Reads a 64-bit integer.</summary>
    public static long Int64(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "a 64-bit integer", typeName, memberName);
        }

        if (!reader.TryGetInt64(out var value))
        {
            throw JsonErrors.NumberDoesNotFit("a 64-bit integer", typeName, memberName);
        }

        return value;
    }

    /// <summary>Reads a double-precision number.</summary>
    public static double Double(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "a number", typeName, memberName);
        }

        // JSON has no infinity: a literal too large for the type would read as one and could not be written back.
        if (!reader.TryGetDouble(out var value) || double.IsInfinity(value) || double.IsNaN(value))
        {
            throw JsonErrors.NumberDoesNotFit("a number", typeName, memberName);
        }

        return value;
    }

    /// <summary>Reads a single-precision number.</summary>
    public static float Single(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "a number", typeName, memberName);
        }

        // JSON has no infinity: a literal too large for the type would read as one and could not be written back.
        if (!reader.TryGetSingle(out var value) || double.IsInfinity(value) || double.IsNaN(value))
        {
            throw JsonErrors.NumberDoesNotFit("a number", typeName, memberName);
        }

        return value;
    }

    /// <summary>Reads a decimal number.</summary>
    public static decimal Decimal(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "a decimal number", typeName, memberName);
        }

        if (!reader.TryGetDecimal(out var value))
        {
            throw JsonErrors.NumberDoesNotFit("a decimal number", typeName, memberName);
        }

        return value;
    }

    /// <summary>Reads a UUID string.</summary>
    public static Guid Guid(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetGuid(out var value))
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "a UUID string", typeName, memberName);
        }

        return value;
    }

    /// <summary>Reads base64 text as bytes.</summary>
    public static byte[] Bytes(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetBytesFromBase64(out var value))
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "a base64 string", typeName, memberName);
        }

        return value;
    }

    // DateTimeOffset.MinValue and MaxValue in Unix milliseconds (0001-01-01T00:00:00Z, 9999-12-31T23:59:59.999Z).
    private const double MinUnixMilliseconds = -62135596800000d;
    private const double MaxUnixMilliseconds = 253402300799999d;

    // DateTimeOffset.MinValue and MaxValue in whole Unix seconds.
    private const long MinUnixSeconds = -62135596800L;
    private const long MaxUnixSeconds = 253402300799L;

    /// <summary>
    /// Reads a timestamp. ISO-8601 strings are the OpenAPI form; numbers are taken as seconds since the Unix epoch
    /// (integer or fractional), the form AWS JSON services send for members their descriptions type as date-time.
    /// A value outside what a <see cref="System.DateTimeOffset"/> holds fails as any other unreadable value does.
    /// </summary>
    public static DateTimeOffset DateTimeOffset(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (reader.TryGetDateTimeOffset(out var iso))
                {
                    return iso;
                }

                if (System.DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var lenient))
                {
                    return lenient;
                }

                break;
            case JsonTokenType.Number when reader.TryGetDouble(out var seconds):
                if (TryFromSeconds(seconds, out var epoch))
                {
                    return epoch;
                }

                throw JsonErrors.NumberDoesNotFit("an ISO-8601 timestamp or epoch seconds", typeName, memberName);
        }

        throw JsonErrors.UnexpectedToken(reader.TokenType, "an ISO-8601 timestamp or epoch seconds", typeName, memberName);
    }
    /// <summary>
    /// Reads a Unix time (<c>format: unix-time</c>): a JSON number of seconds since the Unix epoch, whole or fractional
    /// (kept to the millisecond). A number outside what a <see cref="System.DateTimeOffset"/> holds fails naming the member,
    /// as does any other token: a string is not taken, so a service that changed its wire form is noticed.
    /// </summary>
    public static DateTimeOffset UnixSeconds(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "a Unix time in seconds", typeName, memberName);
        }

        if (reader.TryGetInt64(out var whole))
        {
            // Whole seconds are exact; the range check comes before FromUnixTimeSeconds, which would throw ArgumentOutOfRangeException.
            if (whole >= MinUnixSeconds && whole <= MaxUnixSeconds)
            {
                return System.DateTimeOffset.FromUnixTimeSeconds(whole);
            }
        }
        else if (reader.TryGetDouble(out var seconds) && TryFromSeconds(seconds, out var fractional))
        {
            return fractional;
        }

        throw JsonErrors.NumberDoesNotFit("a Unix time in seconds", typeName, memberName);
    }

    /// <summary>Seconds since the Unix epoch, possibly fractional, kept to the millisecond; false when out of range.</summary>
    private static bool TryFromSeconds(double seconds, out DateTimeOffset value)
    {
        // The range is checked on the rounded milliseconds (what is converted): 253402300799.9999 rounds past the last
        // representable millisecond. NaN and infinities fail both comparisons.
        var milliseconds = Math.Round(seconds * 1000d, MidpointRounding.AwayFromZero);
        var fits = milliseconds >= MinUnixMilliseconds && milliseconds <= MaxUnixMilliseconds;
        value = fits ? System.DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds) : default;
        return fits;
    }

    /// <summary>Reads an ISO-8601 duration string (<c>P1DT2H</c>); see <see cref="IsoDuration"/> for what is exact enough to accept.</summary>
    public static TimeSpan Duration(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        if (reader.TokenType != JsonTokenType.String || !IsoDuration.TryParse(reader.GetString(), out var value))
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "an ISO-8601 duration", typeName, memberName);
        }

        return value;
    }

#if NET6_0_OR_GREATER
    /// <summary>Reads a calendar date, exactly <c>yyyy-MM-dd</c> (RFC 3339 full-date).</summary>
    public static DateOnly Date(ref Utf8JsonReader reader, string typeName, string? memberName)
    {
        if (reader.TokenType != JsonTokenType.String
            || !DateOnly.TryParseExact(reader.GetString(), JsonWrite.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "a yyyy-MM-dd date", typeName, memberName);
        }

        return value;
    }
#endif
}
