using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The one way text from a spec becomes a C# literal. <c>SymbolDisplay.FormatLiteral</c> escapes quotes,
/// backslashes and every line terminator, so a literal can never end early or span lines.
/// </summary>
internal static class Literals
{
    public static string String(string value) => IsPlain(value) ? "\"" + value + "\"" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Printable ASCII other than quote and backslash: the literal is the text between quotes, as FormatLiteral would print it.</summary>
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

    /// <summary>A UTF-8 literal (<c>"name"u8</c>), for matching JSON member names without allocating.</summary>
    public static string Utf8(string value) => String(value) + "u8";

    /// <summary>A <c>long</c> literal from an integer's invariant digits (the parser checked them).</summary>
    public static string Int64(string digits) =>
        long.Parse(digits, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture)
            .ToString(System.Globalization.CultureInfo.InvariantCulture) + "L";
}
