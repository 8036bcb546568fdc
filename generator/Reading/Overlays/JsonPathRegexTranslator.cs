using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// Reads one I-Regexp (RFC 9485, section 3) and writes the .NET pattern for it (see <see cref="JsonPathRegex"/>).
/// Character classes are built as two parts: the characters up to U+FFFF as a .NET class without surrogates, and the
/// code points beyond as ranges of surrogate pairs, so a pair is always matched whole.
/// <para>
/// <c>^</c> and <c>$</c> are ordinary characters in I-Regexp's grammar, but implementations that hand patterns to an
/// ECMAScript engine read them as anchors, and the JSONPath compliance suite expects that; so do we (start and end of
/// the string).
/// </para>
/// </summary>
internal sealed class JsonPathRegexTranslator
{
    private const string AnyPair = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";
    private const string Surrogates = @"\uD800-\uDFFF";
    private const int FirstAstral = 0x10000;
    private const int LastCodePoint = 0x10FFFF;

    private readonly string _pattern;
    private readonly StringBuilder _output = new();
    private int _position;
    private int _nesting;

    public JsonPathRegexTranslator(string pattern)
    {
        _pattern = pattern;
    }

    private bool AtEnd => _position >= _pattern.Length;

    private char Current => _position < _pattern.Length ? _pattern[_position] : '\0';

