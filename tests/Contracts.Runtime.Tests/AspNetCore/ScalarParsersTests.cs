using System;
using System.Globalization;
using Contracts.Runtime.AspNetCore;
using Contracts.Runtime.Json;
using Xunit;

namespace Contracts.Runtime.Tests.AspNetCore;

/// <summary>The parsers read exactly what generated clients write for each format, and refuse what is not that.</summary>
public sealed class ScalarParsersTests
{
    [Fact]
    public void Numbers_read_the_invariant_spellings_clients_write()
    {
        foreach (var value in new[] { 0L, -1L, long.MaxValue, long.MinValue })
        {
            Assert.True(ScalarParsers.Int64(value.ToString(CultureInfo.InvariantCulture), out var read));
            Assert.Equal(value, read);
        }

        foreach (var value in new[] { 0.1, -1e300, double.Epsilon, 123456.789 })
        {
            Assert.True(ScalarParsers.Double(value.ToString(CultureInfo.InvariantCulture), out var read));
            Assert.Equal(value, read);
        }

        Assert.True(ScalarParsers.Decimal(79228162514264337593543950335m.ToString(CultureInfo.InvariantCulture), out var big));
        Assert.Equal(decimal.MaxValue, big);
        Assert.False(ScalarParsers.Int32("2147483648", out _));
        Assert.False(ScalarParsers.Int32("1,000", out _));
        Assert.False(ScalarParsers.Int64(" 1", out _));
        Assert.False(ScalarParsers.Double("NaN", out _));
        Assert.False(ScalarParsers.Double("Infinity", out _));
        Assert.False(ScalarParsers.Double("1,5", out _));
    }

    [Fact]
    public void Booleans_are_true_or_false_only()
    {
        Assert.True(ScalarParsers.Boolean("true", out var yes) && yes);
        Assert.True(ScalarParsers.Boolean("false", out var no) && !no);
        Assert.False(ScalarParsers.Boolean("True", out _));
        Assert.False(ScalarParsers.Boolean("1", out _));
    }

    [Fact]
    public void Dates_times_and_durations_read_the_iso_spellings()
    {
        var now = new DateTimeOffset(2026, 12, 7, 23, 59, 58, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        Assert.True(ScalarParsers.DateTimeOffset(now.ToString("O", CultureInfo.InvariantCulture), out var readNow));
        Assert.Equal(now, readNow);
        Assert.Equal(now.Offset, readNow.Offset);
        Assert.True(ScalarParsers.DateTimeOffset("2026-12-07T10:00:00Z", out var utc));
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        Assert.True(ScalarParsers.DateTimeOffset("2026-12-07T10:00:00", out var unmarked));
        Assert.Equal(TimeSpan.Zero, unmarked.Offset);
        Assert.False(ScalarParsers.DateTimeOffset("12/07/2026", out _));
        Assert.False(ScalarParsers.DateTimeOffset("yesterday", out _));

        var day = new DateOnly(2026, 2, 28);
        Assert.True(ScalarParsers.Date(JsonWrite.FormatDate(day), out var readDay));
        Assert.Equal(day, readDay);
        Assert.False(ScalarParsers.Date("2026-02-30", out _));

        var span = new TimeSpan(1, 2, 3, 4, 500);
        Assert.True(ScalarParsers.Duration(IsoDuration.Format(span), out var readSpan));
        Assert.Equal(span, readSpan);

        var instant = DateTimeOffset.FromUnixTimeSeconds(1_765_000_000);
        Assert.True(ScalarParsers.UnixTime(JsonWrite.FormatUnixSeconds(instant), out var readInstant));
        Assert.Equal(instant, readInstant);
        Assert.False(ScalarParsers.UnixTime("99999999999999", out _));
    }

    [Fact]
    public void Guids_and_bytes_round_trip()
    {
        var id = Guid.NewGuid();
        Assert.True(ScalarParsers.Guid(id.ToString("D"), out var readId));
        Assert.Equal(id, readId);

        byte[] bytes = [0, 1, 2, 250, 251, 252, 253];
        Assert.True(ScalarParsers.Bytes(Convert.ToBase64String(bytes), out var readBytes));
        Assert.Equal(bytes, readBytes);
        Assert.False(ScalarParsers.Bytes("not base64!", out _));
    }
}
