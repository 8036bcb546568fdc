using System;
using System.Collections.Generic;
using System.IO;
using SharpYaml;
using SharpYaml.Events;

namespace Contracts.Benchmarks.Reading.Prototype;

/// <summary>
/// The document's keys, items and scalar texts with their positions, and nothing else, built from the YAML parser's
/// events (JSON is YAML too) in one pass: for the public reading path, which parses with its own bounded parser and
/// keeps no tree. Aliases point at their anchor's node (shared, never expanded), so an alias bomb stays linear here.
/// </summary>
internal sealed class RawTree : IPositionIndex
{
    internal sealed class Node
    {
        public int Line;
        public int Column;
        public string? Value;
        public Dictionary<string, (int Line, int Column, Node Value)>? Members;
        public List<Node>? Items;
    }

    private readonly Node _root;

    private RawTree(Node root) => _root = root;

    public static RawTree Build(string text, int maxDepth)
    {
        var parser = Parser.CreateParser(new StringReader(text), maxDepth);
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        var open = new Stack<(Node Node, Scalar? Key)>();
        Node? root = null;
        while (parser.MoveNext())
        {
            Node node;
            switch (parser.Current)
            {
                case MappingStart start:
                    node = new Node { Line = start.Start.Line, Column = start.Start.Column, Members = new Dictionary<string, (int, int, Node)>(StringComparer.Ordinal) };
                    Register(anchors, start.Anchor, node);
                    if (!Attach(open, ref root, node, null))
                    {
                        continue;
                    }

                    open.Push((node, null));
                    continue;
                case SequenceStart start:
                    node = new Node { Line = start.Start.Line, Column = start.Start.Column, Items = new List<Node>() };
                    Register(anchors, start.Anchor, node);
                    if (!Attach(open, ref root, node, null))
                    {
                        continue;
                    }

                    open.Push((node, null));
                    continue;
                case MappingEnd or SequenceEnd:
                    open.Pop();
                    continue;
                case Scalar scalar:
                    node = new Node { Line = scalar.Start.Line, Column = scalar.Start.Column, Value = scalar.Value };
                    Register(anchors, scalar.Anchor, node);
                    Attach(open, ref root, node, scalar);
                    continue;
                case AnchorAlias alias when anchors.TryGetValue(alias.Value, out var anchored):
                    Attach(open, ref root, anchored, null);
                    continue;
            }
        }

        return new RawTree(root ?? new Node());
    }

    /// <summary>Adds <paramref name="node"/> under the open container; false when it is a mapping key (it is kept as the pending key).</summary>
    private static bool Attach(Stack<(Node Node, Scalar? Key)> open, ref Node? root, Node node, Scalar? scalar)
    {
        if (open.Count == 0)
        {
            root ??= node;
            return true;
        }

        var (parent, key) = open.Peek();
        if (parent.Items is { } items)
        {
            items.Add(node);
            return true;
        }

        if (key is null)
        {
            // A key: scalar keys only (a complex key's node is parsed and dropped).
            open.Pop();
            open.Push((parent, scalar ?? new Scalar(string.Empty)));
            return scalar is not null;
        }

        if (!parent.Members!.ContainsKey(key.Value))
        {
            parent.Members[key.Value] = (key.Start.Line, key.Start.Column, node);
        }

        open.Pop();
        open.Push((parent, null));
        return true;
    }

    private static void Register(Dictionary<string, Node> anchors, string? anchor, Node node)
    {
        if (!string.IsNullOrEmpty(anchor))
        {
            anchors[anchor!] = node;
        }
    }

    public (int Line, int Column) Find(string pointer)
    {
        var node = _root;
        (int Line, int Column) located = (_root.Line, _root.Column);
        foreach (var segment in PointerSegments.Of(pointer))
        {
            if (node.Members is { } members && members.TryGetValue(segment, out var member))
            {
                located = (member.Line, member.Column);
                node = member.Value;
            }
            else if (node.Items is { } items && int.TryParse(segment, out var i) && i >= 0 && i < items.Count)
            {
                node = items[i];
                located = (node.Line, node.Column);
            }
            else
            {
                break;
            }
        }

        return located;
    }

    /// <summary>The node at the path of member names, or null.</summary>
    public Node? At(params string[] names)
    {
        Node? node = _root;
        foreach (var name in names)
        {
            node = node?.Members is { } members && members.TryGetValue(name, out var member) ? member.Value : null;
        }

        return node;
    }

    /// <summary>Swagger 2.0 parameters (<c>in:name</c>) with <c>collectionFormat: multi</c>; each shared node once.</summary>
    public HashSet<string> MultiParameters()
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<object>(ReferenceIdentity.Instance);
        var pending = new Stack<Node>();
        pending.Push(_root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            if (node.Members is { } members)
            {
                if (Value(members, "collectionFormat") == "multi" && Value(members, "in") is { } location && Value(members, "name") is { } name)
                {
                    result.Add(location + ":" + name);
                }

                foreach (var member in members.Values)
                {
                    pending.Push(member.Value);
                }
            }

            foreach (var item in node.Items ?? new List<Node>())
            {
                pending.Push(item);
            }
        }

        return result;
    }

    private static string? Value(Dictionary<string, (int, int, Node Value)> members, string key) =>
        members.TryGetValue(key, out var member) ? member.Value.Value : null;
}
