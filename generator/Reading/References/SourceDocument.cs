using System;
using System.IO;
using Contracts.Generator.Locating;
using Microsoft.CodeAnalysis.Text;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.References;

/// <summary>One file taking part in a bundle: its path, its YAML tree (read on first need) and a locator for diagnostics in it.</summary>
internal sealed class SourceDocument
{
    private YamlNode? _root;
    private bool _loaded;

    public SourceDocument(string path, string text)
    {
        Path = path;
        Key = ReferencePaths.Normalize(path);
        Text = text;
        Locator = new SourceLocator(path, SourceText.From(text));
    }

    /// <summary>A document whose tree was already read (by the OpenAPI reader, whose nodes carry no positions: not for locating).</summary>
    public SourceDocument(string path, string text, YamlNode root)
        : this(path, text)
    {
        _root = root;
        _loaded = true;
    }

    /// <summary>The path as the compilation has it, for diagnostics.</summary>
    public string Path { get; }

    /// <summary>The normalized path, for lookups.</summary>
    public string Key { get; }

    public string Text { get; }

    public SourceLocator Locator { get; }

    /// <summary>The root node, or null when the text is not YAML or JSON.</summary>
    public YamlNode? Root
    {
        get
        {
            if (!_loaded)
            {
                _loaded = true;
                try
                {
                    var stream = new YamlStream();
                    stream.Load(new StringReader(Text));
                    _root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
                }
                catch (Exception exception) when (exception is SharpYaml.YamlException or ArgumentException or InvalidOperationException)
                {
                    _root = null;
                }
            }

            return _root;
        }
    }
}
