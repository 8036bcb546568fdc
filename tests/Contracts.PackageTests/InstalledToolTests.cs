using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.PackageTests;

/// <summary>
/// The <c>contracts</c> tool as <c>dotnet tool install</c> gives it from the local feed (the platform package the SDK
/// picks for this machine: Native AOT on linux-x64) writes byte for byte the files the analyzer adds to a real build.
/// </summary>
[Collection(LocalFeedCollection.Name)]
public sealed class InstalledToolTests(LocalFeed feed)
{
    private static readonly (string Spec, string Copy, string Namespace, string Client)[] Specs =
    [
        (RepositoryPaths.Combine("spec", "lightsail-bucket-access-keys.yaml"), "bucket-keys.yaml", "Parity.BucketKeys", "BucketKeysClient"),
        (RepositoryPaths.Combine("spec", "aws", "lightsail-2016-11-28.yaml"), "lightsail.yaml", "Parity.Lightsail", "LightsailClient"),
    ];

    [Fact]
    public async Task The_installed_tool_writes_the_files_the_analyzer_adds_to_a_build()
    {
        using var workspace = Workspace.Create("tool-parity");
        var contracts = await InstallAsync(workspace);

        var app = await workspace.NewProjectWithPackagesAsync(feed, "console", "App");
        var analyzerOutput = Path.Combine(workspace.Directory, "analyzer");
        var items = string.Join("\n    ", Specs.Select(s => $"""<OpenApiContract Include="{s.Copy}" Namespace="{s.Namespace}" ClientName="{s.Client}" />"""));
        foreach (var spec in Specs)
        {
            File.Copy(spec.Spec, Path.Combine(app, spec.Copy));
        }

        Workspace.AddItems(Path.Combine(app, "App.csproj"), items);
        await workspace.DotNetIn(app, "build", "-nologo", "-p:EmitCompilerGeneratedFiles=true", "-p:CompilerGeneratedFilesOutputPath=" + analyzerOutput);
        // The compiler writes generated files with a UTF-8 byte order mark, the tool without one: the bytes after it are compared.
        var analyzerFiles = Directory.GetFiles(analyzerOutput, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetFileName(path), path => WithoutByteOrderMark(File.ReadAllBytes(path)), StringComparer.Ordinal);

        var toolFiles = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var spec in Specs)
        {
            var output = Path.Combine(workspace.Directory, "tool-" + spec.Client);
            var generate = await DotNetCli.RunProcessAsync(contracts, workspace.Directory, "generate", Path.Combine(app, spec.Copy), "-o", output, "--namespace", spec.Namespace, "--client-name", spec.Client);
            Assert.True(generate.ExitCode == 0, generate.ToString());
            foreach (var file in Directory.GetFiles(output))
            {
                toolFiles.Add(Path.GetFileName(file), File.ReadAllBytes(file));
            }
        }

        // Both specs generate: the seed's seven files and Lightsail's, a client each.
        Assert.Contains("BucketKeysClient.Client.g.cs", analyzerFiles.Keys);
        Assert.Contains("LightsailClient.Client.g.cs", analyzerFiles.Keys);
        Assert.Equal(analyzerFiles.Keys.Order(StringComparer.Ordinal), toolFiles.Keys.Order(StringComparer.Ordinal));
        var different = analyzerFiles.Keys.Where(name => !analyzerFiles[name].AsSpan().SequenceEqual(toolFiles[name])).Order(StringComparer.Ordinal).ToList();
        Assert.True(different.Count == 0, $"{different.Count} of {analyzerFiles.Count} files differ from the analyzer's: {string.Join(", ", different.Take(10))}; the first: {(different.Count > 0 ? FirstDifference(analyzerFiles[different[0]], toolFiles[different[0]]) : "")}");
    }

    private static byte[] WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;

    private static string FirstDifference(byte[] analyzer, byte[] tool)
    {
        var at = analyzer.AsSpan().CommonPrefixLength(tool);
        string Around(byte[] bytes) => Encoding.UTF8.GetString(bytes, Math.Max(0, at - 40), Math.Min(bytes.Length, at + 40) - Math.Max(0, at - 40));
        return $"byte {at} of {analyzer.Length} (analyzer) / {tool.Length} (tool): analyzer \"{Around(analyzer)}\", tool \"{Around(tool)}\"";
    }

    /// <summary>
    /// <c>dotnet tool install</c> from the feed, as a user runs it; checks that the SDK picked this machine's platform
    /// package, and on linux-x64 that it is the Native AOT one (an executable, no managed entry assembly). Returns the command's path.
    /// </summary>
    private async Task<string> InstallAsync(Workspace workspace)
    {
        var tools = Path.Combine(workspace.Directory, "tools");
        await workspace.DotNet("tool", "install", "Contracts.Cli", "--version", feed.Version, "--add-source", feed.Directory, "--tool-path", tools);

        var package = Path.Combine(tools, ".store", "contracts.cli", feed.Version, LocalFeed.ToolPackageFor(RuntimeInformation.RuntimeIdentifier).ToLowerInvariant(), feed.Version);
        Assert.True(Directory.Exists(package), "the SDK did not install " + package + "; the store has: " + string.Join(", ", Directory.GetDirectories(Path.Combine(tools, ".store"), "*", SearchOption.AllDirectories)));
        if (RuntimeInformation.RuntimeIdentifier == "linux-x64")
        {
            var files = Directory.GetFiles(package, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
            Assert.Contains("Contracts.Cli", files);
            Assert.DoesNotContain("Contracts.Cli.dll", files);
            Assert.Contains("Contracts.Runtime.dll", files);
            // check --server compiles against it as a file (the tool does not reference it).
            Assert.Contains("Contracts.Runtime.AspNetCore.dll", files);
        }

        return Path.Combine(tools, OperatingSystem.IsWindows() ? "contracts.exe" : "contracts");
    }
}
