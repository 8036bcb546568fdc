using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using SharpYaml;

namespace Contracts.Generator.Documentation;

/// <summary>
/// Finds a spec's documentation by its lines, without building a YAML parser's events: block mappings and sequences by
/// their indentation, plain, quoted and <c>|</c>/<c>&gt;</c> block scalars read as YAML reads them, and one-line flow
/// collections that hold no <c>description</c> or <c>summary</c> skipped whole. It feeds the same rules as SharpYaml's path
/// (<see cref="DocumentationWalker"/>), and gives up — <see cref="TryFind"/> is false and the caller parses with SharpYaml —
/// the moment it meets anything it does not read with certainty: anchors, aliases, tags, directives, several documents,
/// complex keys, flow collections over several lines, with a comment or around a description, tabs in indentation or
/// plain scalars, CR line breaks, a BOM, characters YAML refuses, a block scalar ending the text, or indentation that does not nest.
/// A spec in JSON (a flow mapping over many lines) goes to SharpYaml whole.
/// </summary>
internal static class BlockYamlScanner
{
    /// <summary>The documentation scalars in order, as <see cref="DocumentationSplitter.FindWithParser"/> gives them; false when unsure.</summary>
    public static bool TryFind(string text, CancellationToken cancellationToken, out List<(int Start, int End, string Value)>? found)
    {
        found = null;
        if (!OnlyPlainCharacters(text))
        {
            return false;
        }

        try
        {
            found = new Reader(text, cancellationToken).Run();
            return true;
        }
        catch (UnsureException)
        {
            return false;
        }
    }

    /// <summary>Every <c>description</c> and <c>summary</c> value the scanner reads, kept for the split or not (a blank one is not); null when unsure. For tests.</summary>
    internal static List<string>? DocumentationValues(string text)
    {
        var reader = new Reader(text, CancellationToken.None);
        reader.Walker.Seen = new List<string>();
        try
        {
            reader.Run();
            return reader.Walker.Seen;
        }
        catch (UnsureException)
        {
            return null;
        }
    }

    /// <summary>Where and why the scanner leaves a text to SharpYaml (null when it reads it): for tests and benchmarks.</summary>
    internal static string? WhyUnsure(string text)
    {
        if (!OnlyPlainCharacters(text))
        {
            return "a character the scanner does not read (CR, BOM, NEL, LS, PS, a control character or a lone surrogate)";
        }

        var reader = new Reader(text, CancellationToken.None);
        try
        {
            reader.Run();
            return null;
        }
        catch (UnsureException exception)
        {
            var line = 1;
            for (var i = 0; i < reader.Position && i < text.Length; i++)
            {
                line += text[i] == '\n' ? 1 : 0;
            }

            var frame = new System.Diagnostics.StackTrace(exception).GetFrame(0)?.GetMethod()?.Name;
            return "line " + line + " (" + frame + ")";
        }
    }

