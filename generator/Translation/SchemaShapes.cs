using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;

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
    public static (IOpenApiSchema Schema, string Keyword)? Unwrap(IOpenApiSchema schema)
    {
        if (schema.PropertyMap().Count > 0 || schema.TypeName() is "object" or "array" || schema.Items is not null)
        {
            return null;
        }

        foreach (var (members, keyword) in new[] { (schema.AllOfList(), "allOf"), (schema.OneOfList(), "oneOf"), (schema.AnyOfList(), "anyOf") })
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

    public static bool IsAnnotationOnly(IOpenApiSchema schema) =>
        schema.ReferenceId() is null && schema.TypeName() is null && schema.PropertyMap().Count == 0 && schema.Items is null
        && schema.AllOfList().Count == 0 && schema.OneOfList().Count == 0 && schema.AnyOfList().Count == 0 && schema.EnumList().Count == 0
        && schema.AdditionalProperties is null;

    public static IEnumerable<IOpenApiSchema> AnnotationsOf(IOpenApiSchema schema) =>
        schema.AllOfList().Concat(schema.OneOfList()).Concat(schema.AnyOfList()).Where(s => s is not null && IsAnnotationOnly(s));

    /// <summary>OpenAPI 3.0 <c>nullable: true</c>, or Swagger 2.0's <c>x-nullable: true</c> (which the reader leaves as an extension).</summary>
    /// An enum that lists <c>null</c> allows it too.
    public static bool AllowsNull(IOpenApiSchema schema) =>
        schema.IsNullable() || (schema.ExtensionMap().TryGetValue("x-nullable", out var extension) && JsonValues.AsBoolean(JsonValues.Of(extension)) == true)
        || schema.EnumList().Any(JsonValues.IsNull);

    /// <summary>An array's items or a map's values may be null: the same test as a member's (<c>nullable</c>, an annotation's, a null case).</summary>
    public static bool ElementAllowsNull(IOpenApiSchema? schema) =>
        schema is not null && (AllowsNull(schema) || AnnotationsOf(schema).Any(AllowsNull) || HasNullMember(schema));

    public static string? DescriptionOf(IOpenApiSchema schema) =>
        AnnotationsOf(schema).Select(s => s.Description).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) ?? schema.Description;

    public static bool IsStringLike(IOpenApiSchema schema) =>
        schema.TypeName() is null or "string" && schema.EnumList().All(v => JsonValues.IsString(v) || JsonValues.IsNull(v));

    /// <summary>A oneOf/anyOf that is the whole schema (not alternatives beside own properties or allOf).</summary>
    public static bool IsUnion(IOpenApiSchema schema) =>
        (schema.OneOfList().Count > 0 || schema.AnyOfList().Count > 0) && schema.PropertyMap().Count == 0 && schema.AllOfList().Count == 0;

    /// <summary>A member that only admits null: <c>type: 'null'</c> or <c>enum: [null]</c>.</summary>
    public static bool IsNullMember(IOpenApiSchema member) =>
        member.TypeName() == "null" || (member.EnumList().Count > 0 && member.EnumList().All(JsonValues.IsNull));

    /// <summary>True when a schema is a union (or has a member) that admits null, so a property of it is nullable.</summary>
    public static bool HasNullMember(IOpenApiSchema schema) =>
        (schema.OneOfList().Count > 0 ? schema.OneOfList() : schema.AnyOfList()).Any(m => m is not null && (IsNullMember(m) || AllowsNull(m)));

    /// <summary>
    /// Alternatives beside an object's own properties that only restrict those properties (GitHub's
    /// <c>anyOf: [{required: [a]}, {required: [b]}]</c>, or an enum narrowed per alternative): every alternative
    /// fits the object's record, so the record is generated and the alternatives are left to the service to check.
    /// </summary>
    public static bool AlternativesOnlyConstrain(IOpenApiSchema schema) =>
        schema.PropertyMap().Count > 0
        && schema.OneOfList().Concat(schema.AnyOfList()).All(m => m is null
            || (m.ReferenceId() is null && m.TypeName() is null or "object" && m.Items is null && m.AllOfList().Count == 0 && m.OneOfList().Count == 0
                && m.AnyOfList().Count == 0 && m.PropertyMap().Keys.All(schema.PropertyMap().ContainsKey)));

    /// <summary>
    /// An integer enum value. Microsoft.OpenApi reads an integer beyond 32 bits as a string unless the schema says
    /// <c>format: int64</c> (found by the property tests: <c>enum: [2147483648]</c> was a plain <c>long</c>).
    /// </summary>
    public static long? IntegerValue(JsonNode? value) => JsonValues.AsLong(value);

    /// <summary>
    /// An integer schema whose values are all integers (or null). Number and boolean enums stay plain <c>double</c>/<c>bool</c>:
    /// every value they allow still round-trips, and a struct over them would add nothing a constant cannot say.
    /// </summary>
    public static bool IsIntegerEnum(IOpenApiSchema schema) =>
        schema.TypeName() == "integer" && schema.EnumList().Count > 0 && schema.EnumList().All(v => JsonValues.IsNull(v) || IntegerValue(v) is not null)
        && schema.EnumList().Any(v => !JsonValues.IsNull(v));

    public static string? SingleValue(IOpenApiSchema? schema) =>
        schema is { Enum.Count: 1 } ? JsonValues.AsString(schema.EnumList()[0]) : null;

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
