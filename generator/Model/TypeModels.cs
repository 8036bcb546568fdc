using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

// Every model is a sealed record of strings, enums and EquatableArrays: immutable and structurally
// equatable, otherwise we risk breaking incremental caching. No Roslyn or Microsoft.OpenApi types here.

/// <summary>Where and how one document's code is emitted; every fanned-out model carries it.</summary>
/// <param name="Namespace">The namespace of every generated type.</param>
/// <param name="ClientName">The client class; also the prefix of every hint name.</param>
/// <param name="InterfaceName">The client interface.</param>
/// <param name="OptionsName">The client options class.</param>
/// <param name="ContextName">The JSON serializer context.</param>
/// <param name="ServiceExtensionsName">The static class with the dependency-injection extension methods.</param>
/// <param name="Accessibility"><c>public</c> or <c>internal</c>.</param>
/// <param name="GeneratorVersion">Stamped into <c>[GeneratedCode]</c>.</param>
/// <param name="EpochTimestamps">Timestamps are written as epoch seconds (the AWS JSON protocol) instead of ISO-8601.</param>
internal sealed record EmitTarget(
    string Namespace,
    string ClientName,
    string InterfaceName,
    string OptionsName,
    string ContextName,
    string ServiceExtensionsName,
    string Accessibility,
    string GeneratorVersion,
    bool EpochTimestamps = false);

/// <summary>A record generated for an object schema.</summary>
internal sealed record RecordModel(
    EmitTarget Target,
    string Name,
    string? Description,
    bool IsDeprecated,
    EquatableArray<PropertyModel> Properties);

/// <summary>A member of a record.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="JsonName">The member name on the wire.</param>
/// <param name="IsRequired">Declared in the schema's <c>required</c> list: the C# member is <c>required</c>.</param>
/// <param name="IsNullable">The C# type is nullable: the schema allows null, or the member is optional.</param>
/// <param name="AllowsNull">The schema allows a JSON null (so a required member may be written as null).</param>
/// <param name="IsSecret">A credential (by name, <c>format: password</c> or <c>writeOnly</c>): <c>ToString()</c> hides it.</param>
internal sealed record PropertyModel(
    string Name,
    string JsonName,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    bool AllowsNull,
    string? Description,
    bool IsDeprecated,
    bool IsSecret = false);

/// <summary>An enum generated for a string schema with <c>enum</c> values.</summary>
internal sealed record EnumModel(
    EmitTarget Target,
    string Name,
    string? Description,
    EquatableArray<EnumMemberModel> Members);

/// <summary>One enum member and the JSON string it stands for.</summary>
internal sealed record EnumMemberModel(string Name, string JsonValue);
