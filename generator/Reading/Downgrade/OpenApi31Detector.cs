using System;

namespace Contracts.Generator.Reading.Downgrade;

/// <summary>
/// A text scan for an <c>openapi: 3.1</c> member, so that 3.0 and 2.0 documents never pay for the downgrade. A false
/// positive (the words in a description) only costs one extra YAML parse; the downgrader checks the root member.
/// </summary>
internal static class OpenApi31Detector
{
    private const string Member = "openapi";

    public static bool LooksLikeOpenApi31(string text)
    {
        // Each search starts where the last one stopped, so the scan is linear in the text.
        for (var index = text.IndexOf(Member, StringComparison.Ordinal); index >= 0; index = text.IndexOf(Member, index + Member.Length, StringComparison.Ordinal))
        {
            var i = index + Member.Length;
            i = SkipQuote(text, i);
            i = SkipSpaces(text, i);
            if (i >= text.Length || text[i] != ':')
            {
                continue;
            }

            i = SkipQuote(text, SkipSpaces(text, i + 1));
            if (string.CompareOrdinal(text, i, "3.1", 0, 3) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipQuote(string text, int i) => i < text.Length && text[i] is '"' or '\'' ? i + 1 : i;

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
