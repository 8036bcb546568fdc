using System;
using System.Collections.Generic;
using System.Text;

namespace Contracts.Runtime.Aws;

/// <summary>
/// The signed headers of a request in canonical form: names lowercased and sorted, values trimmed with inner runs
/// of whitespace collapsed, the values of a repeated name joined by commas in the order they came.
/// </summary>
/// <remarks>
/// Built once per signature from a handful of headers, so a small list sorted by insertion is enough; names and
/// values that are already canonical (the usual case) are kept as they are rather than copied.
/// </remarks>
internal sealed class SigV4CanonicalHeaders
{
    private readonly List<KeyValuePair<string, string>> _headers;
    private string? _signedNames;

    private SigV4CanonicalHeaders(List<KeyValuePair<string, string>> headers)
    {
        _headers = headers;
    }

    internal static SigV4CanonicalHeaders From(IEnumerable<KeyValuePair<string, string>> headers)
    {
        if (headers is null)
        {
            throw new ArgumentNullException(nameof(headers));
        }

        var sorted = new List<KeyValuePair<string, string>>(8);
        foreach (var header in headers)
        {
            var name = CanonicalName(header.Key);
            var value = CanonicalValue(header.Value ?? string.Empty);
            var index = sorted.Count;
            while (index > 0 && string.CompareOrdinal(sorted[index - 1].Key, name) > 0)
            {
                index--;
            }

            if (index > 0 && string.Equals(sorted[index - 1].Key, name, StringComparison.Ordinal))
            {
                sorted[index - 1] = new KeyValuePair<string, string>(name, sorted[index - 1].Value + "," + value);
            }
            else
            {
                sorted.Insert(index, new KeyValuePair<string, string>(name, value));
            }
        }

        return new SigV4CanonicalHeaders(sorted);
    }

    /// <summary>One <c>name:value</c> line per header, each ending in a newline.</summary>
    internal string Block()
    {
#if NET8_0_OR_GREATER
        // Written straight into the string: no builder and no second copy.
        return string.Create(BlockLength(), this, static (chars, headers) => headers.WriteBlock(chars));
#else
        var builder = new StringBuilder(BlockLength());
        foreach (var header in _headers)
        {
            builder.Append(header.Key).Append(':').Append(header.Value).Append('\n');
        }

        return builder.ToString();
#endif
    }

    /// <summary>The length of <see cref="Block"/>.</summary>
    internal int BlockLength()
    {
        var length = 0;
        foreach (var header in _headers)
        {
            length += header.Key.Length + header.Value.Length + 2;
        }

        return length;
    }

    /// <summary>Writes <see cref="Block"/> to <paramref name="destination"/>; returns the characters written.</summary>
    internal int WriteBlock(Span<char> destination)
    {
        var at = 0;
        foreach (var header in _headers)
        {
            header.Key.AsSpan().CopyTo(destination.Slice(at));
            at += header.Key.Length;
            destination[at++] = ':';
            header.Value.AsSpan().CopyTo(destination.Slice(at));
            at += header.Value.Length;
            destination[at++] = '\n';
        }

        return at;
    }

    /// <summary>The names, joined by semicolons (<c>host;x-amz-date</c>).</summary>
    internal string SignedNames()
    {
        if (_signedNames is null)
        {
            var builder = new StringBuilder(_headers.Count * 16);
            foreach (var header in _headers)
            {
                builder.Append(builder.Length == 0 ? string.Empty : ";").Append(header.Key);
            }

            _signedNames = builder.ToString();
        }

        return _signedNames;
    }

    // The names the signer itself signs, as HttpHeaders spells them, map to constants instead of new lowercase copies.
    private static string CanonicalName(string name)
    {
        switch (name)
        {
            case "Host":
                return "host";
            case "Content-Type":
                return "content-type";
            case "Content-MD5":
                return "content-md5";
            case "X-Amz-Date":
                return "x-amz-date";
            case "X-Amz-Target":
                return "x-amz-target";
            case "X-Amz-Security-Token":
                return "x-amz-security-token";
            case "X-Amz-Content-SHA256":
                return "x-amz-content-sha256";
            default:
                return name.Trim().ToLowerInvariant();
        }
    }

    // A value folded over several lines (obsolete line folding) signs as its lines joined by commas, as the
    // AWS test suite defines.
    private static string CanonicalValue(string value)
    {
        if (IsCanonical(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var line in value.Split('\n'))
        {
            var start = builder.Length;
            if (start > 0)
            {
                builder.Append(',');
            }

            if (!AppendTrimmed(builder, line) && start > 0)
            {
                builder.Length = start; // an empty fold adds nothing
            }
        }

        return builder.ToString();
    }

    // No line break, tab or CR, no space at either end, no two spaces in a row: nothing to trim or collapse.
    private static bool IsCanonical(string value)
    {
        if (value.Length > 0 && (value[0] == ' ' || value[value.Length - 1] == ' '))
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\n' || c == '\t' || c == '\r' || (c == ' ' && value[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    // Appends the line without leading or trailing whitespace, each inner run of spaces and tabs as one space.
    private static bool AppendTrimmed(StringBuilder builder, string line)
    {
        var wrote = false;
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (c == ' ' || c == '\t' || c == '\r')
            {
                pendingSpace = wrote;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            wrote = true;
        }

        return wrote;
    }
}
