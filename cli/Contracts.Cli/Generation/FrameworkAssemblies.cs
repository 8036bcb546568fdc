using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;

namespace Contracts.Cli.Generation;

/// <summary>
/// The shared framework's assemblies that <c>check</c> compiles generated code against. Under the JIT they are the
/// framework the tool runs on. A Native AOT build of the tool has no framework files (its framework is compiled into
/// the executable), so it uses the newest installed .NET of the same major version, found as the SDK finds it: the
/// <c>DOTNET_ROOT</c> variables, then the folder of the <c>dotnet</c> on the PATH, then the default install folders.
/// Whoever installed the tool with <c>dotnet tool install</c> has one.
/// </summary>
internal static class FrameworkAssemblies
{
    /// <summary>The framework's assembly files; throws <see cref="FrameworkNotFoundException"/> when there is no framework to compile against.</summary>
    public static IReadOnlyList<string> Paths()
    {
        // Only the shared framework's own assemblies: the tool's dependencies (Roslyn, OpenApi) are not the generated code's.
        var running = RunningFrameworkDirectory();
        if (running is not null)
        {
            var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            return trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), running, StringComparison.Ordinal))
                .ToList();
        }

        var installed = InstalledFrameworkDirectory(Environment.Version.Major)
            ?? throw new FrameworkNotFoundException(
                $"compiling needs the .NET {Environment.Version.Major} runtime's assemblies, and no .NET installation with Microsoft.NETCore.App {Environment.Version.Major}.x was found (set DOTNET_ROOT to the folder that holds the dotnet executable)");
        return Directory.GetFiles(installed, "*.dll").Where(IsManagedFrameworkAssembly).OrderBy(path => path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The ASP.NET Core shared framework's assembly files that <see cref="Paths"/> does not hold already (what a
    /// project's <c>FrameworkReference</c> to <c>Microsoft.AspNetCore.App</c> adds): the installed
    /// <c>shared/Microsoft.AspNetCore.App/{version}</c> beside the .NET framework <see cref="Paths"/> uses, of that very
    /// version when installed, else the newest of the same major version. Implementation assemblies like the .NET ones
    /// (the reference pack is only installed with an SDK, and would mix reference and implementation assemblies of one
    /// framework pair). Throws <see cref="FrameworkNotFoundException"/> when there is none.
    /// </summary>
    public static IReadOnlyList<string> AspNetCorePaths()
    {
        var netCore = RunningFrameworkDirectory() ?? InstalledFrameworkDirectory(Environment.Version.Major)
            ?? throw new FrameworkNotFoundException(
                $"compiling a server needs the .NET {Environment.Version.Major} runtime's assemblies, and no .NET installation with Microsoft.NETCore.App {Environment.Version.Major}.x was found (set DOTNET_ROOT to the folder that holds the dotnet executable)");
        var aspNetCore = AspNetCoreDirectoryBeside(netCore)
            ?? throw new FrameworkNotFoundException(
                $"--server compiles against ASP.NET Core, and no Microsoft.AspNetCore.App {Path.GetFileName(netCore)} (nor another {Environment.Version.Major}.x) is installed beside {netCore} (install the ASP.NET Core runtime {Environment.Version.Major}.x)");
        return Directory.GetFiles(aspNetCore, "*.dll")
            .Where(IsManagedFrameworkAssembly)
            .Where(path => !File.Exists(Path.Combine(netCore, Path.GetFileName(path))))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The ASP.NET Core shared framework folder of the installation that holds <paramref name="netCoreDirectory"/>
    /// (<c>{root}/shared/Microsoft.NETCore.App/{version}</c>): <c>{root}/shared/Microsoft.AspNetCore.App/{version}</c> when
    /// it exists, else the newest of the same major version; null when there is none.
    /// </summary>
    internal static string? AspNetCoreDirectoryBeside(string netCoreDirectory)
    {
        var version = Path.GetFileName(netCoreDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(netCoreDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)));
        if (shared is null || !Version.TryParse(version.Split('-')[0], out var netCoreVersion))
        {
            return null;
        }

        var folder = Path.Combine(shared, "Microsoft.AspNetCore.App");
        if (!Directory.Exists(folder))
        {
            return null;
        }

        static bool HasAspNetCore(string path) => File.Exists(Path.Combine(path, "Microsoft.AspNetCore.Http.Abstractions.dll"));
        var same = Path.Combine(folder, version);
        if (HasAspNetCore(same))
        {
            return same;
        }

        return Directory.GetDirectories(folder)
            .Select(path => (Path: path, Version: Version.TryParse(Path.GetFileName(path).Split('-')[0], out var parsed) ? parsed : null))
            .Where(candidate => candidate.Version?.Major == netCoreVersion.Major && HasAspNetCore(candidate.Path))
            .OrderByDescending(candidate => candidate.Version)
            .ThenByDescending(candidate => Path.GetFileName(candidate.Path), StringComparer.Ordinal)
            .Select(candidate => candidate.Path)
            .FirstOrDefault();
    }

    /// <summary>The folder of the framework the tool runs on; null in a Native AOT build, where assemblies have no files.</summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000:Avoid accessing Assembly file path when publishing as a single file",
        Justification = "An empty location (Native AOT, single file) is the case handled by looking for an installed framework.")]
    private static string? RunningFrameworkDirectory()
    {
        var location = typeof(object).Assembly.Location;
        return location.Length == 0 ? null : Path.GetDirectoryName(location);
    }

    /// <summary>The newest <c>shared/Microsoft.NETCore.App/{major}.*</c> folder of the first .NET installation that has one.</summary>
    internal static string? InstalledFrameworkDirectory(int major)
    {
        foreach (var root in DotNetRoots())
        {
            var shared = Path.Combine(root, "shared", "Microsoft.NETCore.App");
            if (!Directory.Exists(shared))
            {
                continue;
            }

            var newest = Directory.GetDirectories(shared)
                .Select(path => (Path: path, Version: Version.TryParse(Path.GetFileName(path).Split('-')[0], out var version) ? version : null))
                .Where(candidate => candidate.Version?.Major == major && File.Exists(Path.Combine(candidate.Path, "System.Runtime.dll")))
                .OrderByDescending(candidate => candidate.Version)
                .ThenByDescending(candidate => Path.GetFileName(candidate.Path), StringComparer.Ordinal)
                .Select(candidate => candidate.Path)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return null;
    }

    private static IEnumerable<string> DotNetRoots()
    {
        foreach (var variable in new[] { "DOTNET_ROOT_" + ArchitectureSuffix(), "DOTNET_ROOT" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } root)
            {
                yield return root;
            }
        }

        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, executable);
            if (File.Exists(candidate))
            {
                // /usr/bin/dotnet is usually a link into the installation folder.
                var target = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
                yield return Path.GetDirectoryName(target)!;
            }
        }

        if (OperatingSystem.IsWindows())
        {
            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "dotnet");
        }
        else
        {
            yield return "/usr/local/share/dotnet";
            yield return "/usr/share/dotnet";
            yield return "/usr/lib/dotnet";
            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet");
        }
    }

    private static string ArchitectureSuffix() => System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToUpperInvariant();

    /// <summary>The framework folder also holds native libraries (<c>Microsoft.DiaSymReader.Native</c>, …) that are not references.</summary>
    private static bool IsManagedFrameworkAssembly(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return (name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal) || name is "mscorlib" or "netstandard" or "WindowsBase")
            && !name.Contains("Native", StringComparison.Ordinal);
    }
}

/// <summary>No .NET installation to compile generated code against (a Native AOT build of the tool without a .NET install).</summary>
internal sealed class FrameworkNotFoundException(string message) : Exception(message);
