using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Tests.Server;

/// <summary>
/// What a project that generates the server references: the ASP.NET Core shared framework this test host runs with, and
/// Contracts.Runtime.AspNetCore.
/// </summary>
internal static class ServerReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_aspNetCore = new(LoadAspNetCore);
    private static readonly Lazy<MetadataReference> s_runtime = new(() =>
        MetadataReference.CreateFromFile(typeof(Contracts.Runtime.AspNetCore.RequestBinder).Assembly.Location));

    /// <summary>The ASP.NET Core shared framework's assemblies.</summary>
    public static IReadOnlyList<MetadataReference> AspNetCore => s_aspNetCore.Value;

    /// <summary>Contracts.Runtime.AspNetCore's public API.</summary>
    public static MetadataReference Runtime => s_runtime.Value;

    /// <summary>Both.</summary>
    public static IEnumerable<MetadataReference> All => AspNetCore.Append(Runtime);

    private static IReadOnlyList<MetadataReference> LoadAspNetCore()
    {
        var directory = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!;
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        // Only the assemblies the .NET shared framework does not have already (the test's compilation references those).
        return Directory.EnumerateFiles(directory, "*.dll")
            .Where(path => !File.Exists(Path.Combine(framework, Path.GetFileName(path))))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}
