namespace Contracts.Generator.Model;

/// <summary>A header the document declares on a success response of an operation: one typed property of its response class.</summary>
/// <param name="WireName">The header's name as the document spells it (looked up without regard to case).</param>
/// <param name="PropertyName">The property of the response class; empty until the class is named.</param>
/// <param name="Kind">The property's type.</param>
/// <param name="Description">The header's description, for the property's documentation.</param>
internal sealed record ResponseHeaderModel(string WireName, string PropertyName, ResponseHeaderKind Kind, string? Description);
