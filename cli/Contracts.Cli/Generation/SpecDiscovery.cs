using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Cli.Arguments;

namespace Contracts.Cli.Generation;

/// <summary>Expands the command line's files and folders into specs, in a deterministic order.</summary>
internal static class SpecDiscovery
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// Files stay where they are in the argument order; each folder contributes its *.yaml, *.yml and *.json files
    /// (recursively, ordinal order of their paths). A file reached twice is checked once, at its first place.
    /// </summary>
    public static IReadOnlyList<SpecFile> Expand(IEnumerable<string> paths, string usage)
    {
        var specs = new List<SpecFile>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(new SpecFile(path, IsNamed: true));
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in FilesUnder(path))
                {
                    Add(new SpecFile(file, IsNamed: false, SearchedFolder: path));
                }
            }
            else
            {
                throw new UsageException($"no such file or folder: {path}", usage);
            }
        }

        return specs;

        void Add(SpecFile spec)
        {
            var key = Path.GetFullPath(spec.Path);
            if (seen.TryAdd(key, specs.Count))
            {
                specs.Add(spec);
            }
            else if (spec.IsNamed)
            {
                // Found in a folder first and named too: naming it marks it as a contract.
                specs[seen[key]] = specs[seen[key]] with { IsNamed = true };
            }
        }
    }

    private static IEnumerable<string> FilesUnder(string folder)
    {
        // The default AttributesToSkip leaves out hidden entries (.git and other dot-folders).
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
    }
}
