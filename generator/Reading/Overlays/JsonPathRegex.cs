using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// I-Regexp (RFC 9485), the pattern language of <c>match</c> and <c>search</c>, translated to a .NET pattern that means
/// the same. Every literal character is written as an escape, so nothing in a pattern reaches .NET's own syntax
/// (class subtraction, inline options, lookarounds, backreferences). A pattern is hostile input: its length, nesting and
/// repetition counts are bounded, it runs with <see cref="RegexOptions.CultureInvariant"/>, without backtracking where
/// the runtime offers that (.NET 7 and later), and with a <see cref="MatchTimeout"/>.
/// <para>
/// Code points beyond U+FFFF are one character, as in I-Regexp: <c>.</c>, negated classes and ranges that reach past
/// U+FFFF match a surrogate pair whole. Unicode categories (<c>\p{L}</c>) classify characters up to U+FFFF only: .NET
/// classifies UTF-16 units, so a letter beyond U+FFFF is not in <c>\p{L}</c> (it is in <c>\P{L}</c>).
/// </para>
/// </summary>
internal static class JsonPathRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public const int MaxPatternLength = 4096;

    public const int MaxNesting = 32;

    public const int MaxRepetition = 1000;

    /// <summary>RegexOptions.NonBacktracking (linear in the input), where the host's .NET has it; the generator targets netstandard2.0.</summary>
    private static readonly RegexOptions s_options = RegexOptions.CultureInvariant
        | (Enum.IsDefined(typeof(RegexOptions), 1024) ? (RegexOptions)1024 : RegexOptions.None);

    /// <summary>
    /// Compiles <paramref name="pattern"/>, anchored at both ends for <c>match</c>; null with <paramref name="error"/>
    /// when it is not I-Regexp or goes past a bound.
    /// </summary>
    public static Regex? TryCreate(string pattern, bool anchored, out string? error)
    {
        var translated = Translate(pattern, out error);
        if (translated is null)
        {
            return null;
        }

        try
        {
            return new Regex(anchored ? @"\A(?:" + translated + @")\z" : translated, s_options, MatchTimeout);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            error = "the pattern is not supported: " + exception.Message;
            return null;
        }
    }

    /// <summary>Runs <paramref name="regex"/>; running out of time is a limit of the evaluation, not a non-match.</summary>
    public static bool IsMatch(Regex regex, string input, JsonPathEvaluation evaluation)
    {
        evaluation.Step(1 + (input.Length / 16));
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new JsonPathLimitException("a pattern took longer than " + MatchTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms to match");
        }
    }

    /// <summary>The .NET pattern for an I-Regexp, or null with <paramref name="error"/>.</summary>
    public static string? Translate(string pattern, out string? error)
    {
        if (pattern.Length > MaxPatternLength)
        {
            error = "the pattern is longer than " + MaxPatternLength.ToString(CultureInfo.InvariantCulture) + " characters";
            return null;
        }

        var translator = new JsonPathRegexTranslator(pattern);
        return translator.Translate(out error);
    }

    /// <summary>Appends <paramref name="c"/> as an escape that .NET reads as that character, in or out of a class.</summary>
    public static void AppendEscaped(StringBuilder output, char c)
    {
        if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
        {
            output.Append(c);
        }
        else
        {
            output.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
    }
}
