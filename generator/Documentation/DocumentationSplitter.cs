using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Helpers;
using SharpYaml;
using SharpYaml.Events;

namespace Contracts.Generator.Documentation;

/// <summary>
/// Splits a spec's text into its structure and its documentation, so that a description edit leaves the structure
/// equal and Roslyn returns the cached translation. One pass of SharpYaml's event parser (the parser the reader uses)
/// finds the value of each <c>description</c> and <c>summary</c> member of an OpenAPI object and replaces it with a
/// placeholder (<see cref="DocumentationTable.Placeholder"/>); the table keeps the value and where it was.
/// <para>
/// A scalar stays in the structure when the output depends on more than its being there: empty or blank, plain scalars
/// YAML reads as something other than text, very long ones (<c>Reading/LongTextShortener</c> shortens them), ones with
/// <c>\u</c> escapes (text preparation decodes them), ones with an anchor or tag, the phrases translation looks for
/// (<c>Pagination token</c>, <c>Signature authorization v4</c>), and anything inside examples, defaults, enums, constants,
/// discriminator mappings, OAuth scopes, links and <c>x-</c> extensions, or where <c>description</c> is a name (a property
/// called description). Specs with overlays or external references, several YAML documents, a private-use placeholder
/// character or anything the parser refuses are not split at all: the reader then sees the text as it is.
/// </para>
/// </summary>
internal static class DocumentationSplitter
{
    // Mappings whose keys are names the document chose, not OpenAPI's: a "description" there is a name.
    private static readonly HashSet<string> s_namedMembers = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "schemas", "responses", "parameters", "headers", "securitySchemes",
        "securityDefinitions", "paths", "variables", "encoding", "callbacks", "content", "requestBodies", "examples", "links",
        "pathItems", "webhooks", "dependentSchemas", "$defs", "mapping", "scopes", "dependencies",
    };

    // Values that are data, not documentation, however they are shaped.
    private static readonly HashSet<string> s_dataMembers = new(StringComparer.Ordinal)
    {
        "example", "examples", "enum", "const", "mapping", "scopes", "links",
    };

    // Above a quarter of the reader's limit, leave the scalar to the shortener (its raw text may be longer than its value).
    private const int MaxSplitLength = Reading.Limits.MaxScalarLength / 4;

    /// <summary>The split spec; its table is empty, and its structure the input itself, when nothing was taken out.</summary>
    public static SplitSpec Split(SpecInput input, CancellationToken cancellationToken)
    {
        var none = new SplitSpec(input, DocumentationTable.None(input.Path));
        if (!input.Overlays.IsEmpty || !input.Documents.IsEmpty || input.Text.IndexOf(DocumentationTable.PlaceholderStart) >= 0
            || input.Text.IndexOf(DocumentationTable.PlaceholderEnd) >= 0)
        {
            return none;
        }

        List<(int Start, int End, string Value)>? found;
        try
        {
            found = Find(input.Text, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever the parser refuses, the reader reports: from the text as it is.
            return none;
        }

        if (found is null || found.Count == 0)
        {
            return none;
        }

        var text = input.Text;
        var structure = new StringBuilder(text.Length);
        var values = new string[found.Count];
        var structureSpans = new (int Start, int End)[found.Count];
        var last = 0;
        for (var i = 0; i < found.Count; i++)
        {
            var (start, end, value) = found[i];
            structure.Append(text, last, start - last);
            var placeholderStart = structure.Length;
            structure.Append(DocumentationTable.Placeholder(i));
            structureSpans[i] = (placeholderStart, structure.Length);
            values[i] = value;
            last = end;
        }

        structure.Append(text, last, text.Length - last);
        var structureText = structure.ToString();

        var original = new LineCursor(text);
        var split = new LineCursor(structureText);
        var shifts = new TextShift[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            var (startLine, startColumn) = original.MoveTo(found[i].Start);
            var (endLine, endColumn) = original.MoveTo(found[i].End);
            var (structureEndLine, structureEndColumn) = split.MoveTo(structureSpans[i].End);
            shifts[i] = new TextShift(structureSpans[i].Start, structureSpans[i].End, structureEndLine, structureEndColumn,
                found[i].Start, found[i].End, startLine, startColumn, endLine, endColumn);
        }

        return new SplitSpec(input with { Text = structureText }, new DocumentationTable(input.Path, new EquatableArray<string>(values), new EquatableArray<TextShift>(shifts)));
    }

    /// <summary>The documentation scalars, in order: each raw span and its value; null when the text must not be split.</summary>
    private static List<(int Start, int End, string Value)>? Find(string text, CancellationToken cancellationToken)
    {
        var found = new List<(int, int, string)>();
        var stack = new List<Frame>();
        var documents = 0;
        var parser = Parser.CreateParser(new StringReader(text));
        var events = 0;
        while (parser.MoveNext())
        {
            if ((++events & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var current = parser.Current;
            switch (current)
            {
                case DocumentStart:
                    if (++documents > 1)
                    {
                        return null;
                    }

                    break;
                case MappingStart or SequenceStart:
                {
                    var parent = stack.Count > 0 ? stack[stack.Count - 1] : null;
                    string? key = null;
                    var excluded = false;
                    if (parent is not null)
                    {
                        excluded = parent.Excluded;
                        if (parent.IsMapping && !parent.ExpectKey)
                        {
                            key = parent.PendingKey;
                            excluded |= key is null || IsData(key, parent.Key);
                        }
                        else if (parent.IsMapping)
                        {
                            // A mapping or sequence as a key: nothing in it is documentation.
                            excluded = true;
                        }
                    }

                    stack.Add(new Frame(current is MappingStart, key, excluded || ((NodeEvent)current).Anchor is not null));
                    break;
                }

                case MappingEnd or SequenceEnd:
                    stack.RemoveAt(stack.Count - 1);
                    if (stack.Count > 0 && stack[stack.Count - 1] is { IsMapping: true } owner)
                    {
                        owner.Advance(null);
                    }

                    break;
                case Scalar scalar:
                    if (stack.Count > 0 && stack[stack.Count - 1] is { IsMapping: true } mapping)
                    {
                        if (!mapping.ExpectKey && mapping.PendingKey is "description" or "summary" && !mapping.Excluded
                            && (mapping.Key is null || !s_namedMembers.Contains(mapping.Key))
                            && Documentation(text, scalar) is { } span)
                        {
                            found.Add(span);
                        }

                        mapping.Advance(scalar.Anchor is null && scalar.Tag is null ? scalar.Value : null);
                    }

                    break;
                case AnchorAlias:
                    if (stack.Count > 0 && stack[stack.Count - 1] is { IsMapping: true } aliasOwner)
                    {
                        aliasOwner.Advance(null);
                    }

                    break;
            }
        }

        return found;
    }

    /// <summary>The raw span and value of a documentation scalar, or null when it stays in the structure.</summary>
    private static (int Start, int End, string Value)? Documentation(string text, Scalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Anchor is not null || scalar.Tag is not null || string.IsNullOrWhiteSpace(value) || value.Length > MaxSplitLength)
        {
            return null;
        }

        var start = (int)scalar.Start.Index;
        var end = (int)scalar.End.Index;
        if (start < 0 || end > text.Length || end <= start || end - start > MaxSplitLength)
        {
            return null;
        }

        var expected = scalar.Style switch
        {
            ScalarStyle.DoubleQuoted => '"',
            ScalarStyle.SingleQuoted => '\'',
            ScalarStyle.Literal => '|',
            ScalarStyle.Folded => '>',
            ScalarStyle.Plain => '\0',
            _ => '\uFFFF',
        };
        if (expected == '\uFFFF')
        {
            return null;
        }

        // The parser's marks must point at the scalar in this text; when they do not, no placeholder can be trusted.
        if ((expected != '\0' && text[start] != expected) || (expected == '\0' && !PlainMatches(text, start, end, value)))
        {
            throw new InvalidOperationException("The parser's marks do not match the text.");
        }

        if (expected == '\0' && IsOtherThanText(value))
        {
            return null;
        }

        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            // A block scalar's end is past the line breaks after it: the placeholder stops at its last character.
            while (end > start + 1 && text[end - 1] is ' ' or '\t' or '\r' or '\n')
            {
                end--;
            }
        }
        else if (scalar.Style is ScalarStyle.DoubleQuoted && text[end - 1] != '"' || scalar.Style is ScalarStyle.SingleQuoted && text[end - 1] != '\'')
        {
            return null;
        }

        if (text.IndexOf("\\u", start, end - start, StringComparison.OrdinalIgnoreCase) >= 0
            || value.IndexOf("Signature authorization v4", StringComparison.OrdinalIgnoreCase) >= 0
            || string.Equals(value.Trim(), "Pagination token", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return (start, end, value);
    }

    /// <summary>Whether a plain scalar's raw text reads as <paramref name="value"/>: the same on one line, its first and last words over several.</summary>
    private static bool PlainMatches(string text, int start, int end, string value)
    {
        var raw = text.Substring(start, end - start);
        var lineBreak = raw.IndexOfAny(['\r', '\n']);
        if (lineBreak < 0)
        {
            return raw == value;
        }

        var first = raw.Substring(0, lineBreak).TrimEnd();
        var last = raw.Substring(raw.LastIndexOfAny(['\r', '\n']) + 1).Trim();
        return first.Length > 0 && value.StartsWith(first, StringComparison.Ordinal) && value.EndsWith(last, StringComparison.Ordinal);
    }

    /// <summary>Whether YAML reads a plain scalar as null, a boolean or a number rather than text.</summary>
    private static bool IsOtherThanText(string value)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "~": case "null": case "true": case "false": case "yes": case "no": case "on": case "off": case "y": case "n":
            case ".inf": case "-.inf": case "+.inf": case ".nan":
                return true;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || value.StartsWith("0o", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsData(string key, string? ownerKey) =>
        s_dataMembers.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal) || (key == "default" && ownerKey != "responses");

    /// <summary>A mapping or sequence being parsed: the key it is the value of, and, for a mapping, the key whose value comes next.</summary>
    private sealed class Frame(bool isMapping, string? key, bool excluded)
    {
        public bool IsMapping { get; } = isMapping;

        public string? Key { get; } = key;

        public bool Excluded { get; } = excluded;

        public bool ExpectKey { get; private set; } = true;

        public string? PendingKey { get; private set; }

        /// <summary>A key or a value was read: a key (its text, or null when it is not a plain name) makes the next node its value.</summary>
        public void Advance(string? key)
        {
            PendingKey = ExpectKey ? key : null;
            ExpectKey = !ExpectKey;
        }
    }

    /// <summary>Walks a text forward, counting lines as Roslyn's <c>SourceText</c> does (CR, LF, CRLF, NEL, LS, PS).</summary>
    private sealed class LineCursor(string text)
    {
        private int _position;
        private int _line;
        private int _lineStart;

        public (int Line, int Column) MoveTo(int offset)
        {
            for (; _position < offset; _position++)
            {
                var c = text[_position];
                if (c is '\n' or '\u0085' or '\u2028' or '\u2029' || (c == '\r' && (_position + 1 >= text.Length || text[_position + 1] != '\n')))
                {
                    _line++;
                    _lineStart = _position + 1;
                }
            }

            return (_line, offset - _lineStart);
        }
    }
}
