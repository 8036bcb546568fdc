using System;
using System.IO;
using System.Threading.Tasks;

namespace Contracts.BuildTests;

/// <summary>
/// A throw-away consumer project in a temp folder that references the generator the way users do (as an analyzer,
/// with the spec as AdditionalFiles) and is built with the real <c>dotnet build</c>.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    private readonly TempFolder _folder;

    private ConsumerProject(TempFolder folder) => _folder = folder;

    public string Directory => _folder.Path;

    public static ConsumerProject Create(string name) => new(new TempFolder("build-" + name));

    public string PathOf(string relative) => _folder.Combine(relative);

    public void Write(string relative, string content) => _folder.Write(relative, content);

    /// <summary>A project file that consumes the in-repo generator and runtime without rebuilding them.</summary>
    public static string ProjectFile(string specFile, string @namespace, string clientName, string extraItems = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <Import Project="{RepositoryPaths.Combine("generator", "build", "Contracts.Generator.props")}" />
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            <NuGetAudit>false</NuGetAudit>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{RepositoryPaths.Combine("generator", "Contracts.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{RepositoryPaths.Combine("runtime", "Contracts.Runtime.csproj")}" />
            <AdditionalFiles Include="{specFile}" ContractsNamespace="{@namespace}" ContractsClientName="{clientName}" />
          </ItemGroup>
          {extraItems}
        </Project>
        """;

    /// <summary>
    /// A project file that declares its specs as users do, with <c>OpenApiContract</c> items, importing the package's props
    /// and targets by hand as a <c>ProjectReference</c> consumer does (docs/getting-started.md).
    /// </summary>
    public static string ContractProjectFile(string contractItems, bool warningsAsErrors = true) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <Import Project="{RepositoryPaths.Combine("generator", "build", "Contracts.Generator.props")}" />
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>{(warningsAsErrors ? "true" : "false")}</TreatWarningsAsErrors>
            <JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            <NuGetAudit>false</NuGetAudit>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{RepositoryPaths.Combine("generator", "Contracts.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{RepositoryPaths.Combine("runtime", "Contracts.Runtime.csproj")}" />
            {contractItems}
          </ItemGroup>
          <Import Project="{RepositoryPaths.Combine("generator", "build", "Contracts.Generator.targets")}" />
        </Project>
        """;

    public Task<DotNetCli.Result> BuildAsync() =>
        DotNetCli.RunAsync(Directory, "build", "-c", RepositoryPaths.Configuration, "-p:BuildProjectReferences=false", "-nologo", "-clp:NoSummary");

    public string GeneratedFile(string hintName)
    {
        var generated = Path.Combine(Directory, "obj", RepositoryPaths.Configuration, "net10.0", "generated", "Contracts.Generator", "Contracts.Generator.ContractsGenerator");
        return File.ReadAllText(Path.Combine(generated, hintName));
    }

    public void Dispose() => _folder.Dispose();
}
