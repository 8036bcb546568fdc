using System;
using System.Collections.Generic;
using System.Text;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Writes descriptions from a spec as XML doc comments. Known HTML (<c>p</c>, <c>code</c>, <c>a</c>, lists, emphasis)
/// becomes XML-doc tags, other markup becomes plain text, and all text is XML-escaped. Every line terminator C#
/// recognises starts a new <c>///</c> line, so a description can never leave its comment, and invisible or bidirectional
/// characters are shown as <c>[U+202E]</c>, so a comment cannot look different from what it holds.
/// </summary>
internal static class XmlDocs
{
    public static void Summary(SourceWriter writer, string? description, string? fallback = null) =>
        Block(writer, "summary", description, fallback);

    /// <summary>Writes <c>&lt;tag&gt;</c> with the converted description: on one line when it fits one, else one line per paragraph.</summary>
    public static void Block(SourceWriter writer, string tag, string? description, string? fallback = null)
    {
        var body = Convert(description);
        if (body.Count == 0)
        {
            if (fallback is null)
            {
                return;
            }

            body.Add(Escape(fallback));
        }

        if (body.Count == 1)
        {
            writer.WriteLine("/// <" + tag + ">" + body[0] + "</" + tag + ">");
            return;
        }

        writer.WriteLine("/// <" + tag + ">");
        foreach (var line in body)
        {
            writer.WriteLine("/// " + line);
        }

        writer.WriteLine("/// </" + tag + ">");
    }

    public static void Param(SourceWriter writer, string name, string? description)
    {
        var body = Convert(description);
        writer.WriteLine("/// <param name=\"" + name.TrimStart('@') + "\">" + (body.Count == 0 ? string.Empty : string.Join(" ", body)) + "</param>");
    }

    /// <summary>Converts HTML-ish text into escaped XML-doc lines (without the <c>///</c> prefix).</summary>
    internal static List<string> Convert(string? description)
    {
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(description))
        {
            return lines;
        }

        var current = new StringBuilder();
        var inline = new Stack<(string Tag, string Closer)>();
        var text = description!;
        var i = 0;
        var close = -1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<' && TryReadTag(text, i, ref close, out var tag, out var closing, out var href, out var next))
            {
                i = next;
                if (tag is "p" or "important" or "note" or "div" or "br" or "li" or "ul" or "ol")
                {
                    // Inline tags never span a block boundary: close them first.
                    CloseInline(inline, current);
                }

                switch (tag)
                {
                    case "p":
                    case "important":
                    case "note":
                    case "div":
                        Flush(lines, current);
                        lines.Add(closing ? "</para>" : "<para>");
                        break;
                    case "br":
                        Flush(lines, current);
                        break;
                    case "li":
                        Flush(lines, current);
                        if (!closing)
                        {
                            current.Append("- ");
                        }

                        break;
                    case "ul":
                    case "ol":
                        Flush(lines, current);
                        break;
                    case "code" when !closing:
                        inline.Push(("code", "</c>"));
                        current.Append("<c>");
                        break;
                    case "a" when !closing:
                        inline.Push(("a", href is not null ? "</see>" : "</c>"));
                        current.Append(href is not null ? "<see href=\"" + EscapeAttribute(href) + "\">" : "<c>");
                        break;
                    case "code":
                    case "a":
                        if (inline.Count > 0 && inline.Peek().Tag == tag)
                        {
                            current.Append(inline.Pop().Closer);
                        }

                        break;
                }

                continue;
            }

            if (c == '&' && TryDecodeEntity(text, i, out var decoded, out var afterEntity))
            {
                current.Append(Escape(decoded));
                i = afterEntity;
                continue;
            }

