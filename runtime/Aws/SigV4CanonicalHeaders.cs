using System;
using System.Collections.Generic;
using System.Text;

namespace Contracts.Runtime.Aws;

/// <summary>
/// The signed headers of a request in canonical form: names lowercased and sorted, values trimmed with inner runs
/// of whitespace collapsed, the values of a repeated name joined by commas in the order they came.
/// </summary>
internal sealed class SigV4CanonicalHeaders
{
    private readonly SortedDictionary<string, StringBuilder> _values;

    private SigV4CanonicalHeaders(SortedDictionary<string, StringBuilder> values)
    {
        _values = values;
    }

    internal static SigV4CanonicalHeaders From(IEnumerable<KeyValuePair<string, string>> headers)
    {
        if (headers is null)
        {
            throw new ArgumentNullException(nameof(headers));
        }

        var values = new SortedDictionary<string, StringBuilder>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            var name = header.Key.Trim().ToLowerInvariant();
            var value = CanonicalValue(header.Value ?? string.Empty);
            if (values.TryGetValue(name, out var existing))
            {
                existing.Append(',').Append(value);
            }
            else
            {
                values.Add(name, new StringBuilder(value));
            }
        }

        return new SigV4CanonicalHeaders(values);
    }

    /// <summary>One <c>name:value</c> line per header, each ending in a newline.</summary>
    internal string Block()
    {
        var builder = new StringBuilder();
        foreach (var pair in _values)
        {
            builder.Append(pair.Key).Append(':').Append(pair.Value).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The names, joined by semicolons (<c>host;x-amz-date</c>).</summary>
    internal string SignedNames() => string.Join(";", _values.Keys);

    // A value folded over several lines (obsolete line folding) signs as its lines joined by commas, as the
    // AWS test suite defines.
    private static string CanonicalValue(string value)
    {
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
