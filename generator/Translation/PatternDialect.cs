using System.Collections.Generic;
using System.Text;

namespace Contracts.Generator.Translation;

/// <summary>
/// A document's <c>pattern</c> (ECMA-262 by the specification, often Java's in practice, as in the AWS descriptions)
/// rewritten into what .NET's engine reads with the same meaning, where the two differ only in spelling:
/// <list type="bullet">
/// <item>an escaped character that needs no escape (<c>\_</c>, ECMA-262's identity escape) is that character;</item>
/// <item>the POSIX classes Java writes as <c>\p{Alnum}</c>, <c>\p{XDigit}</c>, <c>\p{Print}</c>… are spelled out as the
/// ASCII ranges Java gives them, inside or outside a character class.</item>
/// </list>
/// Anything else is left as written: where .NET still cannot read it, the pattern is CTR124 and not checked.
/// </summary>
internal static class PatternDialect
{
    // Java's POSIX character classes (US-ASCII only, as java.util.regex.Pattern defines them), as class contents.
    private static readonly Dictionary<string, string> s_posixClasses = new()
    {
        ["Lower"] = "a-z",
        ["Upper"] = "A-Z",
        ["ASCII"] = @"\x00-\x7F",
        ["Alpha"] = "a-zA-Z",
        ["Digit"] = "0-9",
        ["Alnum"] = "a-zA-Z0-9",
        ["Punct"] = @"!-/:-@\[-`{-~",
        ["Graph"] = @"!-~",
        ["Print"] = @"\x20-\x7E",
        ["Blank"] = @" \t",
        ["Cntrl"] = @"\x00-\x1F\x7F",
        ["XDigit"] = "0-9a-fA-F",
        ["Space"] = @" \t\n\x0B\f\r",
    };

    public static string ToDotNet(string pattern)
    {
        if (pattern.IndexOf('\\') < 0)
        {
            return pattern;
        }

        var result = new StringBuilder(pattern.Length);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '\\' || i + 1 >= pattern.Length)
            {
                if (c == '[' && !inClass)
                {
                    inClass = true;
                }
                else if (c == ']' && inClass)
                {
                    inClass = false;
                }

                result.Append(c);
                continue;
            }

            var next = pattern[i + 1];
            if (next == '_')
            {
                // ECMA-262 reads "\_" as "_"; .NET refuses an escaped word character it does not know.
                result.Append('_');
                i++;
                continue;
            }

            if (next is 'p' or 'P' && i + 2 < pattern.Length && pattern[i + 2] == '{')
            {
                var close = pattern.IndexOf('}', i + 3);
                if (close > 0 && s_posixClasses.TryGetValue(pattern.Substring(i + 3, close - i - 3), out var members)
                    && (next == 'p' || !inClass))
                {
                    // Inside a class the members join it; outside they become a class of their own (negated for \P).
                    result.Append(inClass ? members : (next == 'p' ? "[" : "[^") + members + "]");
                    i = close;
                    continue;
                }
            }

            result.Append(c).Append(next);
            i++;
        }

        return result.ToString();
    }
}
