using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contracts.Cli.Tests.Infrastructure;

/// <summary>
/// The analyzer options a real build hands the generator for a project with one spec: written here independently of
/// the tool, so the parity test also checks that the tool maps its options the way MSBuild does.
/// </summary>
internal sealed class MsBuildLikeOptions : AnalyzerConfigOptionsProvider
{
    private readonly string _specPath;
    private readonly Options _specOptions;

    public MsBuildLikeOptions(string specPath, string rootNamespace, IReadOnlyDictionary<string, string> itemMetadata)
    {
        _specPath = specPath;
        GlobalOptions = new Options(new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });

        // Contracts.Generator.props makes these visible; MSBuild writes each one, empty when the item leaves it unset.
        var metadata = new[] { "ContractsNamespace", "ContractsClientName", "ContractsVisibility", "OpenApiContract" }
            .ToDictionary(name => "build_metadata.AdditionalFiles." + name, name => itemMetadata.GetValueOrDefault(name, string.Empty));
        _specOptions = new Options(metadata);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        textFile.Path == _specPath ? _specOptions : new Options(new Dictionary<string, string>());

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values = new(values, StringComparer.OrdinalIgnoreCase);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