            if (IsLineBreak(c))
            {
                Flush(lines, current);
                i++;
            }
            else
            {
                i += AppendEscaped(current, text, i);
            }
        }

        CloseInline(inline, current);
        Flush(lines, current);
        return Balance(lines);
    }

    private static void CloseInline(Stack<(string Tag, string Closer)> inline, StringBuilder current)
    {
        while (inline.Count > 0)
        {
            current.Append(inline.Pop().Closer);
        }
    }

    private static void Flush(List<string> lines, StringBuilder current)
    {
        var line = current.ToString().Trim();
        if (line.Length > 0)
        {
            lines.Add(line);
        }

        current.Clear();
    }

    /// <summary>Drops empty and unbalanced para tags so the comment is well-formed XML.</summary>
    private static List<string> Balance(List<string> lines)
    {
        var result = new List<string>();
        var open = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line == "<para>")
            {
                if (open > 0)
                {
                    result.Add("</para>");
                    open--;
                }

                if (i + 1 < lines.Count && lines[i + 1] != "</para>" && lines[i + 1] != "<para>")
                {
                    result.Add(line);
                    open++;
                }
            }
            else if (line == "</para>")
            {
                if (open > 0)
                {
                    if (result[result.Count - 1] == "<para>")
                    {
                        result.RemoveAt(result.Count - 1);
                    }
                    else
                    {
                        result.Add(line);
                    }

                    open--;
                }
            }
            else
            {
                result.Add(line);
            }
        }

        for (; open > 0; open--)
        {
            result.Add("</para>");
        }

        // A lone paragraph reads better without the tags.
        if (result.Count >= 2 && result[0] == "<para>" && result[result.Count - 1] == "</para>" && result.FindAll(l => l == "<para>").Count == 1)
        {
            result.RemoveAt(result.Count - 1);
            result.RemoveAt(0);
        }

        return result;
    }

    /// <summary>
    /// Reads the tag that starts at <paramref name="start"/> (a <c>&lt;</c>): its name (1 to 16 letters or digits after
    /// optional spaces and slashes), whether it closes, and an <c>href</c>. <paramref name="close"/> is the position of the
    /// next <c>&gt;</c>, found once and reused by every <c>&lt;</c> before it (or the text's length when there is none):
    /// searching from each <c>&lt;</c> and copying what lay between made 65,000 <c>&lt;</c> and one <c>&gt;</c> quadratic
    /// (5 s and 4 GB for one description). Nothing is copied unless the tag is one.
    /// </summary>
    private static bool TryReadTag(string text, int start, ref int close, out string tag, out bool closing, out string? href, out int next)
    {
        tag = string.Empty;
        closing = false;
        href = null;
        next = start;
        if (close <= start)
        {
            close = text.IndexOf('>', start + 1);
            if (close < 0)
            {
                close = text.Length;
            }
        }

        var end = close;
        if (end == text.Length)
        {
            return false;
        }

        // What lies between a '<' and its name belongs to no other '<' (neither spaces nor slashes are one), so these
        // scans cover the text once in all.
        var position = SkipWhiteSpace(text, start + 1, end);
        closing = position < end && text[position] == '/';
        while (position < end && text[position] == '/')
        {
            position++;
        }

        position = SkipWhiteSpace(text, position, end);
        var nameStart = position;
        while (position < end && position - nameStart <= MaxTagName && char.IsLetterOrDigit(text[position]))
        {
            position++;
        }

        var nameLength = position - nameStart;
        if (nameLength == 0 || nameLength > MaxTagName)
        {
            return false;
        }

        tag = text.Substring(nameStart, nameLength).ToLowerInvariant();
        var inner = text.Substring(position, end - position);
        var hrefIndex = inner.IndexOf("href=", StringComparison.OrdinalIgnoreCase);
        if (hrefIndex >= 0 && hrefIndex + 6 <= inner.Length)
        {
            var quote = inner[hrefIndex + 5];
            var valueStart = hrefIndex + 6;
            var valueEnd = quote is '"' or '\'' ? inner.IndexOf(quote, valueStart) : -1;
            if (valueEnd > valueStart)
            {
                href = inner.Substring(valueStart, valueEnd - valueStart);
            }
        }

        next = end + 1;
        return true;
    }

    private const int MaxTagName = 16;

    private static int SkipWhiteSpace(string text, int position, int end)
    {
        while (position < end && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    private static bool TryDecodeEntity(string text, int start, out string decoded, out int next)
    {
        foreach (var (entity, value) in s_entities)
        {
            if (string.CompareOrdinal(text, start, entity, 0, entity.Length) == 0)
            {
                decoded = value;
                next = start + entity.Length;
                return true;
            }
        }

        decoded = string.Empty;
        next = start;
        return false;
    }

    private static readonly (string Entity, string Value)[] s_entities =
    {
        ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "),
    };

    /// <summary>Every character C# treats as ending a line (a comment ends there).</summary>
    private static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>Escapes plain text (no markup is interpreted) for use inside a doc comment line.</summary>
    public static string Text(string text) => Escape(text);

    private static string Escape(string text)
    {
        // Most text needs no escaping: return it as it is rather than copying it.
        var i = 0;
        while (i < text.Length && !NeedsEscape(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, i);
        while (i < text.Length)
        {
            i += AppendEscaped(builder, text, i);
        }

        return builder.ToString();
    }

    /// <summary>Markup, control and line-break characters, and anything beyond Latin-1's printable range (which may be invisible).</summary>
    private static bool NeedsEscape(char c) => c is '&' or '<' or '>' || char.IsControl(c) || c >= '\u00A0';

    /// <summary>
    /// Appends the character (or surrogate pair) at <paramref name="index"/> as doc text and returns how many chars it took:
    /// markup escaped, controls and line breaks as spaces, invisible characters in a visible form (<c>[U+202E]</c>) so a
    /// comment shows what the text holds, and other spaces as U+0020.
    /// </summary>
    private static int AppendEscaped(StringBuilder builder, string text, int index)
    {
        var c = text[index];
        switch (c)
        {
            case '&': builder.Append("&amp;"); return 1;
            case '<': builder.Append("&lt;"); return 1;
            case '>': builder.Append("&gt;"); return 1;
        }

        if (char.IsControl(c) || IsLineBreak(c))
        {
            builder.Append(' ');
            return 1;
        }

        if (c < '\u00A0')
        {
            builder.Append(c);
            return 1;
        }

        var codePoint = InvisibleCharacters.CodePointAt(text, index, out var length);
        if (InvisibleCharacters.IsHidden(codePoint))
        {
            InvisibleCharacters.AppendVisible(builder, codePoint);
        }
        else if (InvisibleCharacters.IsHiddenOrOtherSpace(codePoint))
        {
            builder.Append(' ');
        }
        else
        {
            builder.Append(text, index, length);
        }

        return length;
    }

    private static string EscapeAttribute(string value) => Escape(value).Replace("\"", "&quot;");
}
