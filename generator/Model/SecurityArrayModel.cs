using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>
/// A <c>security</c> list (OR of its alternatives) as the client's <c>private static readonly SecurityRequirement[]</c>
/// field; operations with the same list share one field. No alternative means <c>security: []</c> (anonymous only).
/// </summary>
internal sealed record SecurityArrayModel(string FieldName, EquatableArray<SecurityRequirementModel> Alternatives);
