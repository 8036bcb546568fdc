using System;
using System.Text;
using System.Text.Json;
using Contracts.Runtime.Json;
using Xunit;

namespace Contracts.Runtime.Tests;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("PT0S", 0L)]
    [InlineData("P0D", 0L)]
    [InlineData("P1D", TimeSpan.TicksPerDay)]
    [InlineData("P2W", 14 * TimeSpan.TicksPerDay)]
    [InlineData("PT36H", 36 * TimeSpan.TicksPerHour)]
    [InlineData("P1DT2H3M4S", TimeSpan.TicksPerDay + (2 * TimeSpan.TicksPerHour) + (3 * TimeSpan.TicksPerMinute) + (4 * TimeSpan.TicksPerSecond))]
    [InlineData("PT0.5S", TimeSpan.TicksPerSecond / 2)]
    [InlineData("PT0,5S", TimeSpan.TicksPerSecond / 2)]
    [InlineData("PT0.0000001S", 1L)]
    [InlineData("PT1.50000000S", TimeSpan.TicksPerSecond * 3 / 2)]
    [InlineData("P0Y0M1D", TimeSpan.TicksPerDay)]
    [InlineData("-P1D", -TimeSpan.TicksPerDay)]
    [InlineData("+PT1M", TimeSpan.TicksPerMinute)]
    public void Parses_exact_durations(string text, long ticks)
    {
        Assert.True(IsoDuration.TryParse(text, out var value));
        Assert.Equal(ticks, value.Ticks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("1D")]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("PT1H2D")]
    [InlineData("P1D1D")]
    [InlineData("PT1.5H")]
    [InlineData("PT0.00000001S")]
    [InlineData("P1X")]
    [InlineData("PT1")]
    [InlineData("P-1D")]
    [InlineData("PT.5S")]
    [InlineData("p1d")]
    [InlineData("P99999999999999999999D")]
    [InlineData("P20000000D")]
    [InlineData("1.02:00:00")]
    public void Rejects_what_is_not_an_exact_duration(string? text)
    {
        Assert.False(IsoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0L, "PT0S")]
    [InlineData(TimeSpan.TicksPerDay, "P1D")]
    [InlineData(-TimeSpan.TicksPerMinute * 90, "-PT1H30M")]
    [InlineData(TimeSpan.TicksPerDay + 1, "P1DT0.0000001S")]
    [InlineData(TimeSpan.TicksPerSecond * 3 / 2, "PT1.5S")]
    public void Formats_canonically(long ticks, string expected)
    {
        Assert.Equal(expected, IsoDuration.Format(TimeSpan.FromTicks(ticks)));
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(long.MinValue + 1)]
    [InlineData(1234567890123456789L)]
    public void Formatted_values_parse_back_to_the_same_value(long ticks)
    {
        var value = TimeSpan.FromTicks(ticks);

        Assert.True(IsoDuration.TryParse(IsoDuration.Format(value), out var parsed), IsoDuration.Format(value));
        Assert.Equal(value, parsed);
    }

    [Fact]
    public void The_reader_names_the_type_and_member_on_bad_input()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"P1M\""));
        reader.Read();
        JsonException? error = null;
        try
        {
            JsonRead.Duration(ref reader, "Sample", "within");
        }
        catch (JsonException exception)
        {
            error = exception;
        }

        Assert.Equal("Expected an ISO-8601 duration for member 'within' of 'Sample' but found a string.", error?.Message);
    }

#if !CONTRACTS_RUNTIME_NETSTANDARD // DateOnly members exist in the net8.0 build only.
    [Theory]
    [InlineData("\"2024-02-29\"", true)]
    [InlineData("\"2023-02-29\"", false)]
    [InlineData("\"2024-2-9\"", false)]
    [InlineData("\"2024-02-29Z\"", false)]
    [InlineData("20240229", false)]
    public void Dates_are_read_as_exactly_yyyy_MM_dd(string json, bool valid)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        DateOnly? value = null;
        try
        {
            value = JsonRead.Date(ref reader, "Sample", "day");
        }
        catch (JsonException)
        {
        }

        Assert.Equal(valid, value is not null);
        if (value is { } date)
        {
            Assert.Equal(json, "\"" + JsonWrite.FormatDate(date) + "\"");
        }
    }
#endif
}
