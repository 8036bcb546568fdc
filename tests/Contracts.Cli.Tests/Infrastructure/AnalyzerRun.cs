using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Contracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Cli.Tests.Infrastructure;

/// <summary>Runs the generator the way the compiler does in a build, to get the files the tool must reproduce.</summary>
internal static class AnalyzerRun
{
    /// <summary>Generated sources by hint name for <paramref name="specPath"/> with the given item metadata.</summary>
    public static IReadOnlyDictionary<string, string> Generate(string specPath, string rootNamespace, IReadOnlyDictionary<string, string> itemMetadata)
    {
        var spec = new FileText(specPath);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ContractsGenerator().AsSourceGenerator() },
            new AdditionalText[] { spec },
            new CSharpParseOptions(LanguageVersion.Latest),
            new MsBuildLikeOptions(specPath, rootNamespace, itemMetadata));
        var compilation = CSharpCompilation.Create(
            "Consumer",
            references: [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(Contracts.Runtime.ApiException).Assembly.Location)],
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw.", result.Exception);
        }

        return result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }
}
