using System;
using System.Collections.Generic;
using System.IO;

namespace Contracts.Benchmarks;

// Linked into Contracts.Benchmarks.Generation and Contracts.Benchmarks.Compile, so both name the same documents.

/// <summary>The documents the benchmarks generate from, all checked into the repository's spec/ folder.</summary>
public static class BenchmarkSpecs
{
    /// <summary>Short name → path under spec/.</summary>
    public static readonly IReadOnlyDictionary<string, string> Paths = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["seed"] = "lightsail-bucket-access-keys.yaml",
        ["lightsail"] = "aws/lightsail-2016-11-28.yaml",
        ["github"] = "vendors/github-api-1.1.4.yaml",
        ["stripe"] = "vendors/stripe-2020-08-27.yaml",
        ["openai"] = "vendors/openai/openapi.yaml",
    };

    /// <summary>The full path of a named spec, or of any file path given as is.</summary>
    public static string Resolve(string nameOrPath) =>
        Paths.TryGetValue(nameOrPath, out var relative) ? Path.Combine(RepositoryRoot(), "spec", relative) : Path.GetFullPath(nameOrPath);

    /// <summary>The folder holding Contracts.sln, searched upwards (BenchmarkDotNet runs from a folder under bin/).</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Contracts.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Contracts.sln not found above " + AppContext.BaseDirectory);
    }
}
