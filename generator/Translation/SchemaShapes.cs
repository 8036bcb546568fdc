using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.OpenApi;

namespace Contracts.Generator.Translation;

/// <summary>
/// What a schema is, read from its keywords alone: wrappers, annotations, nullability, unions, integer enums. Pure
/// functions shared by the collaborators of <see cref="DocumentTranslator"/>.
/// </summary>
internal static class SchemaShapes
{
    /// <summary>
    /// <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> with exactly one member that carries a type, the others only annotations
    /// (the <c>allOf: [$ref, {description}]</c> wrapper): the schema is that member.
    /// </summary>
    public static (OpenApiSchema Schema, string Keyword)? Unwrap(OpenApiSchema schema)
    {
        if (schema.Properties.Count > 0 || schema.Type is "object" or "array" || schema.Items is not null)
        {
            return null;
        }

        foreach (var (members, keyword) in new[] { (schema.AllOf, "allOf"), (schema.OneOf, "oneOf"), (schema.AnyOf, "anyOf") })
        {
            if (members.Count == 0)
            {
                continue;
            }

            var typed = members.Where(m => m is null || !IsAnnotationOnly(m)).ToList();
            if (typed.Count == 1 && typed[0] is not null)
            {
                return (typed[0], keyword + "/" + members.IndexOf(typed[0]));
            }
        }

        return null;
    }

    public static bool IsAnnotationOnly(OpenApiSchema schema) =>
        schema.Reference is null && schema.Type is null && schema.Properties.Count == 0 && schema.Items is null
        && schema.AllOf.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0 && schema.Enum.Count == 0
        && schema.AdditionalProperties is null;

    public static IEnumerable<OpenApiSchema> AnnotationsOf(OpenApiSchema schema) =>
        schema.AllOf.Concat(schema.OneOf).Concat(schema.AnyOf).Where(s => s is not null && IsAnnotationOnly(s));

    /// <summary>OpenAPI 3.0 <c>nullable: true</c>, or Swagger 2.0's <c>x-nullable: true</c> (which the reader leaves as an extension).</summary>
    /// An enum that lists <c>null</c> allows it too.
    public static bool AllowsNull(OpenApiSchema schema) =>
        schema.Nullable || (schema.Extensions.TryGetValue("x-nullable", out var extension) && extension is OpenApiBoolean { Value: true })
        || schema.Enum.Any(v => v is null or OpenApiNull);

    /// <summary>An array's items or a map's values may be null: the same test as a member's (<c>nullable</c>, an annotation's, a null case).</summary>
    public static bool ElementAllowsNull(OpenApiSchema? schema) =>
        schema is not null && (AllowsNull(schema) || AnnotationsOf(schema).Any(AllowsNull) || HasNullMember(schema));

    public static string? DescriptionOf(OpenApiSchema schema) =>
        AnnotationsOf(schema).Select(s => s.Description).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) ?? schema.Description;

    public static bool IsStringLike(OpenApiSchema schema) =>
        schema.Type is null or "string" && schema.Enum.All(v => v is OpenApiString or OpenApiNull);

    /// <summary>A oneOf/anyOf that is the whole schema (not alternatives beside own properties or allOf).</summary>
    public static bool IsUnion(OpenApiSchema schema) =>
        (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0) && schema.Properties.Count == 0 && schema.AllOf.Count == 0;

    /// <summary>A member that only admits null: <c>type: 'null'</c> or <c>enum: [null]</c>.</summary>
    public static bool IsNullMember(OpenApiSchema member) =>
        member.Type == "null" || (member.Enum.Count > 0 && member.Enum.All(v => v is OpenApiNull));

    /// <summary>True when a schema is a union (or has a member) that admits null, so a property of it is nullable.</summary>
    public static bool HasNullMember(OpenApiSchema schema) =>
        (schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf).Any(m => m is not null && (IsNullMember(m) || AllowsNull(m)));

    /// <summary>
    /// Alternatives beside an object's own properties that only restrict those properties (GitHub's
    /// <c>anyOf: [{required: [a]}, {required: [b]}]</c>, or an enum narrowed per alternative): every alternative
    /// fits the object's record, so the record is generated and the alternatives are left to the service to check.
    /// </summary>
    public static bool AlternativesOnlyConstrain(OpenApiSchema schema) =>
        schema.Properties.Count > 0
        && schema.OneOf.Concat(schema.AnyOf).All(m => m is null
            || (m.Reference is null && m.Type is null or "object" && m.Items is null && m.AllOf.Count == 0 && m.OneOf.Count == 0
                && m.AnyOf.Count == 0 && m.Properties.Keys.All(schema.Properties.ContainsKey)));

    /// <summary>
    /// An integer enum value. Microsoft.OpenApi reads an integer beyond 32 bits as a string unless the schema says
    /// <c>format: int64</c> (found by the property tests: <c>enum: [2147483648]</c> was a plain <c>long</c>).
    /// </summary>
    public static long? IntegerValue(IOpenApiAny value) => value switch
    {
        OpenApiInteger integer => integer.Value,
        OpenApiLong integer => integer.Value,
        OpenApiString text when long.TryParse(text.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>
    /// An integer schema whose values are all integers (or null). Number and boolean enums stay plain <c>double</c>/<c>bool</c>:
    /// every value they allow still round-trips, and a struct over them would add nothing a constant cannot say.
    /// </summary>
    public static bool IsIntegerEnum(OpenApiSchema schema) =>
        schema.Type == "integer" && schema.Enum.Count > 0 && schema.Enum.All(v => v is OpenApiNull || IntegerValue(v) is not null)
        && schema.Enum.Any(v => v is not OpenApiNull);

    public static string? SingleValue(OpenApiSchema? schema) =>
        schema is { Enum.Count: 1 } && schema.Enum[0] is OpenApiString value ? value.Value : null;

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
