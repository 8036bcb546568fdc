using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// A recursive-descent parser for RFC 9535's grammar (section 2 and appendix A). Recursion happens only where the query
/// nests (brackets in filters, parentheses, function arguments), and <see cref="MaxNesting"/> bounds it, so a hostile
/// query cannot overflow the stack. Errors are <see cref="JsonPathSyntaxException"/>s with the offset of the problem.
/// </summary>
internal sealed partial class JsonPathParser
{
    /// <summary>Nested filters, parentheses, negations and function calls one query may hold.</summary>
    public const int MaxNesting = 64;

    /// <summary>I-JSON's exact integers (RFC 7493), the range RFC 9535 allows for indexes and slice bounds.</summary>
    private const long MaxExactInteger = 9_007_199_254_740_991;

    private readonly string _text;
    private int _position;
    private int _nesting;

    private JsonPathParser(string text)
    {
        _text = text;
    }

    public static JsonPathQuery Parse(string text)
    {
        var parser = new JsonPathParser(text);
        if (!parser.TryTake('$'))
        {
            throw parser.Error("a query starts with '$'");
        }

        var segments = parser.ParseSegments();
        if (parser._position < text.Length)
        {
            throw parser.Error(parser.IsBlank(parser.Current) ? "whitespace is not allowed after the query" : "unexpected " + parser.Describe());
        }

        return new JsonPathQuery(text, segments);
    }

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private bool AtEnd => _position >= _text.Length;

    /// <summary><c>segments = *(S segment)</c>: whitespace before a segment belongs to it, whitespace after the last one is left.</summary>
    private JsonPathSegment[] ParseSegments()
    {
        var segments = new List<JsonPathSegment>();
        while (true)
        {
            var start = _position;
            SkipBlanks();
            if (!AtEnd && (Current == '[' || Current == '.'))
            {
                segments.Add(ParseSegment());
            }
            else
            {
                _position = start;
                return segments.ToArray();
            }
        }
    }

    private JsonPathSegment ParseSegment()
    {
        if (TryTake('['))
        {
            return new JsonPathSegment(isDescendant: false, ParseBracketedSelection());
        }

        Take('.');
        if (TryTake('.'))
        {
            if (TryTake('['))
            {
                return new JsonPathSegment(isDescendant: true, ParseBracketedSelection());
            }

            return new JsonPathSegment(isDescendant: true, new[] { ParseShorthand() });
        }

        return new JsonPathSegment(isDescendant: false, new[] { ParseShorthand() });
    }

    /// <summary>After <c>.</c> or <c>..</c>: <c>*</c> or a member name, with nothing between.</summary>
    private JsonPathSelector ParseShorthand()
    {
        if (TryTake('*'))
        {
            return JsonPathWildcardSelector.Instance;
        }

        if (!IsNameFirst(out _))
        {
            throw Error(AtEnd ? "a member name or '*' is expected at the end" : IsBlank(Current) ? "whitespace is not allowed after '.'" : "a member name cannot start with " + Describe());
        }

        var start = _position;
        while (IsNameFirst(out var length) || IsDigit(Current))
        {
            _position += IsDigit(Current) ? 1 : length;
        }

        return new JsonPathNameSelector(_text.Substring(start, _position - start));
    }

    /// <summary><c>name-first = ALPHA / "_" / %x80-D7FF / %xE000-10FFFF</c>; a supplementary character is a surrogate pair in .NET.</summary>
    private bool IsNameFirst(out int length)
    {
        length = 1;
        if (AtEnd)
        {
            return false;
        }

        var c = Current;
        if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (c >= 0x80 && !char.IsSurrogate(c)))
        {
            return true;
        }

        if (char.IsHighSurrogate(c) && _position + 1 < _text.Length && char.IsLowSurrogate(_text[_position + 1]))
        {
            length = 2;
            return true;
        }

