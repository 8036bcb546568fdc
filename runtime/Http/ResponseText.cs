using System;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace Contracts.Runtime;

/// <summary>
/// Makes service text safe to print in exception messages: the start of a response body (the excerpt), and every
/// piece of text a response puts into a message (error codes and messages, error types, discriminator values, JSON
/// paths). Control characters and invisible or bidirectional formatting characters are escaped, so a message cannot
/// forge log lines or reorder what a reader sees; the length is bounded.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResponseText
{
    /// <summary>The longest excerpt kept, in characters.</summary>
    public const int MaxExcerptLength = 256;

    /// <summary>The longest value quoted inside a sentence (a discriminator value, a JSON path), in characters.</summary>
    internal const int MaxQuotedLength = 100;

    /// <summary>The longest message of an exception in an <see cref="ApiException"/>'s chain, and of its reason, in characters.</summary>
    internal const int MaxMessageLength = 1024;

    /// <summary>What ends text cut at its bound.</summary>
    internal const char CutMark = '…';

    /// <summary>Decodes the start of <paramref name="body"/> as UTF-8, with control and invisible characters escaped.</summary>
    internal static string Excerpt(byte[] body) => Excerpt(body, body?.Length ?? 0);

    /// <summary>Decodes the start of the first <paramref name="count"/> bytes of <paramref name="body"/> (a body read only in part).</summary>
    internal static string Excerpt(byte[] body, int count) =>
        body is null || count <= 0 ? string.Empty : Excerpt(new ReadOnlySpan<byte>(body, 0, Math.Min(count, body.Length)));

    /// <summary>Decodes the start of <paramref name="body"/> (a body still in its pooled buffer).</summary>
    internal static string Excerpt(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return string.Empty;
        }

        // Decode a little more than needed: a UTF-8 character is at most 4 bytes.
        var start = body.Slice(0, Math.Min(body.Length, MaxExcerptLength * 4));
#if NET5_0_OR_GREATER
        var text = Encoding.UTF8.GetString(start);
#else
        var text = Encoding.UTF8.GetString(start.ToArray());
#endif
        return Printable(text, MaxExcerptLength);
    }

    /// <summary>
    /// <paramref name="text"/> as an exception message may print it: CR, LF and tab as <c>\r</c>, <c>\n</c>, <c>\t</c>;
    /// other control characters, invisible and bidirectional formatting characters (U+200B–U+200F, U+202A–U+202E,
    /// U+2066–U+2069, U+2028/U+2029, U+FEFF…) and unpaired surrogates as <c>\uXXXX</c>; at most
    /// <paramref name="maxLength"/> characters, then <c>…</c>. An escape or a surrogate pair is never cut.
    /// </summary>
    internal static string Printable(string? text, int maxLength)
    {
        if (text is null)
        {
            return string.Empty;
        }

        if (text.Length <= maxLength && !NeedsEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var escape = pair ? null : Escape(c);
            var width = pair ? 2 : escape?.Length ?? 1;
            if (builder.Length + width > maxLength)
            {
                builder.Append(CutMark);
                break;
            }

            if (pair)
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (escape is not null)
            {
                builder.Append(escape);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (Escape(c) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The escape for a character that must not print as itself (a surrogate here is unpaired), or null.</summary>
    private static string? Escape(char c) => c switch
    {
        '\r' => "\\r",
        '\n' => "\\n",
        '\t' => "\\t",
        _ when char.IsControl(c) || IsInvisible(c) || char.IsSurrogate(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>
    /// Characters that print as nothing or reorder the text around them (the "Trojan Source" set, CVE-2021-42574):
    /// the Arabic letter mark, zero-width characters and directional marks, line and paragraph separators, embeddings
    /// and overrides, invisible operators, isolates, and the byte order mark.
    /// </summary>
    private static bool IsInvisible(char c) =>
        c is '\u061C'
            or (>= '\u200B' and <= '\u200F')
            or (>= '\u2028' and <= '\u202E')
            or (>= '\u2060' and <= '\u2064')
            or (>= '\u2066' and <= '\u2069')
            or '\uFEFF';
}
