using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contracts.TestSupport.Generation;

/// <summary>
/// Serves what MSBuild writes into the generated .editorconfig: global <c>build_property.*</c> values and
/// per-AdditionalFile <c>build_metadata.AdditionalFiles.*</c> values, looked up by the file's path.
/// </summary>
public sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());
    private readonly Dictionary<string, DictionaryOptions> _perFile;

    public TestAnalyzerConfigOptionsProvider(
        IReadOnlyDictionary<string, string>? globalOptions = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFileOptions = null)
    {
        GlobalOptions = new DictionaryOptions(globalOptions ?? new Dictionary<string, string>());
        _perFile = (perFileOptions ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
            .ToDictionary(pair => pair.Key, pair => new DictionaryOptions(pair.Value), StringComparer.Ordinal);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _perFile.TryGetValue(textFile.Path, out var options) ? options : Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        // Keys in .editorconfig files are case-insensitive; Roslyn compares them that way too.
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) =>
            _values = values.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
