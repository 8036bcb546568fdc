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
internal sealed record GeneratorOptions(string? Namespace, string? ClientName, string? Visibility, string? RootNamespace, bool IsMarked, OperationSelection? Selection = null);
