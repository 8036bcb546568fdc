namespace Contracts.Generator.Model;

/// <summary>A client and the facts that decide whether and how its DI extensions are emitted.</summary>
internal sealed record DependencyInjectionModel(ClientModel Client, bool HasConfiguration);
