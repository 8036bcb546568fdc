using System;
using System.Collections.Generic;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading;
using Contracts.Generator.Translation.Naming;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SharpYaml.Serialization;

namespace Contracts.Generator.Translation;

/// <summary>
/// The <c>x-contracts-*</c> extensions a user adds (usually through an overlay) to fix what a vendor's description
/// names or types badly: <c>x-contracts-name</c> (a type, member, method or parameter name), <c>x-contracts-enum-names</c>
/// (enum member names by wire value) and <c>x-contracts-type</c> (a C# type of the user's instead of a generated one).
/// Reads and checks the values only; a value that cannot be used is CTR139 and reads as absent. The translators
/// apply them where they decide names (docs/overrides.md).
/// </summary>
internal static class Overrides
{
    public const string NameKey = "x-contracts-name";
    public const string EnumNamesKey = "x-contracts-enum-names";
    public const string TypeKey = "x-contracts-type";

    /// <summary>The name <c>x-contracts-name</c> gives the element at <paramref name="pointer"/>, or null (none, or not usable: CTR139).</summary>
    public static string? NameOf(IDictionary<string, IOpenApiExtension>? extensions, string pointer, DiagnosticBag diagnostics)
    {
        if (extensions is null || !extensions.TryGetValue(NameKey, out var extension))
        {
            return null;
        }

        return CheckedName(JsonValues.AsString(JsonValues.Of(extension)), pointer + "/" + NameKey, NameKey, diagnostics);
    }

    /// <summary>
    /// The <c>x-contracts-name</c> written beside a <c>$ref</c> (a property <c>{$ref: …, x-contracts-name: …}</c>): the
    /// reader replaces such a node by the referenced schema and drops its siblings, so the name is read from the tree.
    /// </summary>
    public static string? SiblingNameOf(DocumentFacts facts, string pointer, DiagnosticBag diagnostics)
    {
        if (!facts.Mentions(NameKey))
        {
            return null;
        }

        var node = NodeAt(facts, pointer + "/" + NameKey);
        return node is null ? null : CheckedName((node as YamlScalarNode)?.Value, pointer + "/" + NameKey, NameKey, diagnostics);
    }

    /// <summary>
    /// The C# member names <c>x-contracts-enum-names</c> gives, by wire value (the JSON text of a string or integer
    /// value). Each unusable name is CTR139 and left out; so is the whole map when it is not a map of strings.
    /// </summary>
    public static IReadOnlyDictionary<string, string> EnumNamesOf(IDictionary<string, IOpenApiExtension> extensions, string pointer, DiagnosticBag diagnostics)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!extensions.TryGetValue(EnumNamesKey, out var extension))
        {
            return names;
        }

        var at = pointer + "/" + EnumNamesKey;
        if (JsonValues.Of(extension) is not JsonObject map)
        {
            diagnostics.Add(DiagnosticDescriptors.OverrideNotUsable, at, EnumNamesKey, "it is not a map from enum values to C# member names");
            return names;
        }

        foreach (var entry in map)
        {
            if (CheckedName(JsonValues.AsString(entry.Value), at + "/" + SchemaShapes.Escape(entry.Key), EnumNamesKey, diagnostics) is { } name)
            {
                names[entry.Key] = name;
            }
        }

        return names;
    }

    /// <summary>
    /// The C# type <c>x-contracts-type</c> names, without <c>global::</c> (the emitter adds it), or null (none, or not
    /// a fully qualified non-generic type name: CTR139).
    /// </summary>
    public static string? TypeOf(IDictionary<string, IOpenApiExtension> extensions, string pointer, DiagnosticBag diagnostics)
    {
        if (!extensions.TryGetValue(TypeKey, out var extension))
        {
            return null;
        }

        var at = pointer + "/" + TypeKey;
        if (JsonValues.AsString(JsonValues.Of(extension)) is not { } value)
        {
            diagnostics.Add(DiagnosticDescriptors.OverrideNotUsable, at, TypeKey, "it is not a string naming a C# type");
            return null;
        }

        var name = value.StartsWith("global::", StringComparison.Ordinal) ? value.Substring("global::".Length) : value;
        var parts = name.Split('.');
        foreach (var part in parts)
        {
            if (Identifiers.ProblemWith(part) is { } problem)
            {
                diagnostics.Add(
                    DiagnosticDescriptors.OverrideNotUsable,
                    at,
                    TypeKey,
                    "'" + value + "' is not the fully qualified name of a non-generic C# type (Namespace.Type; " + (part.Length == 0 ? "a part is empty" : problem) + ")");
                return null;
            }
        }

        if (parts.Length < 2)
        {
            diagnostics.Add(DiagnosticDescriptors.OverrideNotUsable, at, TypeKey, "'" + value + "' is not fully qualified: name the type with its namespace (MyCompany.Billing.Money)");
            return null;
        }

        return name;
    }

    private static string? CheckedName(string? value, string pointer, string key, DiagnosticBag diagnostics)
    {
        if (value is null)
        {
            diagnostics.Add(DiagnosticDescriptors.OverrideNotUsable, pointer, key, "it is not a string");
            return null;
        }

        if (Identifiers.ProblemWith(value) is { } problem)
        {
            diagnostics.Add(DiagnosticDescriptors.OverrideNotUsable, pointer, key, problem);
            return null;
        }

        return value;
    }

    private static YamlNode? NodeAt(DocumentFacts facts, string pointer)
    {
        const string Components = "#/components/schemas/";
        // A Swagger 2.0 document keeps its schemas under definitions.
        return facts.NodeAt(pointer)
            ?? (pointer.StartsWith(Components, StringComparison.Ordinal) ? facts.NodeAt("#/definitions/" + pointer.Substring(Components.Length)) : null);
    }
}
