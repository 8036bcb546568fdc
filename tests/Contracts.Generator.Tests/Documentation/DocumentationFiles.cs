using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Contracts.Generator.Tests.Documentation;

/// <summary>The repository's user documentation, read from the checkout the tests were built from (no network).</summary>
internal static class DocumentationFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the folder above the test's output that holds <c>Contracts.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    public static string DiagnosticsFolder => Path.Combine(Root, "docs", "diagnostics");

    /// <summary>README.md and every Markdown file under docs/, as repository-relative paths with '/' separators.</summary>
    public static IReadOnlyList<string> Markdown()
    {
        var docs = Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'));
        return docs.Prepend("README.md").OrderBy(path => path, StringComparer.Ordinal).ToList();
    }

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Contracts.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Contracts.sln not found above " + AppContext.BaseDirectory);
    }
}
