using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.PackageTests;

/// <summary>
/// What docs/contract-library.md tells a user of a large description to do: <c>dotnet new install Contracts.Templates</c>,
/// <c>dotnet new contracts-lib</c>, a console app referencing the library; build, run. Everything from <see cref="LocalFeed"/>.
/// </summary>
[Collection(LocalFeedCollection.Name)]
public sealed class ContractLibraryTemplateTests(LocalFeed feed)
{
    [Fact]
    public void The_template_package_references_the_packages_of_its_own_version()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Directory, "Contracts.Templates." + feed.Version + ".nupkg"));
        var content = package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("content/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToList();

        Assert.Equal(
            [
                "content/contracts-lib/.template.config/dotnetcli.host.json",
                "content/contracts-lib/.template.config/template.json",
                "content/contracts-lib/ContractLibrary.csproj",
            ],
            content);
        using var project = new StreamReader(package.GetEntry("content/contracts-lib/ContractLibrary.csproj")!.Open());
        var text = project.ReadToEnd();
        Assert.Contains($"""<PackageReference Include="Contracts.Generator" Version="{feed.Version}" PrivateAssets="all" />""", text);
        Assert.Contains($"""<PackageReference Include="Contracts.Runtime" Version="{feed.Version}" />""", text);
        using var nuspec = new StreamReader(package.GetEntry("Contracts.Templates.nuspec")!.Open());
        Assert.Contains("""<packageType name="Template" />""", nuspec.ReadToEnd());
    }

    [Fact]
    public async Task An_app_referencing_a_contract_library_from_the_installed_template_calls_the_service()
    {
        using var workspace = Workspace.Create("contract-library");
        workspace.Write("nuget.config", feed.NuGetConfig());
        // A template cache of this test's own, so nothing is installed for the machine's user.
        var hive = Path.Combine(workspace.Directory, "template-cache");
        await workspace.DotNet("new", "install", "Contracts.Templates::" + feed.Version, "--add-source", feed.Directory, "--debug:custom-hive", hive);
        workspace.Write(Path.Combine("specs", "bucket-keys.yaml"), File.ReadAllText(RepositoryPaths.Combine("spec", "lightsail-bucket-access-keys.yaml")));
        await workspace.DotNet("new", "contracts-lib", "-n", "Acme.Lightsail", "--spec", "../specs/bucket-keys.yaml", "--client-name", "LightsailClient", "--debug:custom-hive", hive);
        await workspace.DotNet("new", "console", "-o", "App", "--framework", "net10.0");
        var app = Path.Combine(workspace.Directory, "App");
        await workspace.DotNetIn(app, "add", "reference", Path.Combine("..", "Acme.Lightsail", "Acme.Lightsail.csproj"));
        File.WriteAllText(Path.Combine(app, "Program.cs"), NewUserTests.SeedProgram("Acme.Lightsail"));

        await workspace.DotNetIn(app, "build", "-nologo");

        // The runtime reaches the app through the library; the generator stays a build-time dependency of the library.
        await NewUserTests.AssertSeedAppCallsTheServiceAsync(app);
    }
}
