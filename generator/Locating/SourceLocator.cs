using System;
using System.Collections.Generic;
using System.IO;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Reading;
using Contracts.Generator.Reading.Yaml;
using Microsoft.CodeAnalysis.Text;
using SharpYaml.Serialization;

namespace Contracts.Generator.Locating;

/// <summary>
/// Turns JSON pointers into line spans of the spec file. The YAML tree (JSON is read as YAML too) is built lazily,
/// on the first diagnostic, so documents without problems never pay for it. Positions only: what the document says
/// beyond the reader's model is <see cref="Reading.DocumentFacts"/>'s.
/// </summary>
internal sealed class SourceLocator
{
    /// <summary>The pointer prefix that asks for the <c>$ref</c> whose value names the given target.</summary>
    public const string ReferencePrefix = "$ref:";

    private readonly string _path;
    private readonly SourceText _text;
    private YamlNode? _root;
    private bool _loaded;

    // Where the tree's text has a "? " that the file has not (long JSON keys made explicit, see ExplicitJsonKeys).
    private int[] _markers = Array.Empty<int>();
    private readonly YamlMappingIndex _mappings = new();
    private Dictionary<string, YamlNode>? _referenceIndex;

    public SourceLocator(string path, SourceText text)
    {
        _path = path;
        _text = text;
    }

    public LocationInfo AtLine(int line, int column)
    {
        var lines = _text.Lines;
        if (lines.Count == 0)
        {
            return new LocationInfo(_path, 0, 0, 0, 0, 0, 0);
        }

        line = Math.Max(0, Math.Min(line, lines.Count - 1));
        var span = lines[line].Span;
        column = Math.Max(0, Math.Min(column, span.Length));
        return new LocationInfo(_path, span.Start + column, span.Length - column, line, column, line, span.Length);
    }

    /// <summary>The span of <paramref name="node"/>, a node of a tree read from this locator's text.</summary>
    public LocationInfo At(YamlNode node) => FromMarks(node.Start.Index, node.End.Index, node.Start.Line, node.Start.Column);

    /// <summary>Finds a pointer such as <c>#/paths/~1pets/get</c>, or <c>$ref:#/components/schemas/X</c>; falls back to the file start.</summary>
    public LocationInfo Find(string? pointer)
    {
        var node = pointer is null ? null : Resolve(pointer);
        if (node is null)
        {
            return AtLine(0, 0);
        }

        return FromMarks(node.Start.Index, node.End.Index, node.Start.Line, node.Start.Column);
    }

    private YamlNode? Resolve(string pointer)
    {
        var root = Root();
        if (root is null)
        {
            return null;
        }

        if (pointer.StartsWith(ReferencePrefix, StringComparison.Ordinal))
        {
            return FindReference(root, pointer.Substring(ReferencePrefix.Length));
        }

        var node = root;
        YamlNode? located = root;
        var trimmed = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        foreach (var raw in trimmed.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            switch (node)
            {
                case YamlMappingNode mapping when _mappings.TryGetEntry(mapping, segment, out var key, out var value):
                    located = key;
                    node = value;
                    break;
                case YamlSequenceNode sequence when int.TryParse(segment, out var index) && index >= 0 && index < sequence.Children.Count:
                    located = node = sequence.Children[index];
                    break;
                default:
                    // The deepest node that exists is the best location we have.
                    return located;
            }
        }

        return located;
    }

    /// <summary>
    /// The first <c>$ref</c> (in document order) whose value is <paramref name="target"/> or ends with <c>/target</c> (where
    /// <c>target</c> has at most 16 segments). The suffixes of every reference are indexed on first use, so each lookup is
    /// one dictionary probe.
    /// </summary>
    private YamlNode? FindReference(YamlNode root, string target)
    {
        if (_referenceIndex is null)
        {
            _referenceIndex = new Dictionary<string, YamlNode>(StringComparer.Ordinal);

            // Iterative walk: documents can nest deeply and recursion must not overflow the compiler's stack.
            // Each node once: YAML aliases share nodes, and an alias bomb must not expand here.
            var visited = new HashSet<YamlNode>(NodeIdentity.Instance);
            var pending = new Stack<YamlNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                if (!visited.Add(node))
                {
                    continue;
                }

                switch (node)
                {
                    case YamlMappingNode mapping:
                        foreach (var entry in mapping.Children)
                        {
                            if (entry.Key is YamlScalarNode { Value: "$ref" } && entry.Value is YamlScalarNode { Value: { } value } scalar)
                            {
                                IndexReference(value, scalar);

                                // The reader names a reference written with %-escapes ("~1%7Bid%7D") as it decoded it.
                                if (value.IndexOf('%') >= 0 && Unescape(value) is { } decoded && !string.Equals(decoded, value, StringComparison.Ordinal))
                                {
                                    IndexReference(decoded, scalar);
                                }
                            }

                            pending.Push(entry.Value);
                        }

                        break;
                    case YamlSequenceNode sequence:
                        for (var i = sequence.Children.Count - 1; i >= 0; i--)
                        {
                            pending.Push(sequence.Children[i]);
                        }

                        break;
                }
            }
        }

        return _referenceIndex.TryGetValue(target, out var found) ? found : null;
    }

    private void IndexReference(string value, YamlScalarNode node)
    {
        if (!_referenceIndex!.ContainsKey(value))
        {
            _referenceIndex[value] = node;
        }

        // The suffixes after the last few slashes only: a reference is named by its whole text or its last segments, and
        // indexing the suffix after every slash copied a reference of 30,000 slashes 30,000 times (2 GB for a 60 KB document).
        var slash = value.Length;
        for (var segments = 0; segments < MaxIndexedSegments && slash > 0 && (slash = value.LastIndexOf('/', slash - 1)) >= 0; segments++)
        {
            var suffix = value.Substring(slash + 1);
            if (!_referenceIndex.ContainsKey(suffix))
            {
                _referenceIndex[suffix] = node;
            }
        }
    }

    private const int MaxIndexedSegments = 16;

    private static string? Unescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>The YAML tree of the file as written (built on first need); <see cref="Reading.DocumentFacts"/> reads it too when the reader read the file unchanged.</summary>
    public YamlNode? Tree => Root();

    /// <summary>The text of the file.</summary>
    public string Text => _text.ToString();

    /// <summary>Takes a tree already read from this locator's text (and left unchanged), instead of reading it again.</summary>
    public void Adopt(YamlNode root)
    {
        if (!_loaded)
        {
            _loaded = true;
            _root = root;
        }
    }

    private YamlNode? Root()
    {
        if (!_loaded)
        {
            _loaded = true;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(ExplicitJsonKeys.Rewrite(_text.ToString(), out _markers)));
                _root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            }
            catch (Exception)
            {
                // A document the YAML parser rejects has already been reported with the parser's own position.
                _root = null;
            }
        }

        return _root;
    }

    private LocationInfo FromMarks(int startIndex, int endIndex, int line, int column)
    {
        if (_markers.Length > 0)
        {
            startIndex = ExplicitJsonKeys.ToOriginal(_markers, startIndex);
            endIndex = ExplicitJsonKeys.ToOriginal(_markers, endIndex);
        }

        var length = Math.Max(0, Math.Min(endIndex, _text.Length) - startIndex);
        if (startIndex < 0 || startIndex > _text.Length)
        {
            return AtLine(line, column);
        }

        var span = new TextSpan(startIndex, length);
        var lines = _text.Lines.GetLinePositionSpan(span);
        return new LocationInfo(_path, span.Start, span.Length, lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
    }
}
