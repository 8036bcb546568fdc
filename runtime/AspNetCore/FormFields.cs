using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// Fields named as forms and deepObject parameters name them (<c>card[number]</c>, <c>lines[0][amount]</c>, a repeated
/// <c>tag</c>), gathered into a tree and written as JSON by a <see cref="FormShape"/>: the inverse of how the client's
/// <c>FormBody</c> flattens a value's JSON. A field the shape does not know is left out; text that does not fit its
/// member (<c>abc</c> for an integer) is reported under the field's name.
/// </summary>
internal sealed class FormFields
{
    private readonly Node _root;

    /// <param name="prefix">The name in front of every field's brackets (a deepObject parameter's); null when the first segment is a member (a form body).</param>
    public FormFields(string? prefix)
    {
        _root = new Node(prefix ?? string.Empty, prefix is null);
    }

    /// <summary>Some field was added.</summary>
    public bool IsEmpty => _root.Children is null && _root.Texts is null;

    /// <summary>Adds a field by its segments (the first a member, or an index); no segments is the value itself.</summary>
    public void Add(IReadOnlyList<string> segments, string text)
    {
        var node = _root;
        foreach (var segment in segments)
        {
            node = node.Child(segment);
        }

        (node.Texts ??= new List<string>()).Add(text);
    }

    /// <summary>
    /// Splits a field name into its segments: <c>card[number]</c> into <c>card</c>, <c>number</c>. Brackets inside a
    /// segment are kept when they pair up; a name whose brackets do not close is one segment, as written.
    /// </summary>
    public static List<string> Segments(string key)
    {
        var segments = new List<string>();
        var open = key.IndexOf('[');
        if (open <= 0 || key[key.Length - 1] != ']')
        {
            segments.Add(key);
            return segments;
        }

        segments.Add(key.Substring(0, open));
        var at = open;
        while (at < key.Length)
        {
            var close = key[at] == '[' ? Closing(key, at) : -1;
            if (close < 0)
            {
                segments.Clear();
                segments.Add(key);
                return segments;
            }

            segments.Add(key.Substring(at + 1, close - at - 1));
            at = close + 1;
        }

        return segments;
    }

    /// <summary>The <c>]</c> that closes the <c>[</c> at <paramref name="open"/>, counting nested pairs (a map key <c>order [id]</c>); -1 when none.</summary>
    private static int Closing(string key, int open)
    {
        var depth = 0;
        for (var i = open; i < key.Length; i++)
        {
            depth += key[i] == '[' ? 1 : key[i] == ']' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The fields as JSON of <paramref name="shape"/>; null when some text does not fit (each reported through
    /// <paramref name="error"/> with the field's name and the problem).
    /// </summary>
    /// <param name="shape">What the fields make.</param>
    /// <param name="error">Told each field whose text does not fit, and why.</param>
    /// <param name="listsAreJson">A list's one text is the list as JSON (an object parameter's member), not its only item (a repeated form field).</param>
    public byte[]? ToJson(FormShape shape, Action<string, string> error, bool listsAreJson)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var failed = false;
        void Report(string field, string message)
        {
            failed = true;
            error(field, message);
        }

        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, _root, shape, Report, listsAreJson);
        }

        return failed ? null : buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, Node node, FormShape shape, Action<string, string> error, bool listsAreJson)
    {
        switch (shape.Kind)
        {
            case FormShapeKind.List:
                WriteList(writer, node, shape, error, listsAreJson);
                return;
            case FormShapeKind.Object or FormShapeKind.Map:
                if (node.Children is null)
                {
                    WriteJsonText(writer, node, JsonValueKind.Object, "a JSON object", error);
                    return;
                }

                writer.WriteStartObject();
                foreach (var child in node.Children)
                {
                    if (shape.Member(child.Key) is { } member)
                    {
                        writer.WritePropertyName(child.Key);
                        Write(writer, child.Value, member, error, listsAreJson);
                    }
                }

                writer.WriteEndObject();
                return;
            case FormShapeKind.Any when node.Children is not null:
                writer.WriteStartObject();
                foreach (var child in node.Children)
                {
                    writer.WritePropertyName(child.Key);
                    Write(writer, child.Value, FormShape.Any, error, listsAreJson);
                }

                writer.WriteEndObject();
                return;
            case FormShapeKind.Any when node.Texts!.Count > 1:
                writer.WriteStartArray();
                foreach (var text in node.Texts)
                {
                    WriteScalar(writer, node.Name, text, FormShape.Any, error);
                }

                writer.WriteEndArray();
                return;
        }

        if (node.Children is not null)
        {
            error(node.Name, "has members; one value is expected.");
            writer.WriteNullValue();
            return;
        }

        if (node.Texts!.Count > 1)
        {
            error(node.Name, "is given " + node.Texts.Count.ToString(CultureInfo.InvariantCulture) + " times; one value is expected.");
            writer.WriteNullValue();
            return;
        }

        WriteScalar(writer, node.Name, node.Texts[0], shape, error);
    }

