using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Contracts.Benchmarks.Reading.Prototype;

/// <summary>
/// Positions of a JSON document from one <see cref="Utf8JsonReader"/> pass (the reader's <c>JsonNode</c>s keep none): a
/// tree of offsets only, keys and items, no values. Columns count UTF-8 bytes, which equal characters on ASCII lines.
/// </summary>
internal sealed class JsonPositionIndex : IPositionIndex
{
    private sealed class Node
    {
        public int Offset;
        public Dictionary<string, (int KeyOffset, Node Value)>? Members;
        public List<Node>? Items;
    }

    private readonly Node _root;
    private readonly int[] _lineStarts;

    private JsonPositionIndex(Node root, int[] lineStarts)
    {
        _root = root;
        _lineStarts = lineStarts;
    }

    public static JsonPositionIndex Build(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var open = new Stack<Node>();
        Node? root = null;
        string? key = null;
        var keyOffset = 0;
        while (reader.Read())
        {
            var offset = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    key = reader.GetString();
                    keyOffset = offset;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    continue;
            }

            var node = new Node { Offset = offset };
            if (open.Count == 0)
            {
                root ??= node;
            }
            else if (open.Peek() is { Members: { } members })
            {
                // The first of duplicate keys wins, as in the YAML locator.
                if (key is not null && !members.ContainsKey(key))
                {
                    members[key] = (keyOffset, node);
                }
            }
            else
            {
                open.Peek().Items!.Add(node);
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                node.Members = new Dictionary<string, (int, Node)>(StringComparer.Ordinal);
                open.Push(node);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                node.Items = new List<Node>();
                open.Push(node);
            }
        }

        return new JsonPositionIndex(root ?? new Node(), lineStarts.ToArray());
    }

    public (int Line, int Column) Find(string pointer)
    {
        var node = _root;
        var located = _root.Offset;
        foreach (var segment in PointerSegments.Of(pointer))
        {
            if (node.Members is { } members && members.TryGetValue(segment, out var member))
            {
                located = member.KeyOffset;
                node = member.Value;
            }
            else if (node.Items is { } items && int.TryParse(segment, out var i) && i >= 0 && i < items.Count)
            {
                node = items[i];
                located = node.Offset;
            }
            else
            {
                break;
            }
        }

        var line = Array.BinarySearch(_lineStarts, located);
        line = line >= 0 ? line : ~line - 1;
        return (line, located - _lineStarts[line]);
    }
}