    public string? Translate(out string? error)
    {
        try
        {
            Alternation();
            if (!AtEnd)
            {
                throw Fail("unexpected ')'");
            }

            error = null;
            return _output.ToString();
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    private void Alternation()
    {
        Branch();
        while (!AtEnd && Current == '|')
        {
            _position++;
            _output.Append('|');
            Branch();
        }
    }

    private void Branch()
    {
        while (!AtEnd && Current != '|' && Current != ')')
        {
            Piece();
        }
    }

    private void Piece()
    {
        Atom();
        if (AtEnd)
        {
            return;
        }

        switch (Current)
        {
            case '*':
            case '+':
            case '?':
                _output.Append(Current);
                _position++;
                return;
            case '{':
                _position++;
                var min = Count();
                _output.Append('{').Append(min.ToString(CultureInfo.InvariantCulture));
                if (!AtEnd && Current == ',')
                {
                    _position++;
                    _output.Append(',');
                    if (!AtEnd && IsDigit(Current))
                    {
                        var max = Count();
                        if (max < min)
                        {
                            throw Fail("a repetition's maximum is below its minimum");
                        }

                        _output.Append(max.ToString(CultureInfo.InvariantCulture));
                    }
                }

                Expect('}');
                _output.Append('}');
                return;
        }
    }

    private int Count()
    {
        if (AtEnd || !IsDigit(Current))
        {
            throw Fail("a repetition count is expected");
        }

        var value = 0;
        while (!AtEnd && IsDigit(Current))
        {
            value = (value * 10) + (Current - '0');
            _position++;
            if (value > JsonPathRegex.MaxRepetition)
            {
                throw Fail("repetition counts above " + JsonPathRegex.MaxRepetition.ToString(CultureInfo.InvariantCulture) + " are not supported");
            }
        }

        return value;
    }

    private void Atom()
    {
        switch (Current)
        {
            case '(':
                _position++;
                if (++_nesting > JsonPathRegex.MaxNesting)
                {
                    throw Fail("groups nest deeper than " + JsonPathRegex.MaxNesting.ToString(CultureInfo.InvariantCulture) + " levels");
                }

                _output.Append("(?:");
                Alternation();
                Expect(')');
                _output.Append(')');
                _nesting--;
                return;
            case '.':
                _position++;
                _output.Append("(?:").Append(AnyPair).Append("|[^\\n\\r").Append(Surrogates).Append("])");
                return;
            case '[':
                _position++;
                CharacterClass();
                return;
            case '^':
                _position++;
                _output.Append(@"\A");
                return;
            case '$':
                _position++;
                _output.Append(@"\z");
                return;
            case '\\':
                _position++;
                var single = new ClassBuilder();
                if (!TryCategory(single))
                {
                    AppendCodePoint(SingleCharacterEscape());
                    return;
                }

                single.Write(_output, negated: false);
                return;
            case ')' or '*' or '+' or '?' or '{' or '}' or '|' or ']':
                throw Fail("'" + Current + "' must be escaped");
            default:
                AppendCodePoint(CodePoint());
                return;
        }
    }

    /// <summary><c>charClassExpr = "[" ["^"] ("-" / CCE1) *CCE1 ["-"] "]"</c>, the <c>[</c> taken.</summary>
    private void CharacterClass()
    {
        var negated = false;
        if (!AtEnd && Current == '^')
        {
            negated = true;
            _position++;
        }

        var builder = new ClassBuilder();
        var first = true;
        while (true)
        {
            if (AtEnd)
            {
                throw Fail("']' is missing");
            }

            if (Current == ']' && !first)
            {
                _position++;
                break;
            }

            if (Current == '-')
            {
                var isLast = _position + 1 < _pattern.Length && _pattern[_position + 1] == ']';
                if (!first && !isLast)
                {
                    throw Fail("'-' must be first, last or between two characters of a range");
                }

                _position++;
                builder.Add('-', '-');
                first = false;
                continue;
            }

            first = false;
            if (Current == '\\')
            {
                _position++;
                if (TryCategory(builder))
                {
                    continue;
                }

                _position--;
            }

            var low = ClassCharacter();
            if (!AtEnd && Current == '-' && _position + 1 < _pattern.Length && _pattern[_position + 1] != ']')
            {
                _position++;
                var high = ClassCharacter();
                if (high < low)
                {
                    throw Fail("a range ends below its start");
                }

                builder.Add(low, high);
            }
            else
            {
                builder.Add(low, low);
            }
        }

        builder.Write(_output, negated);
    }

    /// <summary><c>CCchar</c>: a code point other than <c>- [ \ ]</c>, or a single-character escape.</summary>
    private int ClassCharacter()
    {
        switch (Current)
        {
            case '\\':
                _position++;
                return SingleCharacterEscape();
            case '[' or ']' or '-':
                throw Fail("'" + Current + "' must be escaped in a class");
            default:
                return CodePoint();
        }
    }

    /// <summary>After <c>\</c>: <c>\p{…}</c> or <c>\P{…}</c> added to <paramref name="builder"/>; false (nothing taken) for other escapes.</summary>
    private bool TryCategory(ClassBuilder builder)
    {
        if (AtEnd || (Current != 'p' && Current != 'P'))
        {
            return false;
        }

        var complement = Current == 'P';
        _position++;
        Expect('{');
        var start = _position;
        while (!AtEnd && Current != '}')
        {
            _position++;
        }

        var name = _pattern.Substring(start, _position - start);
        Expect('}');
        if (!IsCategory(name))
        {
            throw Fail("'" + name + "' is not a Unicode general category");
        }

        builder.AddCategory(name, complement);
        return true;
    }

    private static bool IsCategory(string name) =>
        name.Length is 1 or 2 && (name[0] switch
        {
            'L' => name.Length == 1 || "lmotu".IndexOf(name[1]) >= 0,
            'M' => name.Length == 1 || "cen".IndexOf(name[1]) >= 0,
            'N' => name.Length == 1 || "dlo".IndexOf(name[1]) >= 0,
            'P' => name.Length == 1 || "cdefios".IndexOf(name[1]) >= 0,
            'Z' => name.Length == 1 || "lps".IndexOf(name[1]) >= 0,
            'S' => name.Length == 1 || "ckmo".IndexOf(name[1]) >= 0,
            'C' => name.Length == 1 || "cfno".IndexOf(name[1]) >= 0,
            _ => false,
        });

    /// <summary><c>SingleCharEsc</c>, the <c>\</c> taken: a metacharacter, <c>n</c>, <c>r</c> or <c>t</c>.</summary>
    private int SingleCharacterEscape()
    {
        if (AtEnd)
        {
            throw Fail("the pattern ends with '\\'");
        }

        var c = Current;
        _position++;
        switch (c)
        {
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case '(' or ')' or '*' or '+' or '-' or '.' or '?' or '[' or '\\' or ']' or '^' or '{' or '|' or '}':
                return c;
            default:
                _position--;
                throw Fail("'\\" + (c < 0x20 ? "" : c.ToString()) + "' is not an I-Regexp escape");
        }
    }

    /// <summary>One code point of the pattern (a surrogate pair counts as one; an unpaired surrogate is an error).</summary>
    private int CodePoint()
    {
        var c = Current;
        if (char.IsHighSurrogate(c) && _position + 1 < _pattern.Length && char.IsLowSurrogate(_pattern[_position + 1]))
        {
            _position += 2;
            return char.ConvertToUtf32(c, _pattern[_position - 1]);
        }

        if (char.IsSurrogate(c))
        {
            throw Fail("the pattern holds an unpaired surrogate");
        }

        _position++;
        return c;
    }

    private void AppendCodePoint(int codePoint)
    {
        if (codePoint < FirstAstral)
        {
            JsonPathRegex.AppendEscaped(_output, (char)codePoint);
            return;
        }

        var pair = char.ConvertFromUtf32(codePoint);
        _output.Append("(?:");
        JsonPathRegex.AppendEscaped(_output, pair[0]);
        JsonPathRegex.AppendEscaped(_output, pair[1]);
        _output.Append(')');
    }

    private void Expect(char expected)
    {
        if (AtEnd || Current != expected)
        {
            throw Fail("'" + expected + "' is expected");
        }

        _position++;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private FormatException Fail(string message) =>
        new(message + " at position " + _position.ToString(CultureInfo.InvariantCulture) + " of the pattern");

    /// <summary>The members of one class: code point ranges and categories, written as a BMP class and astral pair ranges.</summary>
    private sealed class ClassBuilder
    {
        private readonly StringBuilder _bmp = new();
        private readonly List<KeyValuePair<int, int>> _astral = new();
        private bool _hasComplementCategory;

        public void Add(int low, int high)
        {
            if (low < FirstAstral)
            {
                var bmpHigh = Math.Min(high, FirstAstral - 1);
                JsonPathRegex.AppendEscaped(_bmp, (char)low);
                if (bmpHigh > low)
                {
                    _bmp.Append('-');
                    JsonPathRegex.AppendEscaped(_bmp, (char)bmpHigh);
                }
            }

            if (high >= FirstAstral)
            {
                _astral.Add(new KeyValuePair<int, int>(Math.Max(low, FirstAstral), high));
            }
        }

        public void AddCategory(string name, bool complement)
        {
            // "C" includes the surrogates (Cs), which I-Regexp leaves out of it: name its other four instead.
            var names = name == "C" ? new[] { "Cc", "Cf", "Cn", "Co" } : new[] { name };
            if (!complement)
            {
                foreach (var each in names)
                {
                    _bmp.Append(@"\p{").Append(each).Append('}');
                }

                return;
            }

            // \P{C} is in none of the four: a class of their complements would hold everything.
            _bmp.Append(names.Length == 1 ? @"\P{" + name + "}" : @"\p{L}\p{M}\p{N}\p{P}\p{S}\p{Z}");
            _hasComplementCategory = true;
        }

        /// <summary>Writes the class; the BMP part never holds a surrogate, the astral part only whole pairs.</summary>
        public void Write(StringBuilder output, bool negated)
        {
            // Past U+FFFF .NET sees no categories, so those code points are in every \P{…}.
            var astral = _hasComplementCategory
                ? new List<KeyValuePair<int, int>> { new(FirstAstral, LastCodePoint) }
                : Merge(_astral);
            if (negated)
            {
                astral = Complement(astral);
            }

            var alternatives = new List<string>();
            if (_bmp.Length > 0 || negated)
            {
                alternatives.Add(negated
                    ? "[^" + _bmp + Surrogates + "]"
                    : "[" + _bmp + "-[" + Surrogates + "]]");
            }

            foreach (var range in astral)
            {
                alternatives.Add(PairRange(range.Key, range.Value));
            }

            output.Append("(?:").Append(alternatives.Count == 0 ? "[^\\s\\S]" : string.Join("|", alternatives)).Append(')');
        }

        private static List<KeyValuePair<int, int>> Merge(List<KeyValuePair<int, int>> ranges)
        {
            ranges.Sort((a, b) => a.Key.CompareTo(b.Key));
            var merged = new List<KeyValuePair<int, int>>();
            foreach (var range in ranges)
            {
                if (merged.Count > 0 && range.Key <= merged[merged.Count - 1].Value + 1)
                {
                    var last = merged[merged.Count - 1];
                    merged[merged.Count - 1] = new KeyValuePair<int, int>(last.Key, Math.Max(last.Value, range.Value));
                }
                else
                {
                    merged.Add(range);
                }
            }

            return merged;
        }

        private static List<KeyValuePair<int, int>> Complement(List<KeyValuePair<int, int>> ranges)
        {
            var complement = new List<KeyValuePair<int, int>>();
            var next = FirstAstral;
            foreach (var range in ranges)
            {
                if (range.Key > next)
                {
                    complement.Add(new KeyValuePair<int, int>(next, range.Key - 1));
                }

                next = range.Value + 1;
            }

            if (next <= LastCodePoint)
            {
                complement.Add(new KeyValuePair<int, int>(next, LastCodePoint));
            }

            return complement;
        }

        /// <summary>The code points <paramref name="low"/>..<paramref name="high"/> (both past U+FFFF) as UTF-16 pairs.</summary>
        private static string PairRange(int low, int high)
        {
            var lowPair = char.ConvertFromUtf32(low);
            var highPair = char.ConvertFromUtf32(high);
            if (lowPair[0] == highPair[0])
            {
                return Unit(lowPair[0]) + "[" + Unit(lowPair[1]) + "-" + Unit(highPair[1]) + "]";
            }

            var parts = new List<string> { Unit(lowPair[0]) + "[" + Unit(lowPair[1]) + @"-\uDFFF]" };
            if (highPair[0] - lowPair[0] > 1)
            {
                parts.Add("[" + Unit((char)(lowPair[0] + 1)) + "-" + Unit((char)(highPair[0] - 1)) + @"][\uDC00-\uDFFF]");
            }

            parts.Add(Unit(highPair[0]) + @"[\uDC00-" + Unit(highPair[1]) + "]");
            return string.Join("|", parts);
        }

        private static string Unit(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
    }
}
