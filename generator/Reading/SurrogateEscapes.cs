using System.Globalization;
using System.Text;

namespace Contracts.Generator.Reading;

/// <summary>
/// JSON writers that escape everything outside ASCII (Python's <c>json.dumps</c> by default) write an emoji as an escaped
/// surrogate pair, <c>\ud83d\ude42</c>, which the YAML layer of the reader cannot decode (it throws). Inside a JSON
/// string the pair means exactly the character it encodes, so it is replaced by that character before reading.
/// </summary>
internal static class SurrogateEscapes
{
    /// <summary>
    /// A JSON document's text with every escaped surrogate pair decoded; the same instance when there is none or when the
    /// text is YAML (where <c>\u</c> is only an escape inside double quotes).
    /// </summary>
    public static string Decode(string text)
    {
        var index = text.TrimStart().StartsWith("{", System.StringComparison.Ordinal) ? FindPair(text, 0) : -1;
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        while (index >= 0)
        {
            builder.Append(text, copied, index - copied);
            builder.Append((char)Hex(text, index + 2)).Append((char)Hex(text, index + 8));
            copied = index + 12;
            index = FindPair(text, copied);
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The index of the next <c>\uD8xx\uDCxx</c> whose backslash is not itself escaped, or -1.</summary>
    private static int FindPair(string text, int start)
    {
        for (var i = text.IndexOf("\\u", start, System.StringComparison.Ordinal); i >= 0; i = text.IndexOf("\\u", i + 2, System.StringComparison.Ordinal))
        {
            if (i + 12 > text.Length || !IsEscape(text, i))
            {
                continue;
            }

            var high = Hex(text, i + 2);
            if (high is >= 0xD800 and <= 0xDBFF && text[i + 6] == '\\' && text[i + 7] == 'u' && Hex(text, i + 8) is >= 0xDC00 and <= 0xDFFF)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>An odd number of backslashes ends at <paramref name="index"/>: it starts an escape, not a literal backslash.</summary>
    private static bool IsEscape(string text, int index)
    {
        var count = 0;
        for (var i = index; i >= 0 && text[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    private static int Hex(string text, int start) =>
        int.TryParse(text.Substring(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
