using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>
/// A closed union generated for a <c>oneOf</c>/<c>anyOf</c>: an abstract record with one nested sealed record per case.
/// </summary>
/// <param name="Discriminator">The member that names the case of an object (<c>discriminator.propertyName</c>), or null.</param>
/// <param name="Directions">The halves of its converter that are generated (<see cref="Passes.JsonDirectionReach"/>); both until that pass runs.</param>
internal sealed record UnionModel(
    EmitTarget Target,
    string Name,
    string? Description,
    string? Discriminator,
    EquatableArray<UnionCaseModel> Cases,
    JsonDirections Directions = JsonDirections.Both);

/// <summary>The JSON token a union case accepts; the converter dispatches on it.</summary>
internal enum UnionToken
{
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,

    /// <summary>Free-form JSON or a nested union: tried last, accepts any token.</summary>
    Any,
}

/// <summary>One case of a union.</summary>
/// <param name="Name">The nested record's name (also the Match/Switch parameter, camel-cased).</param>
/// <param name="ParameterName">The camel-case parameter name of Match/Switch.</param>
/// <param name="DiscriminatorValues">The discriminator values that select this case; the first is written for it.</param>
/// <param name="WritesDiscriminator">The case's record does not declare the discriminator, so writing adds it.</param>
/// <param name="Required">Required member names of an object case (structural matching).</param>
/// <param name="Known">Declared member names of an object case (structural matching).</param>
/// <param name="HasConversion">An implicit conversion from the member type is emitted (not for interfaces or duplicate types).</param>
/// <param name="IsScalar">The case can be formatted as a path, query or header value.</param>
/// <param name="Members">What an object case declares about its members' JSON (kinds, item kinds, constant values), to tell cases with the same member names apart.</param>
internal sealed record UnionCaseModel(
    string Name,
    string ParameterName,
    TypeRef Type,
    UnionToken Token,
    EquatableArray<string> DiscriminatorValues,
    bool WritesDiscriminator,
    EquatableArray<string> Required,
    EquatableArray<string> Known,
    bool HasConversion,
    bool IsScalar,
    EquatableArray<UnionMemberModel> Members = default);

/// <summary>
/// One member of an object case: the JSON kinds it may hold and, for arrays, its items' kinds (flags with the values of
/// <c>Contracts.Runtime.Json.JsonKinds</c>: string 1, number 2, boolean 4, object 8, array 16, null 32; 0 = any), and
/// the only strings it may hold when it is a constant that tells cases apart.
/// </summary>
internal sealed record UnionMemberModel(string Name, int Kinds, int ItemKinds, EquatableArray<string> Values);