    /// <summary>No CR, BOM, NEL, LS, PS, control characters or lone surrogates: what is left, this scanner reads as YAML does.</summary>
    private static bool OnlyPlainCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and < '\u007F' or '\n')
            {
                continue;
            }

            if (c is < ' ' and not '\t' or >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF' or >= '\uFFFE')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Thrown where the scanner is not certain how YAML reads the text; caught in <see cref="TryFind"/>.</summary>
    private sealed class UnsureException : Exception
    {
    }

    /// <summary>One pass over the lines of one text.</summary>
    private sealed class Reader(string text, CancellationToken cancellationToken)
    {
        private readonly DocumentationWalker _walker = new(text);

        public DocumentationWalker Walker => _walker;

        // The open block collections, innermost last: the column of their keys or dashes.
        private readonly List<(int Column, bool IsMapping)> _open = new();
        private readonly StringBuilder _value = new();

        // The start of the line to read next.
        private int _position;

        // A key or dash whose value is on the lines after it (or is empty): the column of its collection.
        private int _pendingColumn = -1;
        private bool _pending;
        private bool _started;
        private bool _rootDone;
        private int _lines;

        /// <summary>The start of the line being read.</summary>
        public int Position => _position;

        public List<(int Start, int End, string Value)> Run()
        {
            while (_position < text.Length)
            {
                if ((++_lines & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var lineEnd = LineEnd(_position);
                var first = SkipSpaces(_position, lineEnd);
                if (first == lineEnd || text[first] == '#')
                {
                    _position = Next(lineEnd);
                    continue;
                }

                if (text[first] == '\t')
                {
                    throw new UnsureException();
                }

                var column = first - _position;
                if (column == 0 && (At(first, "---") || At(first, "...")))
                {
                    // One "---" before everything is allowed; any other document marker means several documents or more than we read.
                    if (_started || !At(first, "---") || !RestIsComment(first + 3, lineEnd))
                    {
                        throw new UnsureException();
                    }

                    _started = true;
                    _position = Next(lineEnd);
                    continue;
                }

                if (text[first] == '%')
                {
                    throw new UnsureException();
                }

                Line(first, column, lineEnd);
            }

            if (_pending)
            {
                _walker.Skip();
                _pending = false;
            }

            while (_open.Count > 0)
            {
                Close();
            }

            return _walker.Found;
        }

        /// <summary>A line whose first character is at <paramref name="first"/>: a key, a dash, or the value of a pending key.</summary>
        private void Line(int first, int column, int lineEnd)
        {
            var isItem = IsDash(first, lineEnd);
            if (_pending)
            {
                // A key's value may be a sequence at the key's own column; anything else nested is further in.
                var nested = column > _pendingColumn || (isItem && column == _pendingColumn && _open.Count > 0 && _open[_open.Count - 1].IsMapping);
                _pending = false;
                if (nested)
                {
                    Node(first, column, lineEnd, _pendingColumn, start: true);
                    return;
                }

                _walker.Skip();
            }

            while (_open.Count > 0)
            {
                var (openColumn, isMapping) = _open[_open.Count - 1];
                if (column < openColumn || (column == openColumn && !isMapping && !isItem))
                {
                    Close();
                    continue;
                }

                break;
            }

            if (_open.Count == 0)
            {
                // One root node; a second is a second document, or not YAML.
                if (_rootDone)
                {
                    throw new UnsureException();
                }

                _started = true;
                _rootDone = true;
                if (!isItem && KeyEnd(first, lineEnd) < 0)
                {
                    // A document that is a scalar: not an OpenAPI description, and not ours to read.
                    throw new UnsureException();
                }

                Node(first, column, lineEnd, -1, start: true);
                return;
            }

            var (top, topIsMapping) = _open[_open.Count - 1];
            if (column != top || topIsMapping == isItem || (!isItem && KeyEnd(first, lineEnd) < 0))
            {
                throw new UnsureException();
            }

            Node(first, column, lineEnd, top, start: false);
        }

        /// <summary>
        /// A node at <paramref name="first"/>, in a collection at <paramref name="parentColumn"/>: a dash, a key (starting a
        /// collection at <paramref name="column"/> when <paramref name="start"/>), or a value.
        /// </summary>
        private void Node(int first, int column, int lineEnd, int parentColumn, bool start)
        {
            if (IsDash(first, lineEnd))
            {
                if (start)
                {
                    Open(column, isMapping: false);
                }

                var content = SkipSpaces(first + 1, lineEnd);
                if (content < lineEnd && text[content] == '\t')
                {
                    throw new UnsureException();
                }

                if (content == lineEnd || text[content] == '#')
                {
                    Pending(column, lineEnd);
                    return;
                }

                var contentColumn = content - _position;
                if (IsDash(content, lineEnd) || KeyEnd(content, lineEnd) >= 0)
                {
                    Node(content, contentColumn, lineEnd, column, start: true);
                }
                else
                {
                    Value(content, lineEnd, column);
                }

                return;
            }

            var colon = KeyEnd(first, lineEnd);
            if (colon < 0)
            {
                if (!start || parentColumn < 0)
                {
                    throw new UnsureException();
                }

                // The value of a key on the line before.
                Value(first, lineEnd, parentColumn);
                return;
            }

            if (start)
            {
                Open(column, isMapping: true);
            }

            Key(first, colon);
            var value = SkipSpaces(colon + 1, lineEnd);
            if (value < lineEnd && text[value] == '\t')
            {
                throw new UnsureException();
            }

            if (value == lineEnd || text[value] == '#')
            {
                Pending(column, lineEnd);
                return;
            }

            Value(value, lineEnd, column);
        }

        private void Open(int column, bool isMapping)
        {
            _walker.Start(isMapping, hasAnchor: false);
            _open.Add((column, isMapping));
        }

        private void Close()
        {
            _open.RemoveAt(_open.Count - 1);
            _walker.End();
        }

        private void Pending(int column, int lineEnd)
        {
            _pending = true;
            _pendingColumn = column;
            _position = Next(lineEnd);
        }

        /// <summary>The key from <paramref name="first"/> to the colon at <paramref name="colon"/> (quoted or plain).</summary>
        private void Key(int first, int colon)
        {
            var c = text[first];
            if (c is '"' or '\'')
            {
                var end = Quoted(first, -1, out var key);
                _walker.Scalar(first, end, key!, c == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, hasAnchorOrTag: false);
                return;
            }

            var keyEnd = colon;
            while (text[keyEnd - 1] == ' ')
            {
                keyEnd--;
            }

            _walker.Scalar(first, keyEnd, text.Substring(first, keyEnd - first), ScalarStyle.Plain, hasAnchorOrTag: false);
        }

        /// <summary>
        /// Where the colon after a key on this line is, or -1 when the line holds no key. A key is plain (not starting with an
        /// indicator) or quoted on one line; a colon ends it when a space or the line's end follows.
        /// </summary>
        private int KeyEnd(int first, int lineEnd)
        {
            var c = text[first];
            int i;
            if (c is '"' or '\'')
            {
                i = QuotedEnd(first, lineEnd);
                if (i < 0)
                {
                    return -1;
                }

                i = SkipSpaces(i, lineEnd);
                return i < lineEnd && text[i] == ':' && (i + 1 == lineEnd || text[i + 1] == ' ') ? i : -1;
            }

            if (c is '?' or ':' && (first + 1 == lineEnd || text[first + 1] is ' ' or '\t'))
            {
                // A complex key, or a value without a key.
                throw new UnsureException();
            }

            if (IsIndicator(c))
            {
                return -1;
            }

            for (i = first; i < lineEnd; i++)
            {
                c = text[i];
                if (c == ':' && (i + 1 == lineEnd || text[i + 1] is ' ' or '\t'))
                {
                    if (i + 1 < lineEnd && text[i + 1] == '\t')
                    {
                        throw new UnsureException();
                    }

                    return i;
                }

                if (c == '#' && text[i - 1] == ' ')
                {
                    return -1;
                }

                if (c == '\t')
                {
                    throw new UnsureException();
                }
            }

            return -1;
        }

        /// <summary>A value at <paramref name="first"/>, of a key or dash in a collection at <paramref name="parentColumn"/>.</summary>
        private void Value(int first, int lineEnd, int parentColumn)
        {
            switch (text[first])
            {
                case '|' or '>':
                    Block(first, lineEnd, parentColumn);
                    return;
                case '"' or '\'':
                {
                    var needed = _walker.NeedsNextScalar;
                    var end = Quoted(first, parentColumn, out var value, needed);
                    var endLine = LineEnd(end);
                    if (!RestIsComment(end, endLine))
                    {
                        throw new UnsureException();
                    }

                    Scalar(first, end, value, text[first] == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, needed);
                    _position = Next(endLine);
                    return;
                }

                case '[' or '{':
                    Flow(first, lineEnd);
                    return;
            }

            if (IsIndicator(text[first]) || (text[first] is '-' or '?' or ':' && (first + 1 == lineEnd || text[first + 1] is ' ' or ':')))
            {
                throw new UnsureException();
            }

            Plain(first, lineEnd, parentColumn);
        }

        private void Scalar(int start, int end, string? value, ScalarStyle style, bool needed)
        {
            if (needed)
            {
                _walker.Scalar(start, end, value!, style, hasAnchorOrTag: false);
            }
            else
            {
                _walker.Skip();
            }
        }

        /// <summary>A plain scalar, folded over the lines after it that are further in than <paramref name="parentColumn"/>.</summary>
        private void Plain(int first, int lineEnd, int parentColumn)
        {
            var end = PlainLineEnd(first, lineEnd);
            var needed = _walker.NeedsNextScalar;
            var lastEnd = end;
            var next = Next(lineEnd);
            _value.Clear();
            if (needed)
            {
                _value.Append(text, first, end - first);
            }

            var breaks = 0;
            var multiline = false;
            while (next < text.Length)
            {
                var nextEnd = LineEnd(next);
                var content = SkipSpaces(next, nextEnd);
                if (content == nextEnd)
                {
                    breaks++;
                    next = Next(nextEnd);
                    continue;
                }

                // A line not further in ends the scalar, and so does a comment (text further in after it is an error).
                if (content - next <= parentColumn || text[content] == '#')
                {
                    break;
                }

                if (text[content] == '\t' || IsDash(content, nextEnd))
                {
                    throw new UnsureException();
                }

                var contentEnd = PlainLineEnd(content, nextEnd);
                if (needed)
                {
                    if (breaks == 0)
                    {
                        _value.Append(' ');
                    }
                    else
                    {
                        _value.Append('\n', breaks);
                    }

                    _value.Append(text, content, contentEnd - content);
                }

                breaks = 0;
                multiline = true;
                lastEnd = contentEnd;
                lineEnd = nextEnd;
                next = Next(nextEnd);
            }

            Scalar(first, lastEnd, needed ? (multiline ? _value.ToString() : text.Substring(first, end - first)) : null, ScalarStyle.Plain, needed);
            _position = Next(lineEnd);
        }

        /// <summary>The end of a plain scalar's text on one line (before a comment and trailing spaces); unsure where YAML would read more than a scalar.</summary>
        private int PlainLineEnd(int first, int lineEnd)
        {
            var end = lineEnd;
            for (var i = first; i < lineEnd; i++)
            {
                var c = text[i];
                if (c == '#' && i > first && text[i - 1] == ' ')
                {
                    end = i;
                    break;
                }

                if (c == '\t' || (c == ':' && (i + 1 == lineEnd || text[i + 1] == ' ')))
                {
                    throw new UnsureException();
                }
            }

            while (end > first && text[end - 1] == ' ')
            {
                end--;
            }

            return end;
        }

        /// <summary>
        /// A quoted scalar from its opening quote: the index past its closing quote, and its value when <paramref name="needed"/>.
        /// Over several lines (not for a key: <paramref name="parentColumn"/> -1), each line after the first must be further in
        /// than its collection.
        /// </summary>
        private int Quoted(int first, int parentColumn, out string? value, bool needed = true)
        {
            var quote = text[first];
            _value.Clear();
            var blanks = 0;
            var i = first + 1;
            while (true)
            {
                if (i >= text.Length)
                {
                    throw new UnsureException();
                }

                var c = text[i];
                if (c == quote)
                {
                    if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        Flush(ref blanks, i);
                        _value.Append('\'');
                        i += 2;
                        continue;
                    }

                    Flush(ref blanks, i);
                    value = needed ? _value.ToString() : null;
                    return i + 1;
                }

                if (c is ' ' or '\t')
                {
                    blanks++;
                    i++;
                    continue;
                }

                if (c == '\n')
                {
                    if (parentColumn < 0)
                    {
                        throw new UnsureException();
                    }

                    // Trailing blanks go; an empty line is a line break, a single break a space; leading blanks go.
                    blanks = 0;
                    var breaks = 0;
                    i = FoldedLine(i, parentColumn, ref breaks);
                    if (breaks == 0)
                    {
                        _value.Append(' ');
                    }
                    else
                    {
                        _value.Append('\n', breaks);
                    }

                    continue;
                }

                Flush(ref blanks, i);
                if (c == '\\' && quote == '"')
                {
                    i = Escape(i, parentColumn);
                    continue;
                }

                _value.Append(c);
                i++;
            }
        }

        /// <summary>From a line break inside a quoted scalar: past the empty lines (counted) and the next line's indentation.</summary>
        private int FoldedLine(int lineBreak, int parentColumn, ref int breaks)
        {
            var i = lineBreak + 1;
            while (true)
            {
                var lineEnd = LineEnd(i);
                var content = SkipSpaces(i, lineEnd);
                if (content < lineEnd && text[content] == '\t')
                {
                    throw new UnsureException();
                }

                if (content == lineEnd && lineEnd < text.Length)
                {
                    breaks++;
                    i = lineEnd + 1;
                    continue;
                }

                if (content == lineEnd || content - i <= parentColumn)
                {
                    throw new UnsureException();
                }

                return content;
            }
        }

        private void Flush(ref int blanks, int at)
        {
            if (blanks > 0)
            {
                _value.Append(text, at - blanks, blanks);
                blanks = 0;
            }
        }

        /// <summary>An escape in a double-quoted scalar at the backslash: the index after it, its character appended.</summary>
        private int Escape(int backslash, int parentColumn)
        {
            if (backslash + 1 >= text.Length)
            {
                throw new UnsureException();
            }

            var c = text[backslash + 1];
            switch (c)
            {
                case '0': _value.Append('\0'); break;
                case 'a': _value.Append('\a'); break;
                case 'b': _value.Append('\b'); break;
                case 't' or '\t': _value.Append('\t'); break;
                case 'n': _value.Append('\n'); break;
                case 'v': _value.Append('\v'); break;
                case 'f': _value.Append('\f'); break;
                case 'r': _value.Append('\r'); break;
                case 'e': _value.Append('\u001B'); break;
                case ' ': _value.Append(' '); break;
                case '"': _value.Append('"'); break;
                case '/': _value.Append('/'); break;
                case '\\': _value.Append('\\'); break;
                case 'N': _value.Append('\u0085'); break;
                case '_': _value.Append('\u00A0'); break;
                case 'L': _value.Append('\u2028'); break;
                case 'P': _value.Append('\u2029'); break;
                case '\n':
                {
                    // An escaped line break joins the lines without a space (empty lines after it still count).
                    if (parentColumn < 0)
                    {
                        throw new UnsureException();
                    }

                    var breaks = 0;
                    var next = FoldedLine(backslash + 1, parentColumn, ref breaks);
                    _value.Append('\n', breaks);
                    return next;
                }

                case 'x' or 'u' or 'U':
                {
                    var digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                    var code = 0;
                    for (var i = 0; i < digits; i++)
                    {
                        var at = backslash + 2 + i;
                        var digit = at < text.Length ? HexValue(text[at]) : -1;
                        if (digit < 0)
                        {
                            throw new UnsureException();
                        }

                        code = (code << 4) | digit;
                    }

                    if (code is < 0 or > 0x10FFFF or >= 0xD800 and <= 0xDFFF)
                    {
                        throw new UnsureException();
                    }

                    _value.Append(char.ConvertFromUtf32(code));
                    return backslash + 2 + digits;
                }

                default:
                    throw new UnsureException();
            }

            return backslash + 2;
        }

        /// <summary>Where a quoted scalar that starts and ends on this line ends (past its quote), or -1.</summary>
        private int QuotedEnd(int first, int lineEnd)
        {
            var quote = text[first];
            for (var i = first + 1; i < lineEnd; i++)
            {
                var c = text[i];
                if (quote == '"' && c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    if (quote == '\'' && i + 1 < lineEnd && text[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }

                    return i + 1;
                }
            }

            return -1;
        }

        /// <summary>A <c>|</c> or <c>&gt;</c> block scalar from its indicator, its lines further in than <paramref name="parentColumn"/>.</summary>
        private void Block(int indicator, int lineEnd, int parentColumn)
        {
            var folded = text[indicator] == '>';
            var i = indicator + 1;
            // The chomping indicator and the indentation indicator, in either order.
            bool strip = false, keep = false;
            var increment = 0;
            for (var n = 0; n < 2 && i < lineEnd; n++)
            {
                if (text[i] is '-' or '+' && !strip && !keep)
                {
                    strip = text[i] == '-';
                    keep = !strip;
                    i++;
                }
                else if (text[i] is >= '1' and <= '9' && increment == 0)
                {
                    increment = text[i] - '0';
                    i++;
                }
            }

            if (i < lineEnd && text[i] != ' ')
            {
                throw new UnsureException();
            }

            if (!RestIsComment(i, lineEnd))
            {
                throw new UnsureException();
            }

            var needed = _walker.NeedsNextScalar;
            _value.Clear();

            // The indentation: the first line with text; empty lines before it must not be longer.
            var next = Next(lineEnd);
            var longestEmpty = 0;
            var indent = -1;
            for (var line = next; line < text.Length && increment == 0;)
            {
                var end = LineEnd(line);
                var content = SkipSpaces(line, end);
                if (content < end && text[content] == '\t')
                {
                    throw new UnsureException();
                }

                if (content == end)
                {
                    longestEmpty = Math.Max(longestEmpty, end - line);
                    line = Next(end);
                    continue;
                }

                indent = content - line;
                break;
            }

            if (increment > 0)
            {
                // An explicit indentation counts from the collection's column.
                indent = Math.Max(parentColumn, 0) + increment;
            }
            else if (indent > parentColumn && longestEmpty > indent)
            {
                // An empty line longer than the first line of text sets the indentation past it: YAML refuses what follows.
                throw new UnsureException();
            }

            if (indent <= parentColumn)
            {
                // No line further in: a scalar of line breaks at most, never documentation. Keep chomping (|+) keeps each
                // empty line's break, as SharpYaml and the YAML spec read it; otherwise it is empty.
                Scalar(indicator, indicator + 1, needed ? (keep ? new string('\n', EmptyLines(next)) : "") : null, folded ? ScalarStyle.Folded : ScalarStyle.Literal, needed);
                _position = next;
                return;
            }

            // libyaml's folding, as SharpYaml does it: a break between two lines that do not start with a blank is a space
            // (or nothing, when empty lines follow it, which are breaks); every other break is kept.
            var leadingBreak = false;
            var leadingBlank = false;
            var trailingBreaks = 0;
            var lastContentEnd = indicator + 1;
            var afterLast = next;
            var position = next;
            while (position < text.Length)
            {
                var end = LineEnd(position);
                var spaces = SkipSpaces(position, end) - position;
                if (spaces < indent || (spaces == indent && position + spaces == end))
                {
                    // An empty line (up to the indentation; one with more spaces is a line of text that starts with blanks).
                    if (position + spaces == end)
                    {
                        trailingBreaks++;
                        position = Next(end);
                        continue;
                    }

                    if (text[position + spaces] == '\t')
                    {
                        throw new UnsureException();
                    }

                    break;
                }

                var contentStart = position + indent;
                if (indent == 0 && (At(contentStart, "---") || At(contentStart, "...")))
                {
                    throw new UnsureException();
                }

                var trailingBlank = text[contentStart] is ' ' or '\t';
                if (needed)
                {
                    if (folded && leadingBreak && !leadingBlank && !trailingBlank)
                    {
                        if (trailingBreaks == 0)
                        {
                            _value.Append(' ');
                        }
                    }
                    else if (leadingBreak)
                    {
                        _value.Append('\n');
                    }

                    _value.Append('\n', trailingBreaks);
                    _value.Append(text, contentStart, end - contentStart);
                }

                leadingBreak = false;
                trailingBreaks = 0;
                leadingBlank = trailingBlank;
                if (end == text.Length)
                {
                    // SharpYaml ends the value of a block scalar the text ends in with a NUL; not a value to copy.
                    throw new UnsureException();
                }

                lastContentEnd = end;
                afterLast = Next(end);
                leadingBreak = true;

                position = Next(end);
            }

            if (needed && !strip && leadingBreak)
            {
                _value.Append('\n');
            }

            if (needed && keep)
            {
                _value.Append('\n', trailingBreaks);
            }

            Scalar(indicator, lastContentEnd, needed ? _value.ToString() : null, folded ? ScalarStyle.Folded : ScalarStyle.Literal, needed);
            _position = afterLast;
        }

        /// <summary>How many empty lines (nothing but spaces) follow from <paramref name="line"/>.</summary>
        private int EmptyLines(int line)
        {
            var count = 0;
            while (line < text.Length)
            {
                var end = LineEnd(line);
                if (SkipSpaces(line, end) != end)
                {
                    break;
                }

                if (end == text.Length)
                {
                    // Spaces that end the text without a break: SharpYaml ends such a block with a NUL.
                    throw new UnsureException();
                }

                count++;
                line = Next(end);
            }

            return count;
        }

        /// <summary>A flow collection closed on its own line, with no description or summary in it: read as an empty one.</summary>
        private void Flow(int first, int lineEnd)
        {
            var depth = 0;
            for (var i = first; i < lineEnd; i++)
            {
                var c = text[i];
                if (c is '"' or '\'')
                {
                    i = QuotedEnd(i, lineEnd);
                    if (i < 0)
                    {
                        throw new UnsureException();
                    }

                    i--;
                    continue;
                }

                if (c == '#' && text[i - 1] == ' ')
                {
                    // A comment inside the collection.
                    throw new UnsureException();
                }

                if (c is '[' or '{')
                {
                    depth++;
                }
                else if (c is ']' or '}' && --depth == 0)
                {
                    var inside = text.IndexOf("description", first, i - first, StringComparison.Ordinal) >= 0
                        || text.IndexOf("summary", first, i - first, StringComparison.Ordinal) >= 0;
                    if (inside || !RestIsComment(i + 1, lineEnd))
                    {
                        throw new UnsureException();
                    }

                    _walker.Start(text[first] == '{', hasAnchor: false);
                    _walker.End();
                    _position = Next(lineEnd);
                    return;
                }
            }

            throw new UnsureException();
        }

        private static int HexValue(char c) =>
            c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;

        private bool IsDash(int first, int lineEnd) =>
            text[first] == '-' && (first + 1 == lineEnd || text[first + 1] == ' ');

        private static bool IsIndicator(char c) =>
            c is '[' or ']' or '{' or '}' or ',' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`';

        /// <summary>Whether the line from <paramref name="from"/> holds only spaces, or spaces and then a comment.</summary>
        private bool RestIsComment(int from, int lineEnd)
        {
            var i = SkipSpaces(from, lineEnd);
            return i == lineEnd || (text[i] == '#' && i > from);
        }

        private bool At(int i, string marker) =>
            string.CompareOrdinal(text, i, marker, 0, marker.Length) == 0
            && (i + marker.Length >= text.Length || text[i + marker.Length] is ' ' or '\n');

        private int SkipSpaces(int i, int lineEnd)
        {
            while (i < lineEnd && text[i] == ' ')
            {
                i++;
            }

            return i;
        }

        private int LineEnd(int i)
        {
            var end = text.IndexOf('\n', i);
            return end < 0 ? text.Length : end;
        }

        private int Next(int lineEnd) => Math.Min(lineEnd + 1, text.Length);
    }
}
