using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Contracts.Testing;

/// <summary>
/// Draws strings for the simple regular expressions descriptions use (literals, classes, groups, alternatives and
/// quantifiers); a pattern outside that subset (look-arounds, back-references, negated classes) is not drawn, and
/// every drawn string is checked against the real expression before it is used.
/// </summary>
internal static class PatternSampler
{
    private const int MaxOpenRepeat = 4;

    public static string? TryDraw(string pattern, Random random, int minLength, int maxLength)
    {
        Node root;
        try
        {
            var parser = new Parser(pattern);
            root = parser.ParseAlternation();
            if (!parser.AtEnd)
            {
                return null;
            }
        }
        catch (NotSupportedException)
        {
            return null;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }

        for (var attempt = 0; attempt < 40; attempt++)
        {
            var builder = new StringBuilder();
            root.Draw(builder, random);
            var drawn = builder.ToString();
            if (drawn.Length >= minLength && drawn.Length <= maxLength && regex.IsMatch(drawn))
            {
                return drawn;
            }
        }

        return null;
    }

    private abstract class Node
    {
        public abstract void Draw(StringBuilder builder, Random random);
    }

    private sealed class Literal(char value) : Node
    {
        public override void Draw(StringBuilder builder, Random random) => builder.Append(value);
    }

    private sealed class CharClass(string characters) : Node
    {
        public override void Draw(StringBuilder builder, Random random) => builder.Append(characters[random.Next(characters.Length)]);
    }

    private sealed class Sequence(List<Node> items) : Node
    {
        public override void Draw(StringBuilder builder, Random random)
        {
            foreach (var item in items)
            {
                item.Draw(builder, random);
            }
        }
    }

    private sealed class Alternation(List<Node> choices) : Node
    {
        public override void Draw(StringBuilder builder, Random random) => choices[random.Next(choices.Count)].Draw(builder, random);
    }

    private sealed class Repeat(Node item, int min, int max) : Node
    {
        public override void Draw(StringBuilder builder, Random random)
        {
            var count = random.Next(min, max + 1);
            for (var i = 0; i < count; i++)
            {
                item.Draw(builder, random);
            }
        }
    }

    private sealed class Parser(string pattern)
    {
        private const string Digits = "0123456789";
        private const string Word = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
        private const string Printable = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        // What a negated class draws from: letters, digits and a little punctuation, less what the class excludes.
        private const string Universe = Printable + "-_.:/@";
        private int _position;

        public bool AtEnd => _position >= pattern.Length;

        public Node ParseAlternation()
        {
            var choices = new List<Node> { ParseSequence() };
            while (!AtEnd && pattern[_position] == '|')
            {
                _position++;
                choices.Add(ParseSequence());
            }

            return choices.Count == 1 ? choices[0] : new Alternation(choices);
        }

        private Node ParseSequence()
        {
            var items = new List<Node>();
            while (!AtEnd && pattern[_position] is not ('|' or ')'))
            {
                var atom = ParseAtom();
                if (atom is not null)
                {
                    items.Add(ParseQuantifier(atom));
                }
            }

            return new Sequence(items);
        }

        private Node? ParseAtom()
        {
            var c = pattern[_position++];
            switch (c)
            {
                case '^':
                case '$':
                    return null;
                case '.':
                    return new CharClass(Printable);
                case '(':
                    if (!AtEnd && pattern[_position] == '?')
                    {
                        if (_position + 1 < pattern.Length && pattern[_position + 1] == ':')
                        {
                            _position += 2;
                        }
                        else
                        {
                            throw new NotSupportedException();
                        }
                    }

                    var inner = ParseAlternation();
                    if (AtEnd || pattern[_position] != ')')
                    {
                        throw new NotSupportedException();
                    }

                    _position++;
                    return inner;
                case '[':
                    return ParseClass();
                case '\\':
                    return Escape(ReadEscaped(), inClass: false);
                case '*':
                case '+':
                case '?':
                case '{':
                    throw new NotSupportedException();
                default:
                    return new Literal(c);
            }
        }

        private char ReadEscaped() => AtEnd ? throw new NotSupportedException() : pattern[_position++];

        private static Node Escape(char c, bool inClass) => c switch
        {
            'd' => new CharClass(Digits),
            'w' => new CharClass(Word),
            's' => new CharClass(" "),
            'S' => new CharClass(Printable),
            'D' => new CharClass(Letters),
            'W' => new CharClass("-.:@"),
            'n' => new Literal('\n'),
            't' => new Literal('\t'),
            'r' => new Literal('\r'),
            _ when char.IsLetterOrDigit(c) => throw new NotSupportedException(),
            _ => new Literal(c),
        };

        private Node ParseClass()
        {
            var negated = !AtEnd && pattern[_position] == '^';
            if (negated)
            {
                _position++;
            }

            var set = new StringBuilder();
            var first = true;
            while (true)
            {
                if (AtEnd)
                {
                    throw new NotSupportedException();
                }

                var c = pattern[_position++];
                if (c == ']' && !first)
                {
                    break;
                }

                first = false;
                if (c == '\\')
                {
                    var escaped = ReadEscaped();
                    switch (Escape(escaped, inClass: true))
                    {
                        case CharClass:
                            set.Append(escaped switch { 'd' => Digits, 'w' => Word, 'S' => Printable, 'D' => Letters, 'W' => "-.:@", _ => " " });
                            continue;
                        default:
                            c = escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped };
                            break;
                    }
                }

                if (_position + 1 < pattern.Length && pattern[_position] == '-' && pattern[_position + 1] != ']')
                {
                    _position++;
                    var end = pattern[_position++];
                    if (end == '\\')
                    {
                        end = ReadEscaped();
                    }

                    if (end < c)
                    {
                        throw new NotSupportedException();
                    }

                    for (var x = c; x <= end && x < char.MaxValue; x++)
                    {
                        set.Append(x);
                    }
                }
                else
                {
                    set.Append(c);
                }
            }

            var characters = set.ToString();
            if (negated)
            {
                characters = new string(Universe.Where(c => characters.IndexOf(c) < 0).ToArray());
            }

            return characters.Length == 0 ? throw new NotSupportedException() : new CharClass(characters);
        }

        private Node ParseQuantifier(Node atom)
        {
            if (AtEnd)
            {
                return atom;
            }

            int min, max;
            switch (pattern[_position])
            {
                case '*':
                    _position++;
                    (min, max) = (0, MaxOpenRepeat);
                    break;
                case '+':
                    _position++;
                    (min, max) = (1, MaxOpenRepeat);
                    break;
                case '?':
                    _position++;
                    (min, max) = (0, 1);
                    break;
                case '{':
                    var close = pattern.IndexOf('}', _position);
                    if (close < 0)
                    {
                        throw new NotSupportedException();
                    }

                    var body = pattern.Substring(_position + 1, close - _position - 1);
                    _position = close + 1;
                    var parts = body.Split(',');
                    if (!int.TryParse(parts[0], out min))
                    {
                        throw new NotSupportedException();
                    }

                    if (parts.Length == 1)
                    {
                        max = min;
                    }
                    else if (parts[1].Length == 0)
                    {
                        max = min + MaxOpenRepeat;
                    }
                    else if (!int.TryParse(parts[1], out max) || max < min)
                    {
                        throw new NotSupportedException();
                    }

                    break;
                default:
                    return atom;
            }

            if (!AtEnd && pattern[_position] is '?' or '+')
            {
                _position++;
            }

            return new Repeat(atom, min, max);
        }
    }
}
