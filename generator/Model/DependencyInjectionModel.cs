namespace Contracts.Generator.Model;

/// <summary>A client and the facts that decide whether and how its DI extensions are emitted.</summary>
/// <param name="Client">The client registered.</param>
/// <param name="HasConfiguration">Options can bind from configuration.</param>
/// <param name="HasResilience">Retries go through Microsoft.Extensions.Http.Resilience rather than the runtime's <c>RetryHandler</c> (not for AWS clients, whose protocol retries and re-signs).</param>
internal sealed record DependencyInjectionModel(ClientModel Client, bool HasConfiguration, bool HasResilience = false);
