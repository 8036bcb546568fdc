using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>Enum schemas → open enums: string-backed, or integer-backed with names the document gives or <c>ValueN</c>. Owns the enums it builds.</summary>
internal sealed class EnumTranslator
{
    // Members every generated open enum has; a value with one of these names is renamed.
    private static readonly string[] s_enumMembers =
    {
        "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone",
    };

    private readonly EmitTarget _target;
    private readonly TypeRegistry _registry;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<EnumModel> _enums = new();
    private readonly Dictionary<string, EnumModel> _byName = new(StringComparer.Ordinal);

    public EnumTranslator(EmitTarget target, TypeRegistry registry, DiagnosticBag diagnostics)
    {
        _target = target;
        _registry = registry;
        _diagnostics = diagnostics;
    }

    /// <summary>The enums defined so far, in the order they were defined.</summary>
    public IReadOnlyList<EnumModel> Enums => _enums;

    /// <summary>Builds the enum <paramref name="name"/> (already claimed) of <paramref name="schema"/> and returns its type.</summary>
    public TypeRef Define(string name, IOpenApiSchema schema, string pointer)
    {
        var model = BuildEnum(name, schema, pointer);
        _enums.Add(model);
        _byName[name] = model;
        return new TypeRef(TypeKind.Enum, name);
    }

    /// <summary>The enum named <paramref name="name"/>, when this translator built it (merged union enums are built elsewhere).</summary>
    public EnumModel? Find(string name) => _byName.TryGetValue(name, out var model) ? model : null;

    private EnumModel BuildEnum(string name, IOpenApiSchema schema, string pointer)
    {
        var members = new UniqueNameBuilder(s_enumMembers);
        members.Reserve(name);
        var isInteger = IsIntegerEnum(schema);
        var declaredNames = DeclaredEnumNames(schema);
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        var values = new List<(string Json, string Derived)>();
        for (var i = 0; i < schema.EnumList().Count; i++)
        {
            // A null member is not a value of the struct: it makes the members that use the enum nullable (AllowsNull).
            var json = isInteger ? IntegerValue(schema.EnumList()[i])?.ToString(CultureInfo.InvariantCulture) : EnumValueText(schema.EnumList()[i]);
            if (json is null || !seenValues.Add(json))
            {
                continue;
            }

            var fallback = isInteger ? "Value" + json.Replace("-", "Minus") : Identifiers.ToPascalCase(json, "Empty");
            var declared = i < declaredNames.Count ? declaredNames[i] : null;
            values.Add((json, string.IsNullOrWhiteSpace(declared) ? fallback : Identifiers.ToPascalCase(declared!, fallback)));
        }

        var renames = RenamesOf(name, schema, pointer, values, members);
        var result = new List<EnumMemberModel>(values.Count);
        foreach (var (json, derived) in values)
        {
            result.Add(new EnumMemberModel(renames.TryGetValue(json, out var renamed) ? renamed : members.Claim(derived), json));
        }

        if (!isInteger)
        {
            ReportLookAlikes(name, result, pointer);
        }

        _registry.SpendType(result.Count, pointer);
        return new EnumModel(_target, name, schema.Description, result.ToEquatableArray(), isInteger, schema.Deprecated);
    }

    /// <summary>
    /// The member names <c>x-contracts-enum-names</c> gives, by JSON value, claimed before the derived names. A key that is
    /// no value of the enum is CTR139; a name the enum, a member every enum has, another value's derived name or an
    /// earlier rename holds stays with its holder (CTR138), and the value keeps its derived name.
    /// </summary>
    private Dictionary<string, string> RenamesOf(string enumName, IOpenApiSchema schema, string pointer, List<(string Json, string Derived)> values, UniqueNameBuilder members)
    {
        var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!schema.ExtensionMap().ContainsKey(Overrides.EnumNamesKey))
        {
            return accepted;
        }

        var at = pointer + "/" + Overrides.EnumNamesKey;
        var renames = Overrides.EnumNamesOf(schema.ExtensionMap(), pointer, _diagnostics);
        var known = new HashSet<string>(values.Select(v => v.Json), StringComparer.Ordinal);
        foreach (var value in renames.Keys.Where(k => !known.Contains(k)).OrderBy(k => k, StringComparer.Ordinal))
        {
            _diagnostics.Add(DiagnosticDescriptors.OverrideNotUsable, at + "/" + SchemaShapes.Escape(value), Overrides.EnumNamesKey + " entry", "'" + value + "' is not a value of the enum '" + enumName + "'");
        }

