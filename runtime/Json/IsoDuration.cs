using System;
using System.Globalization;
using System.Text;

namespace Contracts.Runtime.Json;

/// <summary>
/// ISO-8601 durations (<c>P1DT2H30M</c>, <c>PT0.5S</c>, <c>P2W</c>, <c>-P1D</c>) as <see cref="TimeSpan"/>s. Only exact
/// units are accepted: years and months have no fixed length, so a non-zero one is rejected rather than guessed.
/// </summary>
public static class IsoDuration
{
    private const long TicksPerWeek = TimeSpan.TicksPerDay * 7;

    /// <summary>Parses a duration; false for any text that is not one, or that overflows a <see cref="TimeSpan"/>.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var position = 0;
        var negative = text![0] == '-';
        if (negative || text[0] == '+')
        {
            position++;
        }

        if (position >= text.Length || text[position++] != 'P' || position == text.Length)
        {
            return false;
        }

        // Unsigned, so that the magnitude of TimeSpan.MinValue (one more than MaxValue) still fits.
        ulong ticks = 0;
        var inTime = false;
        var lastUnit = -1;
        var sawComponent = false;
        try
        {
            while (position < text.Length)
            {
                if (text[position] == 'T')
                {
                    if (inTime || ++position == text.Length)
                    {
                        return false;
                    }

                    inTime = true;
                    continue;
                }

                var start = position;
                while (position < text.Length && text[position] is >= '0' and <= '9')
                {
                    position++;
                }

                var wholeEnd = position;
                var fractionStart = -1;
                if (position < text.Length && text[position] is '.' or ',')
                {
                    fractionStart = ++position;
                    while (position < text.Length && text[position] is >= '0' and <= '9')
                    {
                        position++;
                    }

                    if (position == fractionStart)
                    {
                        return false;
                    }
                }

                if (wholeEnd == start || position == text.Length)
                {
                    return false;
                }

                // Units must come in order, each once; only seconds may carry a fraction.
                var unit = UnitIndex(text[position++], inTime);
                if (unit == int.MaxValue || unit <= lastUnit || (fractionStart >= 0 && unit != 6))
                {
                    return false;
                }

                lastUnit = unit;
                sawComponent = true;
                var whole = long.Parse(text.Substring(start, wholeEnd - start), NumberStyles.None, CultureInfo.InvariantCulture);
                switch (unit)
                {
                    case 0 or 1 when whole != 0:
                        return false; // Years and months are not a fixed number of ticks.
                    case 2:
                        ticks = checked(ticks + ((ulong)whole * (ulong)TicksPerWeek));
                        break;
                    case 3:
                        ticks = checked(ticks + ((ulong)whole * (ulong)TimeSpan.TicksPerDay));
                        break;
                    case 4:
                        ticks = checked(ticks + ((ulong)whole * (ulong)TimeSpan.TicksPerHour));
                        break;
                    case 5:
                        ticks = checked(ticks + ((ulong)whole * (ulong)TimeSpan.TicksPerMinute));
                        break;
                    case 6:
                        ticks = checked(ticks + ((ulong)whole * (ulong)TimeSpan.TicksPerSecond) + (ulong)FractionTicks(text, fractionStart, position - 1));
                        break;
                }
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        if (!sawComponent)
        {
            return false;
        }

        const ulong MaxMagnitude = long.MaxValue;
        if (ticks > MaxMagnitude + (negative ? 1UL : 0UL))
        {
            return false;
        }

        value = TimeSpan.FromTicks(negative ? (long)(0UL - ticks) : (long)ticks);
        return true;
    }

    /// <summary>The canonical form: days, then a time part; <c>PT0S</c> for zero. Parsing it gives the same value back.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "PT0S";
        }

        var builder = new StringBuilder(24);
        var ticks = value.Ticks;
        if (ticks < 0)
        {
            builder.Append('-');
        }

        // Unsigned, so TimeSpan.MinValue does not overflow on negation.
        var magnitude = ticks < 0 ? (ulong)(-(ticks + 1)) + 1 : (ulong)ticks;
        var days = magnitude / (ulong)TimeSpan.TicksPerDay;
        var rest = magnitude % (ulong)TimeSpan.TicksPerDay;
        var hours = rest / (ulong)TimeSpan.TicksPerHour;
        rest %= (ulong)TimeSpan.TicksPerHour;
        var minutes = rest / (ulong)TimeSpan.TicksPerMinute;
        rest %= (ulong)TimeSpan.TicksPerMinute;
        var seconds = rest / (ulong)TimeSpan.TicksPerSecond;
        var fraction = rest % (ulong)TimeSpan.TicksPerSecond;

        builder.Append('P');
        if (days > 0)
        {
            builder.Append(days.ToString(CultureInfo.InvariantCulture)).Append('D');
        }

        if (hours + minutes + seconds + fraction > 0)
        {
            builder.Append('T');
            if (hours > 0)
            {
                builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
            }

            if (minutes > 0)
            {
                builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
            }

            if (seconds + fraction > 0)
            {
                builder.Append(seconds.ToString(CultureInfo.InvariantCulture));
                if (fraction > 0)
                {
                    builder.Append('.').Append(fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0'));
                }

                builder.Append('S');
            }
        }

        return builder.ToString();
    }

    // Y M W D before T; H M S after it. The index orders them.
    private static int UnitIndex(char unit, bool inTime) => (unit, inTime) switch
    {
        ('Y', false) => 0,
        ('M', false) => 1,
        ('W', false) => 2,
        ('D', false) => 3,
        ('H', true) => 4,
        ('M', true) => 5,
        ('S', true) => 6,
        _ => int.MaxValue,
    };

    /// <summary>The fraction of a second as ticks; more than seven digits (finer than a tick) is not exact, so it is rejected.</summary>
    private static long FractionTicks(string text, int fractionStart, int unitPosition)
    {
        if (fractionStart < 0)
        {
            return 0;
        }

        var digits = text.Substring(fractionStart, unitPosition - fractionStart);
        if (digits.TrimEnd('0').Length > 7)
        {
            throw new OverflowException();
        }

        return long.Parse(digits.PadRight(7, '0').Substring(0, 7), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
