#!/usr/bin/env bash
# Does Microsoft.OpenApi 3.x (netstandard2.0) load inside the compiler, as the generator would ship it? Builds a probe
# source generator that reads a spec with Microsoft.OpenApi 3.11.1 + Microsoft.OpenApi.YamlReader (only those two and
# SharpYaml beside it, as the generator ships its reader today: System.* come from the compiler host), then a project
# that uses it with `dotnet build` (the SDK's compiler server), and prints what the generator saw: the document's path
# count and errors, and which System.Text.Json, Microsoft.OpenApi and SharpYaml it ran with.
# Usage: benchmarks/Contracts.Benchmarks.Reading/host-loading.sh [spec.yaml]   (default: spec/vendors/github-api-1.1.4.yaml)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
spec="$(realpath "${1:-$root/spec/vendors/github-api-1.1.4.yaml}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/gen" "$work/app"

cat > "$work/gen/gen.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework><LangVersion>latest</LangVersion><Nullable>enable</Nullable>
    <EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules><IsRoslynComponent>true</IsRoslynComponent>
    <GetTargetPathDependsOn>$(GetTargetPathDependsOn);GetDependencyTargetPaths</GetTargetPathDependsOn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" />
    <PackageReference Include="Microsoft.OpenApi" Version="3.11.1" PrivateAssets="all" GeneratePathProperty="true" />
    <PackageReference Include="Microsoft.OpenApi.YamlReader" Version="3.11.1" PrivateAssets="all" GeneratePathProperty="true" />
    <PackageReference Include="SharpYaml" Version="2.1.5" PrivateAssets="all" GeneratePathProperty="true" />
  </ItemGroup>
  <Target Name="GetDependencyTargetPaths">
    <ItemGroup>
      <TargetPathWithTargetPlatformMoniker Include="$(PkgMicrosoft_OpenApi)/lib/netstandard2.0/Microsoft.OpenApi.dll" IncludeRuntimeDependency="false" />
      <TargetPathWithTargetPlatformMoniker Include="$(PkgMicrosoft_OpenApi_YamlReader)/lib/netstandard2.0/Microsoft.OpenApi.YamlReader.dll" IncludeRuntimeDependency="false" />
      <TargetPathWithTargetPlatformMoniker Include="$(PkgSharpYaml)/lib/netstandard2.0/SharpYaml.dll" IncludeRuntimeDependency="false" />
    </ItemGroup>
  </Target>
</Project>
XML

cat > "$work/gen/ProbeGenerator.cs" <<'CS'
using System;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

[Generator]
public sealed class ProbeGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterSourceOutput(context.AdditionalTextsProvider, (output, file) =>
        {
            var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
            settings.AddYamlReader();
            var result = OpenApiDocument.Parse(file.GetText()!.ToString(), OpenApiConstants.Yaml, settings);
            string Where(Type t) => t.Assembly.GetName().Version + " from " + t.Assembly.Location.Replace("\\", "/");
            output.AddSource("Probe.g.cs", "internal static class Probe {\n"
                + "  public const string Text = @\"paths " + (result.Document?.Paths?.Count ?? -1) + ", errors " + result.Diagnostic!.Errors.Count
                + ", version " + result.Diagnostic.SpecificationVersion + "\n"
                + "compiler runtime: " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + "\n"
                + "System.Text.Json " + Where(typeof(System.Text.Json.Nodes.JsonNode)) + "\n"
                + "Microsoft.OpenApi " + Where(typeof(OpenApiDocument)) + "\n"
                + "SharpYaml " + Where(typeof(SharpYaml.Serialization.YamlStream)) + "\";\n}\n");
        });
    }
}
CS

cat > "$work/app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="../gen/gen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <AdditionalFiles Include="$spec" />
  </ItemGroup>
</Project>
XML
echo 'System.Console.WriteLine(Probe.Text);' > "$work/app/Program.cs"

echo "SDK $(dotnet --version); spec $spec"
# Warnings such as CS8032 (analyzer cannot be created) or CS8784/CS8785 (generator failed) are the failure signs.
dotnet build "$work/app" -v q -nologo 2>&1 | grep -E "warning|error" | sort -u || echo "build: no warnings, no errors"
dotnet "$work/app/bin/Debug/net10.0/app.dll"