        return false;
    }

    /// <summary><c>"[" S selector *(S "," S selector) S "]"</c>, the <c>[</c> already taken.</summary>
    private JsonPathSelector[] ParseBracketedSelection()
    {
        var selectors = new List<JsonPathSelector>();
        SkipBlanks();
        selectors.Add(ParseSelector());
        while (true)
        {
            SkipBlanks();
            if (TryTake(']'))
            {
                return selectors.ToArray();
            }

            if (!TryTake(','))
            {
                throw Error(AtEnd ? "']' is missing" : "',' or ']' is expected, not " + Describe());
            }

            SkipBlanks();
            selectors.Add(ParseSelector());
        }
    }

    private JsonPathSelector ParseSelector()
    {
        switch (Current)
        {
            case '\'':
            case '"':
                return new JsonPathNameSelector(ParseStringLiteral());
            case '*':
                _position++;
                return JsonPathWildcardSelector.Instance;
            case '?':
                _position++;
                return ParseFilterSelector();
            case ':':
            case '-':
            case >= '0' and <= '9':
                return ParseIndexOrSlice();
            default:
                throw Error(AtEnd ? "a selector is expected at the end" : "a selector cannot start with " + Describe());
        }
    }

    /// <summary><c>index-selector = int</c>, <c>slice-selector = [start S] ":" S [end S] [":" [S step]]</c>.</summary>
    private JsonPathSelector ParseIndexOrSlice()
    {
        long? start = Current == ':' ? null : ParseInteger();
        var afterStart = _position;
        SkipBlanks();
        if (!TryTake(':'))
        {
            _position = afterStart;
            return new JsonPathIndexSelector(start!.Value);
        }

        SkipBlanks();
        long? end = IsIntegerStart() ? ParseInteger() : null;
        SkipBlanks();
        long? step = null;
        if (TryTake(':'))
        {
            SkipBlanks();
            step = IsIntegerStart() ? ParseInteger() : null;
        }

        return new JsonPathSliceSelector(start, end, step);
    }

    private bool IsIntegerStart() => Current == '-' || IsDigit(Current);

    /// <summary><c>int = "0" / (["-"] DIGIT1 *DIGIT)</c> within I-JSON's exact range: no leading zero, no <c>-0</c>.</summary>
    private long ParseInteger()
    {
        var start = _position;
        var negative = TryTake('-');
        if (!IsDigit(Current))
        {
            throw Error("a digit is expected");
        }

        if (Current == '0')
        {
            _position++;
            if (negative)
            {
                throw Error("-0 is not an index", start);
            }

            if (IsDigit(Current))
            {
                throw Error("an integer does not start with 0", start);
            }

            return 0;
        }

        long value = 0;
        while (IsDigit(Current))
        {
            value = (value * 10) + (Current - '0');
            _position++;
            if (value > MaxExactInteger)
            {
                throw Error("the integer is outside the range -(2^53-1)..2^53-1", start);
            }
        }

        return negative ? -value : value;
    }

    /// <summary>A string literal in single or double quotes with RFC 9535's escapes (section 2.3.1.1); returns its value.</summary>
    private string ParseStringLiteral()
    {
        var quote = Current;
        var start = _position;
        _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("the string is not closed", start);
            }

            var c = Current;
            if (c == quote)
            {
                _position++;
                return value.ToString();
            }

            if (c == '\\')
            {
                _position++;
                ParseEscape(quote, value);
                continue;
            }

            if (c < 0x20)
            {
                throw Error("a control character must be escaped in a string");
            }

            if (char.IsHighSurrogate(c) && _position + 1 < _text.Length && char.IsLowSurrogate(_text[_position + 1]))
            {
                value.Append(c).Append(_text[_position + 1]);
                _position += 2;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw Error("a string holds an unpaired surrogate");
            }

            value.Append(c);
            _position++;
        }
    }

    private void ParseEscape(char quote, StringBuilder value)
    {
        var escape = _position - 1;
        if (AtEnd)
        {
            throw Error("the string is not closed", escape);
        }

        var c = Current;
        _position++;
        switch (c)
        {
            case 'b': value.Append('\b'); return;
            case 'f': value.Append('\f'); return;
            case 'n': value.Append('\n'); return;
            case 'r': value.Append('\r'); return;
            case 't': value.Append('\t'); return;
            case '/': value.Append('/'); return;
            case '\\': value.Append('\\'); return;
            case 'u':
                var unit = ParseHex4(escape);
                if (char.IsHighSurrogate(unit))
                {
                    if (!(TryTake('\\') && TryTake('u')))
                    {
                        throw Error("a high surrogate escape must be followed by a low surrogate escape", escape);
                    }

                    var low = ParseHex4(escape);
                    if (!char.IsLowSurrogate(low))
                    {
                        throw Error("a high surrogate escape must be followed by a low surrogate escape", escape);
                    }

                    value.Append(unit).Append(low);
                    return;
                }

                if (char.IsLowSurrogate(unit))
                {
                    throw Error("a low surrogate escape must follow a high surrogate escape", escape);
                }

                value.Append(unit);
                return;
            default:
                if (c == quote)
                {
                    value.Append(c);
                    return;
                }

                throw Error("'\\" + (c < 0x20 ? "" : c.ToString()) + "' is not an escape here", escape);
        }
    }

    private char ParseHex4(int escape)
    {
        if (_position + 4 > _text.Length)
        {
            throw Error("\\u takes four hexadecimal digits", escape);
        }

        var hex = _text.Substring(_position, 4);
        foreach (var digit in hex)
        {
            if (!Uri.IsHexDigit(digit))
            {
                throw Error("\\u takes four hexadecimal digits", escape);
            }
        }

        _position += 4;
        return (char)int.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary><c>B = %x20 / %x09 / %x0A / %x0D</c>: no other whitespace counts.</summary>
    private bool IsBlank(char c) => c is ' ' or '\t' or '\n' or '\r';

    private void SkipBlanks()
    {
        while (!AtEnd && IsBlank(Current))
        {
            _position++;
        }
    }

    private bool TryTake(char expected)
    {
        if (!AtEnd && Current == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Take(char expected)
    {
        if (!TryTake(expected))
        {
            throw Error("'" + expected + "' is expected" + (AtEnd ? " at the end" : ", not " + Describe()));
        }
    }

    /// <summary>The character at the current position, printable whatever it is.</summary>
    private string Describe()
    {
        if (AtEnd)
        {
            return "the end";
        }

        var c = Current;
        return c is < (char)0x20 or > (char)0x7E
            ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : "'" + c + "'";
    }

    private JsonPathSyntaxException Error(string message) => new(_position, message);

    private JsonPathSyntaxException Error(string message, int offset) => new(offset, message);

    private void Enter()
    {
        if (++_nesting > MaxNesting)
        {
            throw Error("the query nests more than " + MaxNesting.ToString(CultureInfo.InvariantCulture) + " levels");
        }
    }

    private void Leave() => _nesting--;
}
