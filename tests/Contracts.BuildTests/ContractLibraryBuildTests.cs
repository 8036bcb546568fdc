using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.BuildTests;

/// <summary>
/// The contract class library as <c>dotnet new contracts-lib</c> creates it (templates/Contracts.Templates), referenced by
/// a console app: an edit to the app compiles the app only, an edit to the description compiles the library and the app
/// sees it. The template is installed from its folder into a private template cache, and its two package references are
/// replaced by this checkout's generator and runtime (Contracts.PackageTests builds it with the packages).
/// </summary>
public sealed class ContractLibraryBuildTests
{
    private const string GeneratorPackage = """<PackageReference Include="Contracts.Generator" Version="CONTRACTS_PACKAGE_VERSION" PrivateAssets="all" />""";
    private const string RuntimePackage = """<PackageReference Include="Contracts.Runtime" Version="CONTRACTS_PACKAGE_VERSION" />""";

    [Fact]
    public async Task An_app_edit_compiles_the_app_only_and_a_spec_edit_compiles_the_contract_library()
    {
        using var folder = new TempFolder("build-contract-library");
        var spec = File.ReadAllText(RepositoryPaths.Combine("spec", "lightsail-bucket-access-keys.yaml"));
        folder.Write(Path.Combine("specs", "bucket-keys.yaml"), spec);
        await NewContractLibraryAsync(folder, "Acme.Lightsail", "--spec", "../specs/bucket-keys.yaml", "--client-name", "LightsailClient");
        WriteApp(folder, """Console.WriteLine("app 1 " + typeof(Acme.Lightsail.LightsailClient).Name);""");
        var libraryDll = folder.Combine(Path.Combine("Acme.Lightsail", "obj", RepositoryPaths.Configuration, "net10.0", "Acme.Lightsail.dll"));
        var appDll = folder.Combine(Path.Combine("App", "obj", RepositoryPaths.Configuration, "net10.0", "App.dll"));

        await BuildAppAsync(folder);
        Assert.Equal("app 1 LightsailClient", await RunAppAsync(folder));

        var library = File.GetLastWriteTimeUtc(libraryDll);
        var app = File.GetLastWriteTimeUtc(appDll);
        WriteApp(folder, """Console.WriteLine("app 2 " + typeof(Acme.Lightsail.LightsailClient).Name);""");
        await BuildAppAsync(folder);

        Assert.Equal(library, File.GetLastWriteTimeUtc(libraryDll));
        Assert.NotEqual(app, File.GetLastWriteTimeUtc(appDll));
        Assert.Equal("app 2 LightsailClient", await RunAppAsync(folder));

        // A new property in the description: the app can use it only once the library is compiled again.
        var edited = spec.Replace(
            "    GetBucketAccessKeysRequest:\n      type: object\n      required:\n        - bucketName\n      properties:\n",
            "    GetBucketAccessKeysRequest:\n      type: object\n      required:\n        - bucketName\n      properties:\n        includeInactive:\n          type: boolean\n");
        Assert.NotEqual(spec, edited);
        folder.Write(Path.Combine("specs", "bucket-keys.yaml"), edited);
        WriteApp(folder, """Console.WriteLine("app 3 " + new Acme.Lightsail.GetBucketAccessKeysRequest { BucketName = "b", IncludeInactive = true }.IncludeInactive);""");
        await BuildAppAsync(folder);

        Assert.NotEqual(library, File.GetLastWriteTimeUtc(libraryDll));
        Assert.Equal("app 3 True", await RunAppAsync(folder));
    }

    [Fact]
    public async Task The_template_defaults_the_namespace_to_the_project_and_the_client_to_the_file_name()
    {
        using var folder = new TempFolder("build-contract-library-defaults");
        folder.Write(Path.Combine("Shop.Contracts", "bucket-keys.yaml"), File.ReadAllText(RepositoryPaths.Combine("spec", "lightsail-bucket-access-keys.yaml")));
        await NewContractLibraryAsync(folder, "Shop.Contracts", "--spec", "bucket-keys.yaml");
        WriteApp(folder, """Console.WriteLine(typeof(Shop.Contracts.BucketKeysClient).FullName);""");

        await BuildAppAsync(folder);

        Assert.Equal("Shop.Contracts.BucketKeysClient", await RunAppAsync(folder));
    }

    /// <summary>
    /// <c>dotnet new contracts-lib -n NAME ARGUMENTS</c> from the template's folder, then the packages replaced by this
    /// checkout's projects, imported as a <c>ProjectReference</c> consumer imports them (docs/getting-started.md).
    /// </summary>
    private static async Task NewContractLibraryAsync(TempFolder folder, string name, params string[] arguments)
    {
        // A template cache of this test's own, so nothing is installed for the machine's user.
        var hive = folder.Combine("template-cache");
        var install = await DotNetCli.RunAsync(folder.Path, "new", "install", RepositoryPaths.Combine("templates", "Contracts.Templates", "content", "contracts-lib"), "--debug:custom-hive", hive);
        Assert.True(install.ExitCode == 0, install.ToString());
        var create = await DotNetCli.RunAsync(folder.Path, ["new", "contracts-lib", "-n", name, "-o", name, .. arguments, "--debug:custom-hive", hive]);
        Assert.True(create.ExitCode == 0, create.ToString());

        var projectFile = folder.Combine(Path.Combine(name, name + ".csproj"));
        var project = File.ReadAllText(projectFile);
        Assert.Contains(GeneratorPackage, project);
        Assert.Contains(RuntimePackage, project);
        project = project
            .Replace(GeneratorPackage, $"""<ProjectReference Include="{RepositoryPaths.Combine("generator", "Contracts.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />""")
            .Replace(RuntimePackage, $"""<ProjectReference Include="{RepositoryPaths.Combine("runtime", "Contracts.Runtime.csproj")}" />""")
            .Replace("<Project Sdk=\"Microsoft.NET.Sdk\">", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{RepositoryPaths.Combine("generator", "build", "Contracts.Generator.props")}" />
                  <PropertyGroup>
                    <!-- The generator and runtime are built by the test project; as packages, they would not be built either. -->
                    <BuildProjectReferences>false</BuildProjectReferences>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                """)
            .Replace("</Project>", $"""
                  <Import Project="{RepositoryPaths.Combine("generator", "build", "Contracts.Generator.targets")}" />
                </Project>
                """);
        File.WriteAllText(projectFile, project);
        folder.Write(Path.Combine("App", "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!--
                  The runtime as a built assembly: as a transitive project reference the app would build it again, which
                  the package a user has is not.
                -->
                <DisableTransitiveProjectReferences>true</DisableTransitiveProjectReferences>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../{name}/{name}.csproj" />
                <Reference Include="{RepositoryPaths.Combine("runtime", "bin", RepositoryPaths.Configuration, "net8.0", "Contracts.Runtime.dll")}" />
              </ItemGroup>
            </Project>
            """);
    }

    private static void WriteApp(TempFolder folder, string program) => folder.Write(Path.Combine("App", "Program.cs"), program);

    /// <summary>What a user runs: <c>dotnet build</c> of the app, which builds the contract library it references first.</summary>
    private static async Task BuildAppAsync(TempFolder folder)
    {
        var build = await DotNetCli.RunAsync(folder.Combine("App"), "build", "-c", RepositoryPaths.Configuration, "-nologo", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.ToString());
    }

    private static async Task<string> RunAppAsync(TempFolder folder)
    {
        var run = await DotNetCli.RunAsync(folder.Combine("App"), Path.Combine("bin", RepositoryPaths.Configuration, "net10.0", "App.dll"));
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output.Trim();
    }
}
