using System.Linq;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

// Every model is a sealed record of strings, enums and EquatableArrays: immutable and structurally
// equatable, otherwise we risk breaking incremental caching. No Roslyn or Microsoft.OpenApi types here.

/// <summary>A record generated for an object schema.</summary>
/// <param name="Extra">Where members the schema does not declare are kept (<c>additionalProperties</c> beside <c>properties</c>); null skips them.</param>
/// <param name="SkippedMembers">
/// Undeclared members skipped on reading rather than kept in <paramref name="Extra"/>: the discriminators of the unions
/// this record is a case of without declaring them (the union writes them back).
/// </param>
/// <param name="Base">The C# name of the record this one derives from (<c>allOf</c> with one referenced base); <see cref="Properties"/> are then its own members only.</param>
/// <param name="Hierarchy">Set on every record with a base or derived records: the inherited members, the discriminator and the derived records.</param>
/// <param name="Validates">
/// The record has constraints to check, its own or in the records it holds (<see cref="Passes.ValidationReach"/>):
/// it gets <c>Validate()</c> and implements <c>IValidatable</c>.
/// </param>
/// <param name="Directions">The halves of its converter that are generated (<see cref="Passes.JsonDirectionReach"/>); both until that pass runs.</param>
internal sealed record RecordModel(
    EmitTarget Target,
    string Name,
    string? Description,
    bool IsDeprecated,
    EquatableArray<PropertyModel> Properties,
    ExtraMembersModel? Extra = null,
    EquatableArray<string> SkippedMembers = default,
    string? Base = null,
    HierarchyModel? Hierarchy = null,
    bool Validates = false,
    JsonDirections Directions = JsonDirections.Both)
{
    /// <summary>Every member of the record, the inherited ones first: what it holds on the wire.</summary>
    public EquatableArray<PropertyModel> Members => Hierarchy is { Inherited.IsEmpty: false } hierarchy
        ? hierarchy.Inherited.Concat(Properties).ToEquatableArray()
        : Properties;
}

/// <summary>The dictionary member that keeps undeclared JSON members, read and written back in order.</summary>
/// <param name="Name">The C# property name (collision-safe among the record's members).</param>
/// <param name="ValueType">The type of each value: <see cref="TypeKind.Any"/> for <c>additionalProperties: true</c>.</param>
/// <param name="ValueAllowsNull">A value may be JSON null (<c>additionalProperties: {nullable: true}</c>): the dictionary holds <c>T?</c>.</param>
internal sealed record ExtraMembersModel(string Name, TypeRef ValueType, bool ValueAllowsNull = false)
{
    /// <summary>The dictionary's type.</summary>
    public TypeRef Map => TypeRef.MapOf(ValueType, ValueAllowsNull);
}

/// <summary>A member of a record.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="JsonName">The member name on the wire.</param>
/// <param name="IsRequired">Declared in the schema's <c>required</c> list: the C# member is <c>required</c>.</param>
/// <param name="IsNullable">The C# type is nullable: the schema allows null, or the member is optional.</param>
/// <param name="AllowsNull">The schema allows a JSON null (so a required member may be written as null).</param>
/// <param name="IsSecret">A credential (by name, <c>format: password</c> or <c>writeOnly</c>): <c>ToString()</c> hides it.</param>
/// <param name="Access">Whether the member only comes from the service (<c>readOnly</c>) or only goes to it (<c>writeOnly</c>).</param>
/// <param name="Constraints">The validation keywords of the member's value and how the check walks into it; null when there is nothing to check.</param>
/// <param name="DefaultJson">The schema's <c>default</c> as JSON text, for the docs (never an initialiser: unset members are not sent).</param>
/// <param name="DefaultValue">
/// The schema's <c>default</c> where it fits the type and the member is optional: a response that leaves the member
/// out reads as it (never an initialiser: a request member the user leaves unset is not sent). Null otherwise.
/// </param>
/// <param name="ConstantValue">
/// The only value a required member can hold (a one-value <c>enum</c>, a <c>const</c>): the C# member is initialised to it
/// and not <c>required</c>, so requests send it without the user writing it. Null otherwise.
/// </param>
/// <param name="DeclaredValue">
/// The one value an optional member's one-value string enum declares (the member is a <c>string</c>, unset by default):
/// the docs name it, as the type that named it is gone. Null otherwise.
/// </param>
internal sealed record PropertyModel(
    string Name,
    string JsonName,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    bool AllowsNull,
    string? Description,
    bool IsDeprecated,
    bool IsSecret = false,
    MemberAccess Access = MemberAccess.ReadWrite,
    string? DefaultJson = null,
    ConstraintsModel? Constraints = null,
    LiteralValue? DefaultValue = null,
    LiteralValue? ConstantValue = null,
    string? DeclaredValue = null);

/// <summary>The direction a member travels in, from <c>readOnly</c> / <c>writeOnly</c>.</summary>
internal enum MemberAccess
{
    ReadWrite,

    /// <summary>Sent by the service only: never <c>required</c> in C#, so request bodies can leave it unset (and then do not send it).</summary>
    ReadOnly,

    /// <summary>Sent to the service only: never <c>required</c> in C#, so responses without it still read.</summary>
    WriteOnly,
}
