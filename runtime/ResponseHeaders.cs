using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;

namespace Contracts.Runtime;

/// <summary>
/// The headers of one response, response and content headers together, as received: an immutable snapshot, looked up
/// by name without regard to case. The typed getters read the headers OpenAPI documents declare (integers, dates,
/// strings, comma-separated lists); each returns null (or an empty list) when the header is absent and throws a
/// <see cref="FormatException"/> naming the header when its value does not parse; the <c>TryGet…</c> forms return
/// false instead.
/// </summary>
/// <remarks>
/// A header sent several times is one entry with several values; <see cref="GetString"/> joins them with <c>", "</c>,
/// as HTTP allows for list headers, so a single-valued getter fails on a header that was sent twice with different
/// values rather than picking one.
/// </remarks>
public sealed class ResponseHeaders : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    // The formats HTTP recipients must accept for an HTTP-date (RFC 9110 §5.6.7, RFC 7231 §7.1.1.1): the preferred
    // IMF-fixdate, the obsolete RFC 850 form and asctime's.
    private static readonly string[] s_httpDateFormats =
    {
        "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
        "dddd, dd'-'MMM'-'yy HH':'mm':'ss 'GMT'",
        "ddd MMM d HH':'mm':'ss yyyy",
    };

    // ISO 8601 / RFC 3339 date-times with an offset or Z (what JSON APIs often put in their own headers).
    // A time without an offset is refused: it would be read in this machine's time zone.
    private static readonly string[] s_isoFormats =
    {
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'FFFFFFF'Z'",
        "yyyy'-'MM'-'dd'T'HH':'mm':'sszzz",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'FFFFFFFzzz",
    };

    private static readonly string[] s_none = Array.Empty<string>();

    private readonly Dictionary<string, string[]> _headers;

    private ResponseHeaders(Dictionary<string, string[]> headers)
    {
        _headers = headers;
    }

    /// <summary>Creates a snapshot of <paramref name="headers"/> (for tests and hand-built responses); names are compared without regard to case, the values of a repeated name are kept in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/>, a name or a value is null.</exception>
    public ResponseHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
        : this(new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase))
    {
        foreach (var header in headers ?? throw new ArgumentNullException(nameof(headers)))
        {
            var values = new List<string>();
            foreach (var value in header.Value ?? throw new ArgumentNullException(nameof(headers), "The values of header '" + header.Key + "' are null."))
            {
                values.Add(value ?? throw new ArgumentNullException(nameof(headers), "A value of header '" + header.Key + "' is null."));
            }

            Add(_headers, header.Key ?? throw new ArgumentNullException(nameof(headers), "A header name is null."), values.ToArray());
        }
    }

    /// <summary>No headers.</summary>
    public static ResponseHeaders Empty { get; } = new(new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase));

    /// <summary>How many distinct header names the response carried.</summary>
    public int Count => _headers.Count;

    /// <summary>The header names, as the response spelled them.</summary>
    public IEnumerable<string> Keys => _headers.Keys;

    /// <summary>The values of each header.</summary>
    public IEnumerable<IReadOnlyList<string>> Values
    {
        get
        {
            foreach (var values in _headers.Values)
            {
                yield return values;
            }
        }
    }

    /// <summary>The values of header <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The response has no such header (<see cref="GetValues"/> returns an empty list instead).</exception>
    public IReadOnlyList<string> this[string name] =>
        _headers.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var values)
            ? values
            : throw new KeyNotFoundException("The response has no header '" + Printable(name) + "'.");

    /// <summary>Whether the response carried header <paramref name="name"/>.</summary>
    public bool ContainsKey(string name) => _headers.ContainsKey(name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>The values of header <paramref name="name"/>, when the response carried it.</summary>
    public bool TryGetValue(string name, out IReadOnlyList<string> values)
    {
        if (_headers.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var found))
        {
            values = found;
            return true;
        }

        values = s_none;
        return false;
    }

    /// <summary>The values of header <paramref name="name"/> as received, one per field line; empty when absent.</summary>
    public IReadOnlyList<string> GetValues(string name) => TryGetValue(name, out var values) ? values : s_none;

    /// <summary>The value of header <paramref name="name"/> (several field lines joined with <c>", "</c>), or null when absent.</summary>
    public string? GetString(string name) => TryGetString(name, out var value) ? value : null;

    /// <summary>The value of header <paramref name="name"/> (several field lines joined with <c>", "</c>), when present.</summary>
    public bool TryGetString(string name, out string value)
    {
        if (!_headers.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var values) || values.Length == 0)
        {
            value = string.Empty;
            return false;
        }

        value = values.Length == 1 ? values[0] : string.Join(", ", values);
        return true;
    }

    /// <summary>
    /// The items of a comma-separated list header (<c>Link</c>, <c>Vary</c>, <c>Allow</c>…), across all its field lines,
    /// each trimmed, empty items left out; a comma inside a quoted string or inside <c>&lt;…&gt;</c> (a <c>Link</c>
    /// target) does not split. Empty when the header is absent.
    /// </summary>
    public IReadOnlyList<string> GetList(string name)
    {
        var items = new List<string>();
        foreach (var value in GetValues(name))
        {
            SplitList(value, items);
        }

        return items;
    }

    /// <summary>Header <paramref name="name"/> as a 64-bit integer, or null when absent.</summary>
    /// <exception cref="FormatException">The value is not an integer in that range.</exception>
    public long? GetInt64(string name) =>
        !TryGetString(name, out var text) ? null
        : TryParseInt64(text, out var value) ? value
        : throw NotA(name, text, "a 64-bit integer");

    /// <summary>Header <paramref name="name"/> as a 64-bit integer; false when absent or not an integer.</summary>
    public bool TryGetInt64(string name, out long value)
    {
        value = 0;
        return TryGetString(name, out var text) && TryParseInt64(text, out value);
    }

    /// <summary>Header <paramref name="name"/> as a 32-bit integer, or null when absent.</summary>
    /// <exception cref="FormatException">The value is not an integer in that range.</exception>
    public int? GetInt32(string name) =>
        !TryGetString(name, out var text) ? null
        : TryParseInt32(text, out var value) ? value
        : throw NotA(name, text, "a 32-bit integer");

    /// <summary>Header <paramref name="name"/> as a 32-bit integer; false when absent or not an integer.</summary>
    public bool TryGetInt32(string name, out int value)
    {
        value = 0;
        return TryGetString(name, out var text) && TryParseInt32(text, out value);
    }

    /// <summary>
    /// Header <paramref name="name"/> as a date and time, or null when absent: an HTTP-date (<c>Sun, 06 Nov 1994
    /// 08:49:37 GMT</c>, and the obsolete RFC 850 and asctime forms; <c>Date</c>, <c>Last-Modified</c>,
    /// <c>Retry-After</c>) or an ISO 8601 date-time with an offset (<c>2024-05-01T12:00:00Z</c>).
    /// </summary>
    /// <exception cref="FormatException">The value is neither.</exception>
    public DateTimeOffset? GetDateTimeOffset(string name) =>
        !TryGetString(name, out var text) ? null
        : TryParseDate(text, out var value) ? value
        : throw NotA(name, text, "an HTTP-date or ISO 8601 date-time");

    /// <summary>Header <paramref name="name"/> as a date and time (see <see cref="GetDateTimeOffset"/>); false when absent or not a date.</summary>
    public bool TryGetDateTimeOffset(string name, out DateTimeOffset value)
    {
        value = default;
        return TryGetString(name, out var text) && TryParseDate(text, out value);
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator()
    {
        foreach (var header in _headers)
        {
            yield return new KeyValuePair<string, IReadOnlyList<string>>(header.Key, header.Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The number of headers; never their values, which may carry session cookies or tokens.</summary>
    public override string ToString() => Count.ToString(CultureInfo.InvariantCulture) + (Count == 1 ? " header" : " headers");

    /// <summary>A snapshot of the response's headers and its content's.</summary>
    internal static ResponseHeaders From(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            Add(headers, header.Key, ToArray(header.Value));
        }

        if (response.Content is { } content)
        {
            foreach (var header in content.Headers)
            {
                Add(headers, header.Key, ToArray(header.Value));
            }
        }

        return new ResponseHeaders(headers);
    }

    /// <summary>A copy with every value passed through <paramref name="transform"/> (its name, its value).</summary>
    internal ResponseHeaders Select(Func<string, string, string> transform)
    {
        var headers = new Dictionary<string, string[]>(_headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var header in _headers)
        {
            var values = new string[header.Value.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = transform(header.Key, header.Value[i]);
            }

            headers.Add(header.Key, values);
        }

        return new ResponseHeaders(headers);
    }

    private static string[] ToArray(IEnumerable<string> values) => values is string[] array ? (string[])array.Clone() : new List<string>(values).ToArray();

    private static void Add(Dictionary<string, string[]> headers, string name, string[] values)
    {
        if (headers.TryGetValue(name, out var existing))
        {
            var joined = new string[existing.Length + values.Length];
            existing.CopyTo(joined, 0);
            values.CopyTo(joined, existing.Length);
            headers[name] = joined;
        }
        else
        {
            headers.Add(name, values);
        }
    }

    private static bool TryParseInt64(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool TryParseInt32(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool TryParseDate(string text, out DateTimeOffset value)
    {
        var trimmed = text.Trim();
        return DateTimeOffset.TryParseExact(trimmed, s_httpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite | DateTimeStyles.AssumeUniversal, out value)
            || DateTimeOffset.TryParseExact(trimmed, s_isoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>Splits one field value at the commas that separate list items (RFC 9110 §5.6.1), outside quotes and angle brackets.</summary>
    private static void SplitList(string value, List<string> items)
    {
        var start = 0;
        var quoted = false;
        var bracketed = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (bracketed)
            {
                bracketed = c != '>';
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '<')
            {
                bracketed = true;
            }
            else if (c == ',')
            {
                AddItem(value, start, i, items);
                start = i + 1;
            }
        }

        AddItem(value, start, value.Length, items);
    }

    private static void AddItem(string value, int start, int end, List<string> items)
    {
        var item = value.Substring(start, end - start).Trim(' ', '\t');
        if (item.Length > 0)
        {
            items.Add(item);
        }
    }

    private static FormatException NotA(string name, string value, string what) =>
        new("The response header '" + Printable(name) + "' is not " + what + ": '" + ResponseText.Printable(value, ResponseText.MaxQuotedLength) + "'.");

    private static string Printable(string name) => ResponseText.Printable(name, ResponseText.MaxQuotedLength);
}
