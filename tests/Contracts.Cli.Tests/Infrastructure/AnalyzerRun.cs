using System;
using System.Collections.Generic;
using System.IO;
using Contracts.TestSupport.Generation;

namespace Contracts.Cli.Tests.Infrastructure;

/// <summary>Runs the generator the way the compiler does in a build, to get the files the tool must reproduce.</summary>
internal static class AnalyzerRun
{
    /// <summary>
    /// Generated sources by hint name for <paramref name="specPath"/> with the given item metadata. The options are
    /// the ones MSBuild writes (<see cref="SpecFile.Metadata"/>), made independently of the tool, so the parity test
    /// also checks that the tool maps its options the way MSBuild does.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Generate(string specPath, string rootNamespace, IReadOnlyDictionary<string, string> itemMetadata)
    {
        var spec = new SpecFile(
            specPath,
            File.ReadAllText(specPath),
            itemMetadata.GetValueOrDefault("ContractsNamespace"),
            itemMetadata.GetValueOrDefault("ContractsClientName"),
            itemMetadata.GetValueOrDefault("OpenApiContract"),
            itemMetadata.GetValueOrDefault("ContractsVisibility"));
        foreach (var (name, value) in itemMetadata)
        {
            // The operation filters (ContractsIncludeTags, …) and ContractsJsonDirections: passed as MSBuild would pass them.
            if (name.StartsWith("ContractsInclude", StringComparison.Ordinal) || name.StartsWith("ContractsExclude", StringComparison.Ordinal)
                || name == "ContractsJsonDirections")
            {
                spec = spec.WithMetadata(name, value);
            }
        }

        var run = GeneratorHarness.RunInProject(rootNamespace, spec);
        if (run.Result.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw.", run.Result.Exception);
        }

        return run.Sources;
    }
}
