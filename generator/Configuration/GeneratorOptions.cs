using Contracts.Generator.Helpers;

namespace Contracts.Generator.Configuration;

/// <summary>
/// The options of one spec file, read from its AdditionalFiles metadata (raw, as the user wrote them; the parser
/// validates and defaults them). Equatable, so that unchanged options keep the pipeline cached.
/// </summary>
/// <param name="Namespace"><c>ContractsNamespace</c>: the namespace of the generated code.</param>
/// <param name="ClientName"><c>ContractsClientName</c>: the client class name.</param>
/// <param name="Visibility"><c>ContractsVisibility</c>: <c>public</c> (default) or <c>internal</c>.</param>
/// <param name="RootNamespace">The project's RootNamespace, the base of the default namespace.</param>
/// <param name="IsMarked">The file was explicitly marked as a contract (any of the metadata above, or <c>OpenApiContract</c>).</param>
/// <param name="Selection">The operation filters (<c>ContractsIncludeTags</c> … <c>ContractsExcludeMethods</c>); null when none is set.</param>
/// <param name="Overlays"><c>ContractsOverlays</c>: the overlay files, as written (split at <c>|</c> or <c>;</c>), in the order they apply.</param>
/// <param name="JsonDirections">
/// <c>ContractsJsonDirections</c>: <c>Used</c> (the default, also when unset) generates each converter's reading and writing
/// only where the contract uses them; <c>Both</c> generates both for every type (<see cref="BothJsonDirections"/>).
/// </param>
/// <param name="Generate">
/// <c>ContractsGenerate</c>: which sides are generated, <c>Client</c> (the default, also when unset), <c>Server</c>, or both
/// (<c>Client;Server</c>, <c>Client|Server</c>, <c>Both</c>), in any case (<see cref="Sides"/>).
/// </param>
internal sealed record GeneratorOptions(
    string? Namespace, string? ClientName, string? Visibility, string? RootNamespace, bool IsMarked, OperationSelection? Selection = null, EquatableArray<string> Overlays = default,
    string? JsonDirections = null, string? Generate = null)
{
    /// <summary>The generated sides; a value that names none of them (CTR147) is the client, what an unset value gives.</summary>
    public Model.GeneratedSides Sides => OptionWords.SidesOf(Generate) ?? Model.GeneratedSides.Client;

    /// <summary>
    /// Every converter reads and writes: any value but <c>Used</c> asks for it, so a misspelt value (CTR146) costs compile
    /// time, never a converter that throws at run time.
    /// </summary>
    public bool BothJsonDirections => OptionWords.MeansBothJsonDirections(JsonDirections);
}
