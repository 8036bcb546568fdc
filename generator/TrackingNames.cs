namespace Contracts.Generator;

/// <summary>The names of the generator's pipeline steps, as seen in tracked run reasons.</summary>
public static class TrackingNames
{
    /// <summary>AdditionalFiles with their options, filtered to OpenAPI documents.</summary>
    public const string ReadSpecs = nameof(ReadSpecs);

    /// <summary>Each .yaml/.yml/.json AdditionalFile with the files its external <c>$ref</c>s name.</summary>
    public const string ScanReferences = nameof(ScanReferences);

    /// <summary>Each spec with the texts of the files its external <c>$ref</c>s reach (unchanged for a spec without any).</summary>
    public const string ResolveReferences = nameof(ResolveReferences);

    /// <summary>Each spec with the texts of the overlays it names (unchanged for a spec without any).</summary>
    public const string ResolveOverlays = nameof(ResolveOverlays);

    /// <summary>Each spec split into its structure and its documentation (descriptions and summaries), so a description edit leaves the parse cached.</summary>
    public const string SplitDocumentation = nameof(SplitDocumentation);

    /// <summary>Each document parsed into a model plus its diagnostics.</summary>
    public const string ParseSpecs = nameof(ParseSpecs);

    /// <summary>Each parsed document with its documentation put back and its diagnostics at their places in the spec.</summary>
    public const string RestoreDocumentation = nameof(RestoreDocumentation);

    /// <summary>The facts read from the compilation (referenced assemblies).</summary>
    public const string CompilationFacts = nameof(CompilationFacts);

    /// <summary>The document's records, enums and unions, one file per first letter of their names.</summary>
    public const string TypeFiles = nameof(TypeFiles);

    /// <summary>One JSON context per document.</summary>
    public const string JsonContexts = nameof(JsonContexts);

    /// <summary>One client per document.</summary>
    public const string Clients = nameof(Clients);

    /// <summary>The dependency-injection extensions of each client, when Microsoft.Extensions.Http is referenced.</summary>
    public const string DependencyInjection = nameof(DependencyInjection);

    /// <summary>The generated ASP.NET Core server of each document that asks for one (<c>Generate</c>), where the project can compile it.</summary>
    public const string Servers = nameof(Servers);

    /// <summary>The compiler-support types the compilation lacks, once per compilation (.NET Framework, netstandard2.0).</summary>
    public const string Polyfills = nameof(Polyfills);

    /// <summary>The diagnostics of each document.</summary>
    public const string Diagnostics = nameof(Diagnostics);
}
