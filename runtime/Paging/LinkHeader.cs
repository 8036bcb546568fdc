using System;
using System.Collections.Generic;

namespace Contracts.Runtime.Paging;

/// <summary>
/// Reads the <c>Link</c> header of RFC 8288 (§3): <c>&lt;uri-reference&gt;; param=value; param="quoted"</c>, several
/// links separated by commas in one header or across several <c>Link</c> headers. Lenient as the RFC asks of a
/// recipient: parameter names and relation types are compared without regard to case, parameters come in any order,
/// a quoted value may hold <c>;</c> and <c>,</c>, a comma inside <c>&lt;…&gt;</c> belongs to the URI, only the first
/// <c>rel</c> of a link counts, and what does not parse is skipped up to the next link. Never throws.
/// </summary>
internal static class LinkHeader
{
    /// <summary>
    /// The target of the first link whose relation types include <paramref name="relation"/> (<c>next</c>), as written
    /// (a relative reference is resolved by the caller); null when there is none. A link with an <c>anchor</c> is about
    /// another resource than the response's, so it does not count.
    /// </summary>
    public static string? Find(IReadOnlyList<string> headerValues, string relation)
    {
        for (var i = 0; i < headerValues.Count; i++)
        {
            if (headerValues[i] is { } value && Find(value, relation) is { } target)
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>As <see cref="Find(IReadOnlyList{string}, string)"/>, in one header value.</summary>
    public static string? Find(string value, string relation)
    {
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && (IsWhitespace(value[i]) || value[i] == ','))
            {
                i++;
            }

            if (i >= value.Length)
            {
                break;
            }

            if (value[i] != '<')
            {
                i = SkipToNextLink(value, i);
                continue;
            }

            var close = value.IndexOf('>', i + 1);
            if (close < 0)
            {
                return null;
            }

            var target = value.Substring(i + 1, close - i - 1).Trim();
            i = close + 1;
            var related = false;
            var relSeen = false;
            var anchored = false;
            while (true)
            {
                i = SkipWhitespace(value, i);
                if (i >= value.Length || value[i] == ',')
                {
                    break;
                }

                if (value[i] != ';')
                {
                    // Garbage after the target or a parameter: the parameters read so far stand.
                    i = SkipToNextLink(value, i);
                    break;
                }

                i = SkipWhitespace(value, i + 1);
                var nameStart = i;
                while (i < value.Length && IsTokenChar(value[i]))
                {
                    i++;
                }

                var name = value.Substring(nameStart, i - nameStart);
                i = SkipWhitespace(value, i);
                string? parameter = null;
                if (i < value.Length && value[i] == '=')
                {
                    i = SkipWhitespace(value, i + 1);
                    parameter = value.Length > i && value[i] == '"' ? ReadQuoted(value, ref i) : ReadBare(value, ref i);
                }

                if (string.Equals(name, "rel", StringComparison.OrdinalIgnoreCase))
                {
                    if (!relSeen)
                    {
                        relSeen = true;
                        related = parameter is not null && HasRelation(parameter, relation);
                    }
                }
                else if (string.Equals(name, "anchor", StringComparison.OrdinalIgnoreCase))
                {
                    anchored = true;
                }
            }

            if (related && !anchored && target.Length > 0)
            {
                return target;
            }
        }

        return null;
    }

    // rel="next last": relation types separated by whitespace, compared without regard to case (RFC 8288 §3.3).
    private static bool HasRelation(string relations, string relation)
    {
        var i = 0;
        while (i < relations.Length)
        {
            while (i < relations.Length && IsWhitespace(relations[i]))
            {
                i++;
            }

            var start = i;
            while (i < relations.Length && !IsWhitespace(relations[i]))
            {
                i++;
            }

            if (i - start == relation.Length && string.Compare(relations, start, relation, 0, relation.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    // quoted-string (RFC 9110 §5.6.4): a backslash escapes the next character; an unterminated one ends with the value.
    private static string ReadQuoted(string value, ref int i)
    {
        var text = new System.Text.StringBuilder();
        i++;
        return ReadQuotedRest(value, ref i, text);
    }

    private static string ReadQuotedRest(string value, ref int i, System.Text.StringBuilder text)
    {
        while (i < value.Length)
        {
            var c = value[i++];
            if (c == '"')
            {
                break;
            }

            if (c == '\\' && i < value.Length)
            {
                c = value[i++];
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static string ReadBare(string value, ref int i)
    {
        var start = i;
        while (i < value.Length && value[i] != ';' && value[i] != ',' && !IsWhitespace(value[i]))
        {
            i++;
        }

        return value.Substring(start, i - start);
    }

    // Past the next comma outside a quoted string (the end of a link that did not parse).
    private static int SkipToNextLink(string value, int i)
    {
        while (i < value.Length)
        {
            var c = value[i++];
            if (c == ',')
            {
                break;
            }

            if (c == '"')
            {
                ReadQuotedRest(value, ref i, new System.Text.StringBuilder());
            }
        }

        return i;
    }

    private static int SkipWhitespace(string value, int i)
    {
        while (i < value.Length && IsWhitespace(value[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsWhitespace(char c) => c == ' ' || c == '\t';

    // tchar of RFC 9110 §5.6.2.
    private static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
        || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
}