        var derivedBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (json, derived) in values)
        {
            if (!renames.ContainsKey(json) && !derivedBy.ContainsKey(derived))
            {
                derivedBy[derived] = json;
            }
        }

        var renamedBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (json, _) in values)
        {
            if (!renames.TryGetValue(json, out var rename))
            {
                continue;
            }

            var taken = string.Equals(rename, enumName, StringComparison.OrdinalIgnoreCase) ? "the name of its enum (a member may not be named like its type)"
                : s_enumMembers.Contains(rename, StringComparer.OrdinalIgnoreCase) ? "the name of a member every generated enum declares"
                : derivedBy.TryGetValue(rename, out var holder) ? "the name of value '" + holder + "'"
                : renamedBy.TryGetValue(rename, out var earlier) ? "the name x-contracts-enum-names gives value '" + earlier + "'"
                : !members.TryClaim(rename, out _) ? "the name of another member of the enum"
                : null;
            if (taken is not null)
            {
                _diagnostics.Add(DiagnosticDescriptors.RenameCollides, at + "/" + SchemaShapes.Escape(json), rename, "value '" + json + "' of '" + enumName + "'", taken);
                continue;
            }

            renamedBy[rename] = json;
            accepted[json] = rename;
        }

        return accepted;
    }

    /// <summary>
    /// CTR114 for each value that differs from an earlier one only by characters that show nothing (zero-width,
    /// bidirectional and other format characters) or by a space other than U+0020: <c>"x\u200B"</c> and <c>"x"</c>
    /// become members <c>X</c> and <c>X2</c>, which look interchangeable. Both stay generated.
    /// </summary>
    private void ReportLookAlikes(string name, List<EnumMemberModel> members, string pointer)
    {
        var seen = new Dictionary<string, EnumMemberModel>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            var skeleton = InvisibleCharacters.Skeleton(member.JsonValue);
            if (seen.TryGetValue(skeleton, out var earlier))
            {
                _diagnostics.Add(
                    DiagnosticDescriptors.EnumValuesLookAlike, pointer, name, earlier.JsonValue, member.JsonValue, earlier.Name, member.Name);
            }
            else
            {
                seen.Add(skeleton, member);
            }
        }
    }

    /// <summary>The JSON text of an enum value: the string itself, or an integer's invariant digits; null for null.</summary>
    private static string? EnumValueText(JsonNode? value) =>
        JsonValues.AsString(value) ?? (JsonValues.Kind(value) == System.Text.Json.JsonValueKind.Number && JsonValues.AsLong(value) is { } integer
            ? integer.ToString(CultureInfo.InvariantCulture)
            : null);

    /// <summary>
    /// Member names the document gives, aligned with <c>enum</c>: <c>x-enum-varnames</c>, <c>x-enumNames</c>, or
    /// <c>x-ms-enum.values[].name</c> (matched by value). Empty when there are none.
    /// </summary>
    private static IReadOnlyList<string?> DeclaredEnumNames(IOpenApiSchema schema)
    {
        foreach (var key in new[] { "x-enum-varnames", "x-enumNames", "x-enum-names" })
        {
            if (schema.ExtensionMap().TryGetValue(key, out var extension) && JsonValues.Of(extension) is JsonArray names)
            {
                return names.Select(JsonValues.AsString).ToList();
            }
        }

        return schema.EnumList().Select(v => EnumValueText(v) is { } json ? NameFromXmsEnum(schema, json) : null).ToList();
    }

    private static string? NameFromXmsEnum(IOpenApiSchema schema, string json)
    {
        if (!schema.ExtensionMap().TryGetValue("x-ms-enum", out var extension) || JsonValues.Of(extension) is not JsonObject msEnum
            || !msEnum.TryGetPropertyValue("values", out var values) || values is not JsonArray entries)
        {
            return null;
        }

        foreach (var entry in entries.OfType<JsonObject>())
        {
            if (entry.TryGetPropertyValue("value", out var value) && EnumValueText(value) == json && entry.TryGetPropertyValue("name", out var entryName) && JsonValues.AsString(entryName) is { } text)
            {
                return text;
            }
        }

        return null;
    }
}
