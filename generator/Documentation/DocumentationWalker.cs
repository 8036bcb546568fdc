using System;
using System.Collections.Generic;
using System.Globalization;
using SharpYaml;

namespace Contracts.Generator.Documentation;

/// <summary>
/// The rules of the split, fed the nodes of one YAML document in order (collections opened and closed, scalars): decides
/// which scalars are documentation and keeps their spans. Both ways of reading a spec feed it — SharpYaml's event parser
/// (<see cref="DocumentationSplitter"/>) and the line scanner (<see cref="BlockYamlScanner"/>) — so the two cannot disagree
/// on what documentation is, only on where the nodes are (the identity tests compare them).
/// </summary>
internal sealed class DocumentationWalker(string text)
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

    private readonly List<Frame> _stack = new();

    /// <summary>The documentation scalars so far, in order: each raw span and its value.</summary>
    public List<(int Start, int End, string Value)> Found { get; } = new();

    /// <summary>When set, every documentation value in order, kept in <see cref="Found"/> or not (a blank one is not): what tests compare with SharpYaml.</summary>
    internal List<string>? Seen { get; set; }

    /// <summary>
    /// Whether the next scalar's value is needed: it is a key (its text decides what the value is), or the value of a
    /// <c>description</c> or <c>summary</c> that may be documentation. Otherwise <see cref="Skip"/> stands for it.
    /// </summary>
    public bool NeedsNextScalar => _stack.Count > 0 && _stack[_stack.Count - 1] is { IsMapping: true } mapping
        && (mapping.ExpectKey || IsDocumentationValue(mapping));

    /// <summary>A mapping or sequence starts (with an anchor: nothing in it is documentation).</summary>
    public void Start(bool isMapping, bool hasAnchor)
    {
        var parent = _stack.Count > 0 ? _stack[_stack.Count - 1] : null;
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

        _stack.Add(new Frame(isMapping, key, excluded || hasAnchor));
    }

    /// <summary>The innermost mapping or sequence ends.</summary>
    public void End()
    {
        _stack.RemoveAt(_stack.Count - 1);
        Skip();
    }

    /// <summary>
    /// A scalar: <paramref name="start"/> and <paramref name="end"/> are its raw span in the text (from its quote or block
    /// indicator; for a block scalar, to its last character that is not a space or line break, or past it).
    /// </summary>
    public void Scalar(int start, int end, string value, ScalarStyle style, bool hasAnchorOrTag)
    {
        if (_stack.Count > 0 && _stack[_stack.Count - 1] is { IsMapping: true } mapping)
        {
            if (!hasAnchorOrTag && IsDocumentationValue(mapping))
            {
                Seen?.Add(value);
                if (Documentation(start, end, value, style) is { } span)
                {
                    Found.Add(span);
                }
            }

            mapping.Advance(hasAnchorOrTag ? null : value);
        }
    }

    /// <summary>A node whose value does not matter here (an alias, a scalar <see cref="NeedsNextScalar"/> declined).</summary>
    public void Skip()
    {
        if (_stack.Count > 0 && _stack[_stack.Count - 1] is { IsMapping: true } owner)
        {
            owner.Advance(null);
        }
    }

    private static bool IsDocumentationValue(Frame mapping) =>
        !mapping.ExpectKey && mapping.PendingKey is "description" or "summary" && !mapping.Excluded
        && (mapping.Key is null || !s_namedMembers.Contains(mapping.Key));

    /// <summary>The raw span and value of a documentation scalar, or null when it stays in the structure.</summary>
    private (int Start, int End, string Value)? Documentation(int start, int end, string value, ScalarStyle style)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxSplitLength)
        {
            return null;
        }

        if (start < 0 || end > text.Length || end <= start || end - start > MaxSplitLength)
        {
            return null;
        }

        var expected = style switch
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

        if (style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            // A block scalar's end is past the line breaks after it: the placeholder stops at its last character.
            while (end > start + 1 && text[end - 1] is ' ' or '\t' or '\r' or '\n')
            {
                end--;
            }
        }
        else if (style is ScalarStyle.DoubleQuoted && text[end - 1] != '"' || style is ScalarStyle.SingleQuoted && text[end - 1] != '\'')
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

    /// <summary>A mapping or sequence being read: the key it is the value of, and, for a mapping, the key whose value comes next.</summary>
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
}
