using System.Globalization;
using System.Text;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The one way text from a spec becomes a C# literal. Quotes, backslashes, control characters and every line terminator
/// are escaped, so a literal can never end early or span lines; invisible and bidirectional characters (and spaces other
/// than U+0020) are escaped too, so a literal reads as what it holds.
/// </summary>
internal static class Literals
{
    public static string String(string value) => IsPlain(value) ? "\"" + value + "\"" : Escape(value);

    /// <summary>Printable ASCII other than quote and backslash: the literal is the text between quotes.</summary>
    private static bool IsPlain(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ' || c > '~' || c == '"' || c == '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Escapes as <c>SymbolDisplay.FormatLiteral</c> does (short escapes, <c>\u</c> and four lower-case digits for other
    /// controls, line separators and lone surrogates), plus the characters <see cref="InvisibleCharacters"/> lists. Unlike
    /// FormatLiteral it does not consult the host's Unicode tables, which differ between the compilers that run the generator.
    /// </summary>
    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 16).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var shortEscape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\0' => "\\0",
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                _ => null,
            };
            if (shortEscape is not null)
            {
                builder.Append(shortEscape);
                continue;
            }

            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                AppendUnicodeEscape(builder, c);
                continue;
            }

            var codePoint = InvisibleCharacters.CodePointAt(value, i, out var length);
            if (InvisibleCharacters.IsHiddenOrOtherSpace(codePoint))
            {
                AppendUnicodeEscape(builder, codePoint);
            }
            else
            {
                builder.Append(value, i, length);
            }

            i += length - 1;
        }

        return builder.Append('"').ToString();
    }

    /// <summary><c>\u202e</c>, or <c>\U000e0041</c> beyond the Basic Multilingual Plane.</summary>
    private static void AppendUnicodeEscape(StringBuilder builder, int codePoint) =>
        builder.Append(codePoint > 0xFFFF ? "\\U" + codePoint.ToString("x8", CultureInfo.InvariantCulture) : "\\u" + codePoint.ToString("x4", CultureInfo.InvariantCulture));

    /// <summary>A UTF-8 literal (<c>"name"u8</c>), for matching JSON member names without allocating.</summary>
    public static string Utf8(string value) => String(value) + "u8";

    /// <summary>A <c>long</c> literal from an integer's invariant digits (the parser checked them).</summary>
    public static string Int64(string digits) =>
        long.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "L";
}
