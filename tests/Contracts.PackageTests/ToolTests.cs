using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.PackageTests;

/// <summary>The <c>contracts</c> command installed with <c>dotnet tool install</c> from the local feed.</summary>
[Collection(LocalFeedCollection.Name)]
public sealed class ToolTests(LocalFeed feed)
{
    [Fact]
    public async Task The_installed_tool_checks_and_generates_a_spec()
    {
        using var workspace = Workspace.Create("tool");
        var tools = Path.Combine(workspace.Directory, "tools");
        await workspace.DotNet("tool", "install", "Contracts.Cli", "--version", feed.Version, "--add-source", feed.Directory, "--tool-path", tools);
        var contracts = Path.Combine(tools, "contracts");
        var spec = RepositoryPaths.Combine("spec", "lightsail-bucket-access-keys.yaml");

        var check = await DotNetCli.RunProcessAsync(contracts, workspace.Directory, "check", "--compile", spec);
        var output = Path.Combine(workspace.Directory, "generated");
        var generate = await DotNetCli.RunProcessAsync(contracts, workspace.Directory, "generate", spec, "-o", output, "--namespace", "Tool.Lightsail", "--client-name", "LightsailClient");

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("1 specs: 1 compiled clean, 0 with warnings, 0 failed to compile, 0 generator errors", check.Output);
        Assert.True(generate.ExitCode == 0, generate.ToString());
        var files = Directory.GetFiles(output).Select(Path.GetFileName).ToList();
        Assert.Contains("LightsailClient.Client.g.cs", files);
        Assert.Contains("namespace Tool.Lightsail", File.ReadAllText(Path.Combine(output, "LightsailClient.Client.g.cs")));
    }
}
