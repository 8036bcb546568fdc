namespace Contracts.Generator.Model;

/// <summary>
/// What the consuming compilation references, read once per compilation into an equatable record so that a C#
/// edit changes nothing downstream.
/// </summary>
/// <param name="HasRuntime">Contracts.Runtime is referenced (the generated code needs it).</param>
/// <param name="HasHttpClientFactory">Microsoft.Extensions.Http is referenced: the DI extensions are emitted.</param>
/// <param name="HasConfiguration">Microsoft.Extensions.Configuration.Abstractions is referenced: options can bind from configuration.</param>
/// <param name="HasResilience">Microsoft.Extensions.Http.Resilience is referenced: the DI extensions retry through its resilience handler (else through the runtime's <c>RetryHandler</c>).</param>
/// <param name="HasDateOnly">System.DateOnly exists and the referenced runtime can read and write it: <c>format: date</c> becomes <c>DateOnly</c> (else <c>string</c>).</param>
/// <param name="Polyfills">The compiler-support types the compilation lacks (.NET Framework, netstandard2.0): the generator adds them, internal.</param>
/// <param name="OldLanguageVersion">The project's C# version, when it is older than the generated code needs (CTR131; nothing is generated); else null.</param>
/// <param name="HasAspNetCore">ASP.NET Core routing (<c>IEndpointRouteBuilder</c>) is referenced: the generated server can map endpoints.</param>
/// <param name="HasServerRuntime">Contracts.Runtime.AspNetCore (<c>RequestBinder</c>) is referenced: the generated server can bind requests.</param>
/// <param name="HasServerOpenApi">Contracts.Runtime.AspNetCore.OpenApi is referenced: the generated server carries its types' schemas for the app's own OpenAPI document.</param>
internal sealed record CompilationFacts(
    bool HasRuntime, bool HasHttpClientFactory, bool HasConfiguration, bool HasDateOnly = false, bool HasResilience = false, PolyfillKinds Polyfills = PolyfillKinds.None,
    string? OldLanguageVersion = null, bool HasAspNetCore = false, bool HasServerRuntime = false, bool HasServerOpenApi = false)
{
    /// <summary>What a generated server needs that the project lacks, as the text of CTR148 (what is missing, what to add); null when nothing is.</summary>
    public (string Missing, string Add)? ServerNeeds => (HasAspNetCore, HasServerRuntime) switch
    {
        (true, true) => null,
        (false, true) => ("ASP.NET Core (Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)", "<FrameworkReference Include=\"Microsoft.AspNetCore.App\" /> (or use the Microsoft.NET.Sdk.Web SDK)"),
        (true, false) => ("Contracts.Runtime.AspNetCore (Contracts.Runtime.AspNetCore.RequestBinder)", "a PackageReference to Contracts.Runtime.AspNetCore"),
        _ => ("ASP.NET Core (Microsoft.AspNetCore.Routing.IEndpointRouteBuilder) nor Contracts.Runtime.AspNetCore (Contracts.Runtime.AspNetCore.RequestBinder)",
            "<FrameworkReference Include=\"Microsoft.AspNetCore.App\" /> and a PackageReference to Contracts.Runtime.AspNetCore"),
    };
}
