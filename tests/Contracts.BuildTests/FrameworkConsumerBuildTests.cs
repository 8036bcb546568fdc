using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.BuildTests;

/// <summary>
/// .NET Framework 4.8 and netstandard2.0 consumers, built with the real <c>dotnet build</c> as a new user's projects are:
/// the generator adds the compiler-support types their framework lacks (and only those), the generated code compiles
/// with zero warnings, and a project that gets the types from PolySharp gets no second copy. Nothing runs the net48
/// program: this machine has no .NET Framework (the runtime's netstandard2.0 build is exercised by
/// Contracts.Runtime.NetStandardTests instead).
/// </summary>
public sealed class FrameworkConsumerBuildTests
{
    private static readonly Regex Warning = new(@": warning [A-Z]+\d+", RegexOptions.Compiled);

    [Fact]
    public async Task A_net48_console_app_builds_the_seed_and_Lightsail_clients_with_zero_warnings()
    {
        using var project = ConsumerProject.Create("net48");
        project.Write("Consumer.csproj", ProjectFile("net48", "Exe",
            Contract("spec/lightsail-bucket-access-keys.yaml", "Consumer.Api", "BucketKeysClient")
            + Contract("spec/aws/lightsail-2016-11-28.yaml", "Consumer.Lightsail", "LightsailClient")));
        project.Write("Program.cs", """
            using System;
            using System.Net.Http;
            using Consumer.Api;

            internal static class Program
            {
                private static void Main()
                {
                    // A required member set by the user, an init-only one, and the client over HttpClient.
                    var request = new GetBucketAccessKeysRequest { BucketName = "demo-bucket" };
                    var copy = request with { BucketName = "other-bucket" };
                    IBucketKeysClient client = new BucketKeysClient(new HttpClient { BaseAddress = new Uri("https://example.com/") });
                    Console.WriteLine(copy.BucketName + client.GetType().Name);
                    var keys = new Consumer.Lightsail.GetBucketAccessKeysRequest { BucketName = copy.BucketName };
                    Console.WriteLine(keys.BucketName);
                }
            }
            """);

        var build = await project.BuildAsync();

        AssertBuiltCleanly(build);
        Assert.True(File.Exists(Path.Combine(project.Directory, "bin", RepositoryPaths.Configuration, "net48", "Consumer.exe")), build.ToString());
        var polyfills = GeneratedFile(project, "net48", "Contracts.Polyfills.g.cs");
        Assert.Contains("internal static class IsExternalInit", polyfills);
        foreach (var attribute in new[] { "RequiredMemberAttribute", "CompilerFeatureRequiredAttribute", "SetsRequiredMembersAttribute" })
        {
            Assert.Contains("internal sealed class " + attribute, polyfills);
        }
    }

    [Fact]
    public async Task A_netstandard20_library_builds_the_seed_and_GitHub_clients_with_zero_warnings_and_its_own_IsExternalInit()
    {
        using var project = ConsumerProject.Create("netstandard20");
        project.Write("Consumer.csproj", ProjectFile("netstandard2.0", "Library",
            Contract("spec/lightsail-bucket-access-keys.yaml", "Consumer.Api", "BucketKeysClient")
            + Contract("spec/vendors/github-api-1.1.4.yaml", "Consumer.GitHub", "GitHubClient")));

        // The library declares IsExternalInit itself, as many netstandard2.0 libraries do: the generator adds the other
        // three and no second IsExternalInit (CS0101), and the compiler sees one definition (no CS0436).
        project.Write("IsExternalInit.cs", "namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }");
        project.Write("Use.cs", """
            namespace Consumer
            {
                public static class Use
                {
                    public static Consumer.Api.GetBucketAccessKeysRequest Request(string bucket) => new() { BucketName = bucket };
                }
            }
            """);

        var build = await project.BuildAsync();

        AssertBuiltCleanly(build);
        var polyfills = GeneratedFile(project, "netstandard2.0", "Contracts.Polyfills.g.cs");
        Assert.DoesNotContain("IsExternalInit", polyfills);
        Assert.Contains("internal sealed class RequiredMemberAttribute", polyfills);
        Assert.Contains("internal sealed class SetsRequiredMembersAttribute", polyfills);
    }

    [Fact]
    public async Task A_library_with_PolySharp_gets_no_second_copy_of_the_polyfills()
    {
        using var project = ConsumerProject.Create("polysharp");
        project.Write("Consumer.csproj", ProjectFile("netstandard2.0", "Library",
            Contract("spec/lightsail-bucket-access-keys.yaml", "Consumer.Api", "BucketKeysClient")
            + """<PackageReference Include="PolySharp" Version="1.17.1" PrivateAssets="all" />"""));

        var build = await project.BuildAsync();

        // Both generators adding IsExternalInit and the attributes would be CS0101 errors; PolySharp adds them here.
        AssertBuiltCleanly(build);
        Assert.False(GeneratedFileExists(project, "netstandard2.0", "Contracts.Polyfills.g.cs"), "the generator added polyfills beside PolySharp's");
        Assert.True(
            Directory.Exists(Path.Combine(project.Directory, "obj", RepositoryPaths.Configuration, "netstandard2.0", "generated", "PolySharp.SourceGenerators")),
            "PolySharp generated nothing, so the test proves nothing");
    }

    private static void AssertBuiltCleanly(DotNetCli.Result build)
    {
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(Warning, build.Output);
    }

    private static string Contract(string spec, string @namespace, string clientName) =>
        $"""<OpenApiContract Include="{RepositoryPaths.Combine(spec.Split('/'))}" Namespace="{@namespace}" ClientName="{clientName}" />""" + "\n";

    // As a user's project: the package's props and targets (imported by hand, as a ProjectReference consumer does), the
    // C# version the generated code needs (the SDK's default for these frameworks is 7.3: CTR131), nullable on, warnings
    // as errors. The .NET Framework reference assemblies come from the package the SDK adds implicitly on Linux.
    private static string ProjectFile(string targetFramework, string outputType, string items) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <Import Project="{RepositoryPaths.Combine("generator", "build", "Contracts.Generator.props")}" />
          <PropertyGroup>
            <OutputType>{outputType}</OutputType>
            <TargetFramework>{targetFramework}</TargetFramework>
            <LangVersion>latest</LangVersion>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            <NuGetAudit>false</NuGetAudit>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{RepositoryPaths.Combine("generator", "Contracts.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{RepositoryPaths.Combine("runtime", "Contracts.Runtime.csproj")}" />
            {items}
          </ItemGroup>
          <Import Project="{RepositoryPaths.Combine("generator", "build", "Contracts.Generator.targets")}" />
        </Project>
        """;

    private static string GeneratedPath(ConsumerProject project, string targetFramework, string hintName) =>
        Path.Combine(project.Directory, "obj", RepositoryPaths.Configuration, targetFramework, "generated", "Contracts.Generator", "Contracts.Generator.ContractsGenerator", hintName);

    private static bool GeneratedFileExists(ConsumerProject project, string targetFramework, string hintName) =>
        File.Exists(GeneratedPath(project, targetFramework, hintName));

    private static string GeneratedFile(ConsumerProject project, string targetFramework, string hintName) =>
        File.ReadAllText(GeneratedPath(project, targetFramework, hintName));
}
