using System;
using System.Collections.Generic;
using System.Text;

namespace Contracts.Generator.Reading;

/// <summary>
/// JSON is read by the YAML parser, to which every JSON key is an implicit key, refused unless it reaches its <c>:</c>
/// within <see cref="Limits.MaxImplicitKeySpan"/> characters on the same line: one long property name, path or schema
/// name (or a ':' put on the next line) cost a whole JSON document (CTR001), although JSON has no such rule. YAML's
/// explicit keys have none either, and <c>? "key": value</c> reads to the same key and value as <c>"key": value</c>, so
/// in a JSON document each key the parser would refuse gets a <c>? </c> before its opening quote; nothing else changes,
/// no line is added, and <see cref="ToOriginal"/> maps positions in the result back. One pass, linear in the text. Text
/// that is not JSON (YAML, flow YAML with plain scalars or comments) is returned as it is: there the limit is the
/// format's own, which every YAML reader applies.
/// </summary>
internal static class ExplicitJsonKeys
{
    private const string Marker = "? ";

    // Where a JSON string can end: its closing quote, an escape to skip, or a line break (not JSON).
    private static readonly char[] s_stringStops = ['"', '\\', '\n', '\r'];

    /// <summary>The text with long JSON keys made explicit; the same instance when there is none or the text is not JSON.</summary>
    public static string Rewrite(string text) => Rewrite(text, out _);

    /// <summary>
    /// As <see cref="Rewrite(string)"/>; <paramref name="markers"/> holds, in ascending order, where each inserted
    /// <c>"? "</c> starts in the result (empty when the text is returned as it is), for <see cref="ToOriginal"/>.
    /// </summary>
    public static string Rewrite(string text, out int[] markers)
    {
        markers = Array.Empty<int>();
        var keys = FindLongKeys(text);
        if (keys is null)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + Marker.Length * keys.Count);
        markers = new int[keys.Count];
        var copied = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            builder.Append(text, copied, keys[i] - copied);
            markers[i] = builder.Length;
            builder.Append(Marker);
            copied = keys[i];
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The index in the original text of <paramref name="index"/>, an index in the text <see cref="Rewrite(string, out int[])"/> returned with <paramref name="markers"/>.</summary>
    public static int ToOriginal(int[] markers, int index)
    {
        // Markers that end at or before the index are taken off; an index inside a marker stands for the key's quote after it.
        var before = UpperBound(markers, index - Marker.Length);
        if (before < markers.Length && markers[before] <= index)
        {
            return markers[before] - Marker.Length * before;
        }

        return index - Marker.Length * before;
    }

    /// <summary>The indexes of the opening quotes of the keys to make explicit, in order; null when there is none or the text is not JSON.</summary>
    private static List<int>? FindLongKeys(string text)
    {
        var start = 0;
        while (start < text.Length && (IsWhitespace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        if (start == text.Length || text[start] != '{')
        {
            return null;
        }

        List<int>? keys = null;
        var previous = '\0';
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    break;

                // What JSON has outside strings (punctuation, numbers, true, false, null), and the '?' this class writes.
                case '{' or '}' or '[' or ']' or ',' or ':' or '?' or (>= '0' and <= '9') or '-' or '+' or '.' or 'e' or 'E'
                    or 't' or 'r' or 'u' or 'f' or 'a' or 'l' or 's' or 'n':
                    previous = c;
                    break;
                case '"':
                    // In JSON a string follows one of these; anything else means the text is not JSON after all.
                    if (previous is not ('{' or '[' or ',' or ':' or '?'))
                    {
                        return null;
                    }

                    var end = ClosingQuote(text, i);
                    if (end < 0)
                    {
                        return null;
                    }

                    var colon = end + 1;
                    var lineBreak = false;
                    while (colon < text.Length && IsWhitespace(text[colon]))
                    {
                        lineBreak |= text[colon] is '\n' or '\r';
                        colon++;
                    }

                    // A key (a string followed by ':') that is not explicit already and that the parser would refuse.
                    if (colon < text.Length && text[colon] == ':' && previous != '?' && (colon - i > Limits.MaxImplicitKeySpan || lineBreak))
                    {
                        (keys ??= new List<int>()).Add(i);
                    }

                    previous = '"';
                    i = end;
                    break;
                default:
                    return null;
            }
        }

        return keys;
    }

    /// <summary>The index of the quote that ends the string opened at <paramref name="open"/>, or -1 when it does not end.</summary>
    private static int ClosingQuote(string text, int open)
    {
        for (var i = text.IndexOfAny(s_stringStops, open + 1); i >= 0; i = text.IndexOfAny(s_stringStops, i + 2))
        {
            if (text[i] != '\\')
            {
                return text[i] == '"' ? i : -1;
            }

            // An escape: the character after the backslash is skipped (the search resumes after it).
            if (i + 2 > text.Length)
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>How many of <paramref name="sorted"/> are at most <paramref name="value"/>.</summary>
    private static int UpperBound(int[] sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (sorted[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
