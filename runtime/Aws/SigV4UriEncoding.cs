using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Contracts.Runtime.Aws;

/// <summary>
/// The canonical URI and query string of SigV4: RFC 3986 percent-encoding in which only the unreserved characters
/// (<c>A-Z a-z 0-9 - . _ ~</c>) stay literal and every other byte of the UTF-8 form becomes <c>%XX</c> (uppercase).
/// </summary>
internal static class SigV4UriEncoding
{
    internal static string CanonicalUri(string path, bool normalize, bool doubleEncode)
    {
        if (path == "/")
        {
            // The root (every AWS JSON and query-protocol call) is canonical in every mode.
            return path;
        }

        var segments = path.Split('/');
        var kept = new List<string>(segments.Length);
        foreach (var segment in segments)
        {
            if (!normalize)
            {
                kept.Add(segment);
            }
            else if (segment == "..")
            {
                if (kept.Count > 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }
            }
            else if (segment.Length > 0 && segment != ".")
            {
                // Empty segments are dropped: normalization collapses "//" into "/".
                kept.Add(segment);
            }
        }

        var builder = new StringBuilder(path.Length + 16);
        if (normalize)
        {
            foreach (var segment in kept)
            {
                builder.Append('/');
                AppendSegment(builder, segment, doubleEncode);
            }

            // "/a/b/" and "/a/b/.." keep their trailing slash (RFC 3986, 5.2.4); the root is "/" either way.
            var last = segments[segments.Length - 1];
            if (kept.Count == 0 || last.Length == 0 || last == "." || last == "..")
            {
                builder.Append('/');
            }

            return builder.ToString();
        }

        // S3 signs the path exactly as sent, empty segments and dot segments included.
        for (var i = 0; i < kept.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            AppendSegment(builder, kept[i], doubleEncode);
        }

        if (builder.Length == 0 || builder[0] != '/')
        {
            builder.Insert(0, '/');
        }

        return builder.ToString();
    }

    internal static string CanonicalQuery(string query)
    {
        if (query.Length == 0 || query == "?")
        {
            return string.Empty;
        }

        if (query.StartsWith("?", StringComparison.Ordinal))
        {
            query = query.Substring(1);
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var parameter in query.Split('&'))
        {
            if (parameter.Length == 0)
            {
                continue;
            }

            // A parameter without '=' is a name with an empty value ("a" signs as "a=").
            var equals = parameter.IndexOf('=');
            var name = equals < 0 ? parameter : parameter.Substring(0, equals);
            var value = equals < 0 ? string.Empty : parameter.Substring(equals + 1);
            pairs.Add(new KeyValuePair<string, string>(Reencode(name), Reencode(value)));
        }

        // Sorted by encoded name, then by encoded value, byte by byte (the encoded form is ASCII).
        pairs.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });

        var builder = new StringBuilder(query.Length + 16);
        foreach (var pair in pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(pair.Key).Append('=').Append(pair.Value);
        }

        return builder.ToString();
    }

    // Non-S3 services encode the path as sent once more ("%20" becomes "%2520"); S3 encodes the decoded path once.
    private static void AppendSegment(StringBuilder builder, string segment, bool doubleEncode) =>
        Encode(builder, doubleEncode ? Encoding.UTF8.GetBytes(segment) : PercentDecode(segment));

    // A query may arrive escaped ("%E1%88%B4") or not ("ሴ"); decoding first makes both sign alike. '+' is
    // left as a literal plus: RFC 3986 gives it no meaning of space.
    private static string Reencode(string component)
    {
        var builder = new StringBuilder(component.Length + 8);
        Encode(builder, PercentDecode(component));
        return builder.ToString();
    }

    private static void Encode(StringBuilder builder, byte[] bytes)
    {
        const string hex = "0123456789ABCDEF";
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(hex[b >> 4]).Append(hex[b & 0xF]);
            }
        }
    }

    // Works on bytes so that an escaped sequence which is not valid UTF-8 survives the round trip unchanged.
    private static byte[] PercentDecode(string text)
    {
        if (text.IndexOf('%') < 0)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        using var bytes = new MemoryStream(text.Length);
        var runStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%' || i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
            {
                continue;
            }

            WriteUtf8(bytes, text, runStart, i - runStart);
            bytes.WriteByte((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
            i += 2;
            runStart = i + 1;
        }

        WriteUtf8(bytes, text, runStart, text.Length - runStart);
        return bytes.ToArray();
    }

    private static void WriteUtf8(MemoryStream stream, string text, int start, int length)
    {
        if (length > 0)
        {
            var encoded = Encoding.UTF8.GetBytes(text.Substring(start, length));
            stream.Write(encoded, 0, encoded.Length);
        }
    }

    private static bool IsUnreserved(byte b) =>
        (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~';

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
