using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Contracts.BuildTests;

/// <summary>A sample of samples/, copied into a consumer project and published with Native AOT by the real <c>dotnet publish</c>.</summary>
internal static class NativeSample
{
    /// <summary>
    /// Copies sample <paramref name="name"/> (its C# files, <paramref name="otherFiles"/> and its project file with the
    /// repository paths made absolute) into <paramref name="project"/>, publishes it in Release, and checks that the
    /// publish raised no trimming or AOT warning and gave a native binary; returns the binary's path.
    /// </summary>
    public static async Task<string> PublishAsync(ConsumerProject project, string name, ITestOutputHelper output, params string[] otherFiles)
    {
        NativeToolchain.AssertPresent();
        var sample = RepositoryPaths.Combine("samples", name);
        foreach (var source in Directory.GetFiles(sample, "*.cs"))
        {
            File.Copy(source, project.PathOf(Path.GetFileName(source)));
        }

        foreach (var file in otherFiles)
        {
            File.Copy(Path.Combine(sample, file), project.PathOf(file));
        }

        project.Write(name + ".csproj", File.ReadAllText(Path.Combine(sample, name + ".csproj")).Replace("../../", RepositoryPaths.Root + "/"));

        // The app is published in Release, but the generator and runtime are used as this test run built them:
        // SetConfiguration points the references at their existing outputs, so nothing in the repository is rebuilt.
        project.Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors><NuGetAudit>false</NuGetAudit></PropertyGroup>
              <ItemDefinitionGroup><ProjectReference><SetConfiguration>Configuration={RepositoryPaths.Configuration}</SetConfiguration></ProjectReference></ItemDefinitionGroup>
            </Project>
            """);

        // No -r: a global RuntimeIdentifier would flow into the references' restore and rewrite their obj/ folders.
        // PublishAot publishes for the SDK's own RID instead.
        var stopwatch = Stopwatch.StartNew();
        var publish = await DotNetCli.RunAsync(project.Directory, "publish", "-c", "Release", "-o", "publish", "-p:BuildProjectReferences=false", "-nologo", "-clp:NoSummary");
        output.WriteLine("publish took " + stopwatch.Elapsed + Environment.NewLine + publish.Output);
        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.DoesNotMatch(@"(warning|error) IL[23]\d{3}", publish.Output);
        Assert.Contains("Generating native code", publish.Output);

        var binary = project.PathOf(Path.Combine("publish", name));
        Assert.True(File.Exists(binary), "no native binary at " + binary);
        Assert.False(File.Exists(project.PathOf(Path.Combine("publish", name + ".dll"))), "the publish is not native: it holds the IL assembly");
        output.WriteLine("native binary: " + new FileInfo(binary).Length + " bytes");
        return binary;
    }
}
