using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.PackageTests;

/// <summary>
/// What a new user does: <c>dotnet new console</c>, two <c>dotnet add package</c>, one <c>OpenApiContract</c> item,
/// build, run. Everything goes through the packages in <see cref="LocalFeed"/>, none of the repository's projects.
/// </summary>
[Collection(LocalFeedCollection.Name)]
public sealed class NewUserTests(LocalFeed feed)
{
    internal const string SeedSuccessBody = """{"success": true, "data": {"id": "abc123", "created_at": "2025-01-01T00:00:00Z"}}""";

    [Fact]
    public void The_generator_package_has_the_analyzer_its_libraries_and_the_build_files_only()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Directory, "Contracts.Generator." + feed.Version + ".nupkg"));
        var entries = package.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("package/", StringComparison.Ordinal) && !n.StartsWith("_rels/", StringComparison.Ordinal) && n != "[Content_Types].xml").OrderBy(n => n, StringComparer.Ordinal).ToList();

        Assert.Equal(
            [
                "Contracts.Generator.nuspec",
                "README.md",
                "analyzers/dotnet/cs/Contracts.Generator.dll",
                "analyzers/dotnet/cs/Microsoft.OpenApi.YamlReader.dll",
                "analyzers/dotnet/cs/Microsoft.OpenApi.dll",
                "analyzers/dotnet/cs/SharpYaml.dll",
                "build/Contracts.Generator.props",
                "build/Contracts.Generator.targets",
                "buildTransitive/Contracts.Generator.props",
                "buildTransitive/Contracts.Generator.targets",
            ],
            entries);
        using var nuspec = new StreamReader(package.GetEntry("Contracts.Generator.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text);
        Assert.DoesNotContain("<dependency ", text);
    }

    [Fact]
    public async Task A_fresh_console_app_gets_a_working_client_from_the_packages()
    {
        using var workspace = Workspace.Create("console");
        var app = await workspace.NewProjectWithPackagesAsync(feed, "console", "App");
        File.Copy(RepositoryPaths.Combine("spec", "lightsail-bucket-access-keys.yaml"), Path.Combine(app, "lightsail.yaml"));
        Workspace.AddItems(Path.Combine(app, "App.csproj"), """<OpenApiContract Include="lightsail.yaml" Namespace="My.Lightsail" ClientName="LightsailClient" />""");
        File.WriteAllText(Path.Combine(app, "Program.cs"), SeedProgram("My.Lightsail"));

        await workspace.DotNetIn(app, "build", "-nologo");

        await AssertSeedAppCallsTheServiceAsync(app);
    }

    /// <summary>An app's Program.cs that calls the seed description's GetBucketAccessKeys at the address of its first argument.</summary>
    internal static string SeedProgram(string @namespace) => $$"""
        using {{@namespace}};

        var client = new LightsailClient(new HttpClient(), new LightsailClientOptions { BaseAddress = new Uri(args[0]) });
        var keys = await client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "demo-bucket" });
        Console.WriteLine($"{keys.Id} {keys.CreatedAt:O}");
        """;

    /// <summary>
    /// Runs the built App (<see cref="SeedProgram"/>) against a loopback server, and checks what it printed and that of
    /// the packages only Contracts.Runtime reached its dependencies.
    /// </summary>
    internal static async Task AssertSeedAppCallsTheServiceAsync(string app)
    {
        await using var server = await LoopbackServer.StartAsync(200, SeedSuccessBody);
        var run = await DotNetCli.RunAsync(app, Path.Combine("bin", "Debug", "net10.0", "App.dll"), server.BaseAddress.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("abc123 2025-01-01T00:00:00.0000000+00:00", run.Output.Trim());
        var deps = File.ReadAllText(Path.Combine(app, "bin", "Debug", "net10.0", "App.deps.json"));
        Assert.Contains("Contracts.Runtime", deps);
        Assert.DoesNotContain("Microsoft.OpenApi", deps);
        Assert.DoesNotContain("Contracts.Generator", deps);
    }

    [Fact]
    public async Task An_item_without_metadata_defaults_the_namespace_and_client_from_the_project_and_file()
    {
        using var workspace = Workspace.Create("defaults");
        var app = await workspace.NewProjectWithPackagesAsync(feed, "console", "Shop");
        Directory.CreateDirectory(Path.Combine(app, "specs"));
        File.Copy(RepositoryPaths.Combine("spec", "lightsail-bucket-access-keys.yaml"), Path.Combine(app, "specs", "bucket-keys.yaml"));
        Workspace.AddItems(Path.Combine(app, "Shop.csproj"), """<OpenApiContract Include="specs/bucket-keys.yaml" Visibility="internal" />""");
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Shop.BucketKeys;

            IBucketKeysClient client = new BucketKeysClient(new HttpClient());
            Console.WriteLine(typeof(BucketKeysClient).IsPublic ? "public" : "internal");
            Console.WriteLine(BucketKeysJsonContext.Default.AccessKey.Type.Name);
            """);

        await workspace.DotNetIn(app, "build", "-nologo");
        var run = await DotNetCli.RunAsync(app, Path.Combine("bin", "Debug", "net10.0", "Shop.dll"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["internal", "AccessKey"], run.Output.Trim().Split('\n').Select(l => l.Trim()));
    }
}
