using System.Globalization;
using System.Text;

namespace Contracts.Generator.Helpers;

/// <summary>
/// Characters that cannot be seen where they stand: bidirectional controls (the "Trojan Source" class, CVE-2021-42574),
/// zero-width and other format characters, fillers, variation selectors, tag characters and lone surrogates, plus
/// spaces other than U+0020 that look like one. Spec text never reaches a generated file with them raw: literals escape
/// them, docs show them as <c>[U+202E]</c>.
/// </summary>
/// <remarks>
/// The set is a fixed table (Unicode 15.1: every <c>Default_Ignorable_Code_Point</c> and every <c>Cf</c> character) rather
/// than the host's Unicode data: the generator runs on .NET Framework in Visual Studio and on .NET elsewhere, whose tables
/// differ, and the output must be the same on both.
/// </remarks>
internal static class InvisibleCharacters
{
    // Inclusive ranges, sorted.
    private static readonly int[] s_hidden =
    {
        0x00AD, 0x00AD, // soft hyphen
        0x034F, 0x034F, // combining grapheme joiner
        0x0600, 0x0605, // Arabic number signs
        0x061C, 0x061C, // Arabic letter mark
        0x06DD, 0x06DD,
        0x070F, 0x070F,
        0x0890, 0x0891,
        0x08E2, 0x08E2,
        0x115F, 0x1160, // Hangul fillers (letters a C# identifier accepts)
        0x17B4, 0x17B5,
        0x180B, 0x180F, // Mongolian free variation selectors and vowel separator
        0x200B, 0x200F, // zero-width space, joiners, LRM, RLM
        0x202A, 0x202E, // LRE, RLE, PDF, LRO, RLO
        0x2060, 0x206F, // word joiner, invisible operators, LRI, RLI, FSI, PDI, deprecated formats
        0x3164, 0x3164, // Hangul filler
        0xFE00, 0xFE0F, // variation selectors
        0xFEFF, 0xFEFF, // zero-width no-break space (byte order mark)
        0xFFA0, 0xFFA0, // halfwidth Hangul filler
        0xFFF0, 0xFFFB, // interlinear annotation
        0x110BD, 0x110BD,
        0x110CD, 0x110CD,
        0x13430, 0x1343F, // Egyptian hieroglyph format controls
        0x1BCA0, 0x1BCA3, // shorthand format controls
        0x1D173, 0x1D17A, // musical symbol format controls
        0xE0000, 0xE0FFF, // tags and variation selectors supplement
    };

    /// <summary>Spaces other than U+0020 (<c>Zs</c>): visible as a space, but not the one they look like.</summary>
    private static bool IsOtherSpace(int codePoint) =>
        codePoint is 0x00A0 or 0x1680 or (>= 0x2000 and <= 0x200A) or 0x202F or 0x205F or 0x3000;

    /// <summary>The code point at <paramref name="index"/> (a surrogate pair counts as one; a lone surrogate is itself), and its length in chars.</summary>
    public static int CodePointAt(string text, int index, out int length)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        length = 1;
        return c;
    }

    /// <summary>A code point that shows nothing where it stands (or changes how its neighbours are shown), or a lone surrogate.</summary>
    public static bool IsHidden(int codePoint)
    {
        if (codePoint < 0xAD)
        {
            return false;
        }

        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return true;
        }

        // A binary search over the ranges: the table is small, but this runs for every non-ASCII character of a spec.
        int low = 0, high = (s_hidden.Length / 2) - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (codePoint < s_hidden[2 * middle])
            {
                high = middle - 1;
            }
            else if (codePoint > s_hidden[(2 * middle) + 1])
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A hidden code point or a space other than U+0020: what a literal escapes.</summary>
    public static bool IsHiddenOrOtherSpace(int codePoint) => IsHidden(codePoint) || IsOtherSpace(codePoint);

    /// <summary>True when <paramref name="text"/> holds any <see cref="IsHidden(int)"/> character.</summary>
    public static bool ContainsHidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < 0xAD)
            {
                continue;
            }

            if (IsHidden(CodePointAt(text, i, out var length)))
            {
                return true;
            }

            i += length - 1;
        }

        return false;
    }

    /// <summary>The visible form of a hidden code point in docs and messages: <c>[U+202E]</c>.</summary>
    public static void AppendVisible(StringBuilder builder, int codePoint) =>
        builder.Append("[U+").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture)).Append(']');

    /// <summary>
    /// <paramref name="text"/> with every hidden character, control and space other than U+0020 in its visible form, for
    /// diagnostic messages (which the IDE shows on one line, where a bidirectional control would reorder the rest of the
    /// message, and where two texts that differ by such a character must look different).
    /// </summary>
    public static string Visible(string text)
    {
        if (!ContainsHidden(text) && !HasControlOrOtherSpace(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var codePoint = CodePointAt(text, i, out var length);
            if (IsHidden(codePoint) || IsOtherSpace(codePoint) || (length == 1 && char.IsControl(text[i])))
            {
                AppendVisible(builder, codePoint);
            }
            else
            {
                builder.Append(text, i, length);
            }

            i += length - 1;
        }

        return builder.ToString();
    }

    private static bool HasControlOrOtherSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || IsOtherSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What a reader sees of <paramref name="text"/>: hidden characters removed and other spaces made U+0020. Two texts
    /// with the same skeleton look the same in an editor.
    /// </summary>
    public static string Skeleton(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < 0xA0)
            {
                builder?.Append(text[i]);
                continue;
            }

            var codePoint = CodePointAt(text, i, out var length);
            if (IsHidden(codePoint) || IsOtherSpace(codePoint))
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                if (!IsHidden(codePoint))
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder?.Append(text, i, length);
            }

            i += length - 1;
        }

        return builder?.ToString() ?? text;
    }
}
