using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Cli.Generation;

/// <summary>
/// The compilation the generator runs in and the generated code is compiled as: a C# (latest) library with nullable
/// enabled that references the framework this tool runs on and Contracts.Runtime. The references are loaded once and
/// shared by every spec.
/// </summary>
internal static class CompilerSetup
{
    /// <summary>
    /// As csc parses a project without GenerateDocumentationFile (no /doc): doc comments are plain comments. Parsing them
    /// would report nothing more and costs about a quarter of the compile time of a large spec.
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
        {
            // The SDK's default NoWarn: assembly-version unification notes.
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    /// <summary>
    /// What the generator learns from <see cref="CreateEmptyCompilation"/>: Contracts.Runtime (its net8.0 build, with the
    /// DateOnly reader) is referenced, Microsoft.Extensions.Http is not. <c>generate</c> runs without a compilation and uses these.
    /// </summary>
    public static readonly Contracts.Generator.Model.CompilationFacts Facts = new(HasRuntime: true, HasHttpClientFactory: false, HasConfiguration: false, HasDateOnly: true);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static readonly Lazy<ImmutableArray<MetadataReference>> ServerReferences = new(LoadServerReferences);

    /// <summary>An empty library for the generator to run in; it must reference Contracts.Runtime or the generator reports CTR007.</summary>
    public static CSharpCompilation CreateEmptyCompilation(string assemblyName) =>
        CSharpCompilation.Create(assemblyName, syntaxTrees: null, References.Value, CompilationOptions);

    /// <summary>
    /// The same for a project that generates the server too: it also references ASP.NET Core and Contracts.Runtime.AspNetCore,
    /// as a project with <c>FrameworkReference Microsoft.AspNetCore.App</c> and the package does (else the generator reports CTR148).
    /// </summary>
    public static CSharpCompilation CreateEmptyServerCompilation(string assemblyName) =>
        CSharpCompilation.Create(assemblyName, syntaxTrees: null, ServerReferences.Value, CompilationOptions);

    /// <summary>Loads the server's references now; throws <see cref="FrameworkNotFoundException"/> when ASP.NET Core is not installed.</summary>
    public static void EnsureServerReferences() => _ = ServerReferences.Value;

    private static ImmutableArray<MetadataReference> LoadReferences() =>
        FrameworkAssemblies.Paths()
            .Append(RuntimeAssemblyPath())
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    private static ImmutableArray<MetadataReference> LoadServerReferences() =>
        References.Value.AddRange(
            FrameworkAssemblies.AspNetCorePaths()
                .Append(ServerRuntimeAssemblyPath())
                .Distinct(StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)));

    /// <summary>
    /// Contracts.Runtime beside the tool (Contracts.Runtime.AspNetCore too, always as a plain file: the tool does not reference it): a file of the JIT-compiled tool's folder, and shipped as a plain file beside the
    /// Native AOT executable (the csproj copies it there) because AOT compiles the tool's own copy into the binary.
    /// </summary>
    private static string ServerRuntimeAssemblyPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Contracts.Runtime.AspNetCore.dll");
        return File.Exists(path) ? path : throw new FrameworkNotFoundException($"--server compiles against Contracts.Runtime.AspNetCore, and {path} is missing (reinstall the tool)");
    }

    private static string RuntimeAssemblyPath() => Path.Combine(AppContext.BaseDirectory, "Contracts.Runtime.dll");
}
