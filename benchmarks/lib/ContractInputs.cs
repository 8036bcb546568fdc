using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Benchmarks;

// Linked into Contracts.Benchmarks.Generation and Contracts.Benchmarks.Compile: both hand the generator what the compiler
// hands it in a build, and must hand it the same.

/// <summary>Every AdditionalFile a marked contract, in a project with the given root namespace, as MSBuild's generated .editorconfig says.</summary>
internal sealed class ContractOptionsProvider(string rootNamespace) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Spec = new Options(new() { ["build_metadata.AdditionalFiles.OpenApiContract"] = "true" });
    private static readonly AnalyzerConfigOptions None = new Options(new());
    private readonly AnalyzerConfigOptions _global = new Options(new() { ["build_property.RootNamespace"] = rootNamespace });

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Spec;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}

/// <summary>An AdditionalText over a string, as the compiler hands one to the generator.</summary>
internal sealed class TextFile(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
