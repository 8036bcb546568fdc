using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.TestSupport.Generation;

/// <summary>An AdditionalFiles item held in memory: a path (used in diagnostics) and its text.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

    /// <summary>The same file with new content, for <c>GeneratorDriver.ReplaceAdditionalText</c>.</summary>
    public InMemoryAdditionalText WithText(string text) => new(Path, text);

    public override string ToString() => Path;
}
