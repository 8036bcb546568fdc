using System;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>
/// The values a document fixes for a record member: its <c>default</c> (applied when a response leaves the member
/// out) and its only allowed value (a one-value <c>enum</c> or a <c>const</c>, set for the user). Each is checked
/// against the member's C# type; a default that does not fit is reported (CTR126) and ignored. Holds no state of its
/// own: the enums it looks members up in belong to <see cref="EnumTranslator"/>.
/// </summary>
internal sealed class MemberValueTranslator
{
    private readonly EnumTranslator _enums;
    private readonly DiagnosticBag _diagnostics;

    public MemberValueTranslator(EnumTranslator enums, DiagnosticBag diagnostics)
    {
        _enums = enums;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// The default of an optional member, or null: none, <c>null</c>, a type whose defaults are documented only
    /// (timestamps, arrays, objects, unions…), or a default that does not fit (reported at <paramref name="pointer"/>).
    /// A required member's default is checked but never applied: the member is always present.
    /// </summary>
    public LiteralValue? DefaultOf(JsonNode? value, TypeRef type, bool isRequired, string pointer, string owner)
    {
        if (value is null || JsonValues.IsNull(value) || !IsChecked(type))
        {
            return null;
        }

        var literal = LiteralOf(value, type);
        if (literal is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.DefaultDoesNotFit, pointer, JsonOf(value), owner, Expected(type));
            return null;
        }

        return isRequired ? null : literal;
    }

    /// <summary>
    /// The only value a required member can hold, or null. An enum of one member (a <c>const</c> arrives as one, the
    /// OpenAPI 3.1 rewrite turns it into <c>enum</c>), or a boolean or number schema with a single allowed value.
    /// </summary>
    public LiteralValue? ConstantOf(IOpenApiSchema schema, TypeRef type, bool isRequired)
    {
        if (!isRequired)
        {
            // An optional member keeps its meaning: unset is not sent.
            return null;
        }

        if (type.Kind == TypeKind.Enum)
        {
            return _enums.Find(type.Name!) is { Members.Count: 1 } model
                ? new LiteralValue(LiteralKind.EnumMember, model.Members[0].Name, EnumJson(model, model.Members[0].JsonValue))
                : null;
        }

        if (type.Kind is not (TypeKind.Boolean or TypeKind.Single or TypeKind.Double or TypeKind.Decimal))
        {
            return null;
        }

        var values = (Unwrap(schema)?.Schema ?? schema).EnumList().Where(v => !JsonValues.IsNull(v)).ToList();
        return values.Count == 1 ? LiteralOf(values[0], type) : null;
    }

    /// <summary>The types whose defaults are applied; the others' are documented only.</summary>
    private static bool IsChecked(TypeRef type) => type.Kind is TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64
        or TypeKind.Single or TypeKind.Double or TypeKind.Decimal or TypeKind.Enum;

    private LiteralValue? LiteralOf(JsonNode value, TypeRef type)
    {
        var json = JsonOf(value);
        switch (type.Kind)
        {
            case TypeKind.String:
                return TextOf(value) is { } text ? new LiteralValue(LiteralKind.String, text, json) : null;
            case TypeKind.Boolean:
                return JsonValues.AsBoolean(value) is { } flag ? new LiteralValue(LiteralKind.Boolean, flag ? "true" : "false", json) : null;
            case TypeKind.Int32:
                return IntegerOf(value) is { } small && small >= int.MinValue && small <= int.MaxValue
                    ? Number(small.ToString(CultureInfo.InvariantCulture), json)
                    : null;
            case TypeKind.Int64:
                return IntegerOf(value) is { } big ? Number(big.ToString(CultureInfo.InvariantCulture), json) : null;
            case TypeKind.Single:
                return DoubleOf(value) is { } single && Math.Abs(single) <= float.MaxValue
                    ? Number(((float)single).ToString("R", CultureInfo.InvariantCulture), json)
                    : null;
            case TypeKind.Double:
                return DoubleOf(value) is { } number ? Number(number.ToString("R", CultureInfo.InvariantCulture), json) : null;
            case TypeKind.Decimal:
                return DecimalOf(value) is { } money ? Number(money.ToString(CultureInfo.InvariantCulture), json) : null;
            case TypeKind.Enum:
                if (_enums.Find(type.Name!) is not { } model)
                {
                    return null;
                }

                var wire = model.IsInteger ? IntegerOf(value)?.ToString(CultureInfo.InvariantCulture) : TextOf(value);
                var member = wire is null ? null : model.Members.FirstOrDefault(m => string.Equals(m.JsonValue, wire, StringComparison.Ordinal));
                return member is null ? null : new LiteralValue(LiteralKind.EnumMember, member.Name, json);
            default:
                return null;
        }
    }

    private static LiteralValue Number(string text, string json) => new(LiteralKind.Number, text, json);

    private static string EnumJson(EnumModel model, string jsonValue) => model.IsInteger ? jsonValue : JsonString(jsonValue);

    private static string? TextOf(JsonNode value) => JsonValues.AsString(value);

    // An integer: a JSON integer, a string that spells one (1.6 read integers beyond 32 bits as strings), or a whole number.
    private static long? IntegerOf(JsonNode value) =>
        IntegerValue(value) ?? (JsonValues.AsDouble(value) is { } number && IsWhole(number) ? (long)number : null);

    // Within ±2^53, where every double is exact and the conversion to long cannot overflow.
    private static bool IsWhole(double value) => Math.Abs(value) <= 9007199254740992d && Math.Floor(value) == value;

    private static double? DoubleOf(JsonNode value)
    {
        var text = JsonValues.Kind(value) is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.String ? JsonValues.ScalarText(value) : null;
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && !double.IsNaN(parsed) && !double.IsInfinity(parsed) ? parsed : null;
    }

    private static decimal? DecimalOf(JsonNode value)
    {
        var text = JsonValues.Kind(value) is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.String ? JsonValues.ScalarText(value) : null;
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        var number = DoubleOf(value);
        return number is { } d && Math.Abs(d) < 7.9e28 ? (decimal)d : null;
    }

    /// <summary>The value as compact JSON, for messages and docs (cut short past 120 characters).</summary>
    private static string JsonOf(JsonNode value)
    {
        const int MaxLength = 120;
        var json = JsonValues.Json(value);
        return json.Length <= MaxLength ? json : json.Substring(0, MaxLength) + "…";
    }

    private static string JsonString(string value) => JsonValues.Json(JsonValue.Create(value));

    private static string Expected(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "a string",
        TypeKind.Boolean => "a boolean",
        TypeKind.Int32 => "a 32-bit integer",
        TypeKind.Int64 => "a 64-bit integer",
        TypeKind.Single or TypeKind.Double => "a number",
        TypeKind.Decimal => "a decimal number",
        TypeKind.Enum => "one of the values of the enum '" + type.Name + "'",
        _ => type.Moniker,
    };
}
