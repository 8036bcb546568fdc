using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Contracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Benchmarks.Compile;

/// <summary>Our generator run on one description in a generator driver, as the compiler runs it in a consumer project.</summary>
public static class OurGenerator
{
    public const string RootNamespace = "Consumer";

    public static SourceSet Generate(string specPath)
    {
        var spec = new TextFile(specPath, File.ReadAllText(specPath));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ContractsGenerator().AsSourceGenerator() },
            new[] { spec },
            Compiler.ParseOptions,
            new ContractOptionsProvider(RootNamespace));
        var compilation = Compiler.CreateCompilation(Array.Empty<SyntaxTree>(), References.Ours);
        driver = driver.RunGenerators(compilation, CancellationToken.None);
        var result = driver.GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())
            .Concat(result.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString())).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(specPath + ": " + string.Join(Environment.NewLine, errors));
        }

        var files = result.Results.SelectMany(r => r.GeneratedSources)
            .Select(source => (Path: source.HintName, Text: source.SourceText.ToString()))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();
        return new SourceSet(files, References.Ours);
    }
}
