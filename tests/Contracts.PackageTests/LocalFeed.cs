using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.PackageTests;

/// <summary>
/// Packs Contracts.Generator, Contracts.Runtime, Contracts.Runtime.AspNetCore, Contracts.Runtime.AspNetCore.OpenApi, the Contracts.Cli tool and the Contracts.Templates templates (from the outputs the solution build already made) into a
/// temporary folder feed, under a version unique to this run so that no package cached by an earlier run is used. The tool is a
/// pointer package plus this machine's platform package (<see cref="ToolPackageFor"/>), which is built here: Native AOT on linux-x64.
/// </summary>
public sealed class LocalFeed : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "contracts-feed-" + Guid.NewGuid().ToString("N")[..8]);

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N")[..6];

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var project in new[]
        {
            RepositoryPaths.Combine("generator", "Contracts.Generator.csproj"),
            RepositoryPaths.Combine("runtime", "Contracts.Runtime.csproj"),
            RepositoryPaths.Combine("runtime", "AspNetCore", "Contracts.Runtime.AspNetCore.csproj"),
            RepositoryPaths.Combine("runtime", "AspNetCore.OpenApi", "Contracts.Runtime.AspNetCore.OpenApi.csproj"),
            RepositoryPaths.Combine("cli", "Contracts.Cli", "Contracts.Cli.csproj"),
            RepositoryPaths.Combine("templates", "Contracts.Templates", "Contracts.Templates.csproj"),
        })
        {
            var pack = await DotNetCli.RunAsync(RepositoryPaths.Root, "pack", project, "-c", RepositoryPaths.Configuration, "--no-build", "-o", Directory, "-p:PackageVersion=" + Version, "-nologo");
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }

        // The platform package is published for its RID, which the solution build does not do; the libraries it references are built.
        var rid = ToolPackageFor(RuntimeInformation.RuntimeIdentifier)["Contracts.Cli.".Length..];
        var tool = await DotNetCli.RunAsync(RepositoryPaths.Root, "pack", RepositoryPaths.Combine("cli", "Contracts.Cli", "Contracts.Cli.csproj"), "-c", RepositoryPaths.Configuration, "-r", rid, "-p:BuildProjectReferences=false", "-o", Directory, "-p:PackageVersion=" + Version, "-nologo");
        Assert.True(tool.ExitCode == 0, tool.ToString());
    }

    /// <summary>
    /// The package <c>dotnet tool install Contracts.Cli</c> installs on <paramref name="rid"/>: its own for the platforms the
    /// pointer package names (cli/Contracts.Cli/Contracts.Cli.csproj, ToolPackageRuntimeIdentifiers), else the portable one.
    /// </summary>
    public static string ToolPackageFor(string rid) =>
        "Contracts.Cli." + (rid is "linux-x64" or "win-x64" or "osx-arm64" ? rid : "any");

    public Task DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }

        return Task.CompletedTask;
    }

    /// <summary>A nuget.config that adds this feed to the machine's sources.</summary>
    public string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="contracts-local" value="{Directory}" />
          </packageSources>
        </configuration>
        """;
}

[CollectionDefinition(Name)]
public sealed class LocalFeedCollection : ICollectionFixture<LocalFeed>
{
    public const string Name = "Local feed";
}
