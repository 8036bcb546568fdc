using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Contracts.Benchmarks.Compile;

/// <summary>What a net10.0 consumer project compiles against: the reference pack, plus Contracts.Runtime or Kiota's packages.</summary>
public static class References
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);

    /// <summary>The reference pack and Contracts.Runtime (its net8.0 build, the one a net10.0 project gets).</summary>
    public static ImmutableArray<MetadataReference> Ours { get; } =
        Framework.Value.Add(MetadataReference.CreateFromFile(typeof(Contracts.Runtime.ApiException).Assembly.Location));

    /// <summary>The reference pack and Kiota's packages with their dependencies, as restored into this program's folder.</summary>
    public static ImmutableArray<MetadataReference> Kiota { get; } = Framework.Value.AddRange(
        Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("Microsoft.Kiota.", StringComparison.Ordinal)
                    || name.StartsWith("Std.UriTemplate", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.IO.RecyclableMemoryStream", StringComparison.Ordinal)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)));

    /// <summary>
    /// The newest Microsoft.NETCore.App.Ref pack for net10.0 beside the running runtime (what the SDK passes to csc),
    /// falling back to the runtime's own assemblies where no pack is installed.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeFolder, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var folder = Directory.Exists(packs)
            ? Directory.GetDirectories(packs).Select(version => Path.Combine(version, "ref", "net10.0")).Where(Directory.Exists)
                .OrderByDescending(path => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var v) ? v : new Version())
                .FirstOrDefault()
            : null;
        if (folder is null)
        {
            Console.Error.WriteLine("warning: no net10.0 reference pack under " + packs + "; compiling against the runtime's assemblies");
            folder = runtimeFolder;
        }

        return Directory.EnumerateFiles(folder, "*.dll").OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
