using System;
using System.Text;

namespace Contracts.Runtime;

/// <summary>Turns response bytes into a short, printable excerpt for exception messages.</summary>
public static class ResponseText
{
    /// <summary>The longest excerpt kept, in characters.</summary>
    public const int MaxExcerptLength = 256;

    /// <summary>Decodes the start of <paramref name="body"/> as UTF-8, with control characters shown as spaces.</summary>
    public static string Excerpt(byte[] body) => Excerpt(body, body?.Length ?? 0);

    /// <summary>Decodes the start of the first <paramref name="count"/> bytes of <paramref name="body"/> (a body read only in part).</summary>
    public static string Excerpt(byte[] body, int count) =>
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
        var builder = new StringBuilder(Math.Min(text.Length, MaxExcerptLength + 1));
        foreach (var c in text)
        {
            if (builder.Length == MaxExcerptLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