    private static void WriteList(Utf8JsonWriter writer, Node node, FormShape shape, Action<string, string> error, bool listsAreJson)
    {
        var item = shape.Element!;
        if (node.Children is null)
        {
            if (listsAreJson && node.Texts!.Count == 1)
            {
                WriteJsonText(writer, node, JsonValueKind.Array, "a JSON array", error);
                return;
            }

            // A repeated field (tag=a&tag=b): one item per value.
            writer.WriteStartArray();
            foreach (var text in node.Texts!)
            {
                Write(writer, new Node(node.Name, false) { Texts = new List<string> { text } }, item, error, listsAreJson);
            }

            writer.WriteEndArray();
            return;
        }

        if (node.Texts is not null)
        {
            error(node.Name, "is given both as a value and with members.");
            writer.WriteNullValue();
            return;
        }

        var indexed = new List<KeyValuePair<int, Node>>();
        foreach (var child in node.Children)
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexed = null;
                break;
            }

            indexed.Add(new KeyValuePair<int, Node>(index, child.Value));
        }

        writer.WriteStartArray();
        if (indexed is not null)
        {
            // Indices give the order; a gap is not an item.
            indexed.Sort(static (a, b) => a.Key.CompareTo(b.Key));
            foreach (var entry in indexed)
            {
                Write(writer, entry.Value, item, error, listsAreJson);
            }
        }
        else if (item.Kind is FormShapeKind.Object or FormShapeKind.Map or FormShapeKind.Any)
        {
            // Objects repeated without indices (items[a]=1&items[b]=2&items[a]=3): the n-th value of each member is item n's.
            var count = 0;
            foreach (var child in node.Children)
            {
                count = Math.Max(count, child.Value.Texts?.Count ?? 1);
            }

            for (var i = 0; i < count; i++)
            {
                var one = new Node(node.Name, false);
                foreach (var child in node.Children)
                {
                    if (child.Value.Children is not null)
                    {
                        one.Children ??= new List<KeyValuePair<string, Node>>();
                        one.Children.Add(child);
                    }
                    else if (i < child.Value.Texts!.Count)
                    {
                        one.Child(child.Key).Texts = new List<string> { child.Value.Texts[i] };
                    }
                }

                Write(writer, one, item, error, listsAreJson);
            }
        }
        else
        {
            error(node.Name, "has members; a list is expected.");
        }

        writer.WriteEndArray();
    }

    private static void WriteJsonText(Utf8JsonWriter writer, Node node, JsonValueKind kind, string expected, Action<string, string> error)
    {
        if (node.Texts!.Count == 1)
        {
            try
            {
                using var document = JsonDocument.Parse(node.Texts[0]);
                if (document.RootElement.ValueKind == kind)
                {
                    document.RootElement.WriteTo(writer);
                    return;
                }
            }
            catch (JsonException)
            {
                // Reported below, as any other text that is not the expected JSON.
            }
        }

        error(node.Name, (node.Texts.Count == 1 ? RequestBinder.Quote(node.Texts[0]) : "a repeated field") + " is not " + expected + ".");
        writer.WriteNullValue();
    }

    private static void WriteScalar(Utf8JsonWriter writer, string field, string text, FormShape shape, Action<string, string> error)
    {
        switch (shape.Kind)
        {
            case FormShapeKind.Clearable:
                if (text.Length == 0)
                {
                    writer.WriteStringValue(text);
                    return;
                }

                WriteScalar(writer, field, text, shape.Element!, error);
                return;
            case FormShapeKind.Integer:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    writer.WriteNumberValue(integer);
                }
                else if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var large))
                {
                    writer.WriteNumberValue(large);
                }
                else
                {
                    error(field, RequestBinder.Quote(text) + " is not an integer.");
                    writer.WriteNullValue();
                }

                return;
            case FormShapeKind.Number:
                if (IsJsonNumber(text))
                {
                    writer.WriteRawValue(text, skipInputValidation: true);
                }
                else
                {
                    error(field, RequestBinder.Quote(text) + " is not a number.");
                    writer.WriteNullValue();
                }

                return;
            case FormShapeKind.Boolean:
                if (text is "true" or "false")
                {
                    writer.WriteBooleanValue(text == "true");
                }
                else
                {
                    error(field, RequestBinder.Quote(text) + " is not true or false.");
                    writer.WriteNullValue();
                }

                return;
            case FormShapeKind.Any when text is "true" or "false":
                writer.WriteBooleanValue(text == "true");
                return;
            case FormShapeKind.Any when IsJsonNumber(text):
                writer.WriteRawValue(text, skipInputValidation: true);
                return;
            default:
                writer.WriteStringValue(text);
                return;
        }
    }

    /// <summary>JSON's number grammar: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    internal static bool IsJsonNumber(string text)
    {
        var at = 0;
        if (at < text.Length && text[at] == '-')
        {
            at++;
        }

        if (at >= text.Length || !IsDigit(text[at]))
        {
            return false;
        }

        if (text[at] == '0')
        {
            at++;
        }
        else
        {
            while (at < text.Length && IsDigit(text[at]))
            {
                at++;
            }
        }

        if (at < text.Length && text[at] == '.')
        {
            if (!Digits(text, ref at))
            {
                return false;
            }
        }

        if (at < text.Length && text[at] is 'e' or 'E')
        {
            if (at + 1 < text.Length && text[at + 1] is '+' or '-')
            {
                at++;
            }

            if (!Digits(text, ref at))
            {
                return false;
            }
        }

        return at == text.Length;

        static bool Digits(string text, ref int at)
        {
            at++;
            var start = at;
            while (at < text.Length && IsDigit(text[at]))
            {
                at++;
            }

            return at > start;
        }
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>
    /// The field a JSON path points at (<c>$.card.number</c>, <c>$[0].amount</c>), spelled as the fields are:
    /// <c>card[number]</c>, or after <paramref name="prefix"/> (<c>lines[0][amount]</c>). Null when the path names nothing.
    /// </summary>
    public static string? FieldOf(string? path, string? prefix)
    {
        if (path is null || path.Length < 2 || path[0] != '$')
        {
            return null;
        }

        var segments = new List<string>();
        var at = 1;
        while (at < path.Length)
        {
            if (path[at] == '.')
            {
                var end = at + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                segments.Add(path.Substring(at + 1, end - at - 1));
                at = end;
            }
            else if (path[at] == '[' && at + 1 < path.Length && path[at + 1] == '\'')
            {
                var end = path.IndexOf("']", at + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                segments.Add(path.Substring(at + 2, end - at - 2));
                at = end + 2;
            }
            else if (path[at] == '[')
            {
                var end = path.IndexOf(']', at);
                if (end < 0)
                {
                    break;
                }

                segments.Add(path.Substring(at + 1, end - at - 1));
                at = end + 1;
            }
            else
            {
                break;
            }
        }

        if (segments.Count == 0)
        {
            return null;
        }

        var name = prefix is null ? segments[0] : prefix + "[" + segments[0] + "]";
        for (var i = 1; i < segments.Count; i++)
        {
            name += "[" + segments[i] + "]";
        }

        return name;
    }

    private sealed class Node
    {
        private readonly bool _isRoot;

        public Node(string name, bool isRoot)
        {
            Name = name;
            _isRoot = isRoot;
        }

        /// <summary>The field's name as sent: <c>card[number]</c>.</summary>
        public string Name { get; }

        public List<string>? Texts { get; set; }

        public List<KeyValuePair<string, Node>>? Children { get; set; }

        public Node Child(string segment)
        {
            Children ??= new List<KeyValuePair<string, Node>>();
            foreach (var child in Children)
            {
                if (child.Key == segment)
                {
                    return child.Value;
                }
            }

            var node = new Node(_isRoot ? segment : Name + "[" + segment + "]", false);
            Children.Add(new KeyValuePair<string, Node>(segment, node));
            return node;
        }
    }
}
