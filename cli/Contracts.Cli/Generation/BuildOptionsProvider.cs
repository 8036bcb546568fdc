using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contracts.Cli.Generation;

/// <summary>
/// Serves the options MSBuild would write into the generated .editorconfig for one spec: global
/// <c>build_property.RootNamespace</c> and the spec's <c>build_metadata.AdditionalFiles.*</c> values. Like MSBuild,
/// every compiler-visible metadata name is present, empty when the item does not set it.
/// </summary>
internal sealed class BuildOptionsProvider : AnalyzerConfigOptionsProvider
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";
    private static readonly AnalyzerConfigOptions Empty = new DictionaryOptions(new Dictionary<string, string>());
    private static readonly AnalyzerConfigOptions NotAContract = new DictionaryOptions(new Dictionary<string, string> { [MetadataPrefix + "OpenApiContract"] = "false" });

    private readonly string _specPath;
    private readonly AnalyzerConfigOptions _specOptions;

    /// <param name="generateServer">
    /// Writes <c>ContractsGenerate</c> as the package's targets write <c>Generate="Client;Server"</c>. Any such metadata
    /// marks the file as a contract, so it is only given for a file that is one (named, or starting like OpenAPI).
    /// </param>
    public BuildOptionsProvider(string specPath, SpecOptions options, bool markAsContract, bool generateServer = false)
    {
        _specPath = specPath;
        GlobalOptions = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = options.RootNamespace });
        var metadata = new Dictionary<string, string>
        {
            [MetadataPrefix + "ContractsNamespace"] = options.Namespace ?? string.Empty,
            [MetadataPrefix + "ContractsClientName"] = options.ClientName ?? string.Empty,
            [MetadataPrefix + "ContractsVisibility"] = options.Visibility ?? string.Empty,
            [MetadataPrefix + "ContractsJsonDirections"] = options.JsonDirections ?? string.Empty,
            [MetadataPrefix + "OpenApiContract"] = markAsContract ? "true" : string.Empty,
            // As the package's targets write the Overlays list into the .editorconfig: '|'-separated.
            [MetadataPrefix + "ContractsOverlays"] = string.Join("|", options.Overlays ?? []),
            [MetadataPrefix + "ContractsGenerate"] = generateServer ? "Client|Server" : string.Empty,
        };
        foreach (var (_, name) in SpecOptions.FilterOptions)
        {
            metadata[MetadataPrefix + "Contracts" + name] = options.Filters is { } filters && filters.TryGetValue(name, out var value) ? value : string.Empty;
        }

        _specOptions = new DictionaryOptions(metadata);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    /// <summary>The spec's options; every other file (one the spec references) is explicitly not a contract.</summary>
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        string.Equals(textFile.Path, _specPath, StringComparison.Ordinal) ? _specOptions : NotAContract;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        // .editorconfig keys are case-insensitive, and Roslyn looks them up that way.
        public DictionaryOptions(Dictionary<string, string> values) =>
            _values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
