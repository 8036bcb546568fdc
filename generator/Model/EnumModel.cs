using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>An open enum generated for a string or integer schema with <c>enum</c> values.</summary>
/// <param name="IsInteger">Backed by a <c>long</c> (an integer schema) rather than a string.</param>
internal sealed record EnumModel(
    EmitTarget Target,
    string Name,
    string? Description,
    EquatableArray<EnumMemberModel> Members,
    bool IsInteger = false,
    bool IsDeprecated = false);

/// <summary>One enum member and the JSON value it stands for (the string, or an integer's invariant digits).</summary>
internal sealed record EnumMemberModel(string Name, string JsonValue);
