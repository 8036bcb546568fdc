using System;
using Contracts.Generator.Locating;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading;

/// <summary>
/// The few facts of a document that the OpenAPI reader does not keep (<c>additionalProperties: true</c> reads the same
/// as no keyword; Swagger's <c>collectionFormat: multi</c>), answered from the YAML tree of the text the reader read.
/// A spec bundled with the files it references (or rewritten before reading) answers from that text, whose pointers
/// the facts are asked with; otherwise from the file's own tree, which the <see cref="SourceLocator"/> builds once for
/// both. Positions are the locator's alone.
/// </summary>
internal sealed partial class DocumentFacts
{
    private readonly SourceLocator _file;
    private readonly YamlMappingIndex _mappings = new();
    private readonly System.Collections.Generic.Dictionary<string, string> _pointerMoves = new(StringComparer.Ordinal);
    private readonly System.Collections.Generic.Dictionary<string, bool> _mentions = new(StringComparer.Ordinal);
    private YamlNode? _readTree;
    private string? _readText;

    /// <param name="file">The locator of the spec file: its text and tree answer until the reader says it read another text.</param>
    public DocumentFacts(SourceLocator file)
    {
        _file = file;
    }

    /// <summary>The tree the facts are read from: the one the reader read, else the file's.</summary>
    public YamlNode? Tree => _readTree ?? _file.Tree;

    /// <summary>Called by the reader: the facts come from <paramref name="tree"/>, read from <paramref name="text"/> (a bundle, a rewritten text).</summary>
    public void UseReadTree(YamlNode tree, string text)
    {
        _readTree = tree;
        _readText = text;
        _mentions.Clear();
    }

    /// <summary>
    /// True when the text contains <paramref name="word"/>: a cheap check before asking for the <see cref="Tree"/>. Each word
    /// is searched once: translation asks for every record (OpenAI's description: thousands of scans of its 2 MB text).
    /// </summary>
    public bool Mentions(string word)
    {
        if (!_mentions.TryGetValue(word, out var found))
        {
            _mentions[word] = found = (_readText ?? _file.Text).IndexOf(word, StringComparison.Ordinal) >= 0;
        }

        return found;
    }

    /// <summary>
    /// The scalar at exactly <paramref name="pointer"/> (no <c>$ref</c> following), or null. For the few keywords whose
    /// absence the OpenAPI reader does not keep (<c>additionalProperties: true</c> reads the same as no keyword).
    /// </summary>
    public string? ScalarAt(string pointer) => (NodeAt(pointer) as YamlScalarNode)?.Value;

    /// <summary>
    /// Answers for pointers under <paramref name="from"/> at <paramref name="to"/>: a part of the document the reader
    /// read elsewhere than the tree has it (an OpenAPI 3.1 <c>$defs</c> entry read as a component, <see cref="OpenApi31Schemas"/>).
    /// </summary>
    public void MapPointer(string from, string to) => _pointerMoves[from] = to;

    /// <summary>The node at exactly <paramref name="pointer"/> (no <c>$ref</c> following), or null.</summary>
    public YamlNode? NodeAt(string pointer)
    {
        pointer = Moved(pointer);
        YamlNode? node = Tree;
        var trimmed = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        foreach (var raw in trimmed.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                YamlMappingNode mapping when _mappings.TryGetEntry(mapping, segment, out _, out var value) => value,
                YamlSequenceNode sequence when int.TryParse(segment, out var index) && index >= 0 && index < sequence.Children.Count => sequence.Children[index],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>
    /// The pointer after the moves that apply to it: its longest moved prefix is replaced, and again for the result (a
    /// member merged inside a hoisted definition takes two). A lookup per segment: OpenAI's description records thousands.
    /// </summary>
    private string Moved(string pointer)
    {
        for (var moves = 0; _pointerMoves.Count > 0 && moves < 8; moves++)
        {
            var moved = false;
            for (var end = pointer.Length; end > 0; end = pointer.LastIndexOf('/', end - 1))
            {
                if (_pointerMoves.TryGetValue(end == pointer.Length ? pointer : pointer.Substring(0, end), out var to))
                {
                    pointer = to + pointer.Substring(end);
                    moved = true;
                    break;
                }
            }

            if (!moved)
            {
                break;
            }
        }

        return pointer;
    }
}
