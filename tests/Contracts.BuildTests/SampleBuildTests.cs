using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.BuildTests;

/// <summary>The demo sample, built with the real <c>dotnet build</c> from a copy, then run.</summary>
public sealed class SampleBuildTests
{
    [Fact]
    public async Task The_demo_builds_with_the_analyzer_and_prints_the_seed_data()
    {
        using var project = ConsumerProject.Create("demo");
        var sample = RepositoryPaths.Combine("samples", "Lightsail.Demo");
        foreach (var source in Directory.GetFiles(sample, "*.cs"))
        {
            File.Copy(source, project.PathOf(Path.GetFileName(source)));
        }

        // The sample's project file with its repository-relative paths made absolute.
        var projectFile = File.ReadAllText(Path.Combine(sample, "Lightsail.Demo.csproj")).Replace("../../", RepositoryPaths.Root + "/");
        project.Write("Lightsail.Demo.csproj", projectFile);
        project.Write("Directory.Build.props", "<Project><PropertyGroup><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors><NuGetAudit>false</NuGetAudit></PropertyGroup></Project>");

        var build = await project.BuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(@": warning [A-Z]+\d+", build.Output);

        var run = await DotNetCli.RunAsync(project.Directory, Path.Combine("bin", RepositoryPaths.Configuration, "net10.0", "Lightsail.Demo.dll"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("abc123", run.Output);
        Assert.Contains("2025-01-01T00:00:00", run.Output);

        var failure = await DotNetCli.RunAsync(project.Directory, Path.Combine("bin", RepositoryPaths.Configuration, "net10.0", "Lightsail.Demo.dll"), "--bucket", "missing-bucket");
        Assert.True(failure.ExitCode == 2, failure.ToString());
    }
}
