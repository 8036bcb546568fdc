namespace Contracts.Generator.Model;

/// <summary>A discriminator value and the derived record it reads as.</summary>
internal sealed record HierarchyCaseModel(string Value, string Record);
