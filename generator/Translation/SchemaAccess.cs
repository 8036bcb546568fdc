using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Contracts.Generator.Reading;
using Microsoft.OpenApi;

namespace Contracts.Generator.Translation;

/// <summary>
/// The schema as translation reads it: Microsoft.OpenApi 3.x leaves absent lists and maps null (these give empty ones),
/// says the type as <see cref="JsonSchemaType"/> flags (these give the one type 3.0 spells, and the <c>Null</c> flag
/// as <see cref="IsNullable"/>), and keeps references as objects (<see cref="ReferenceResolution"/> names them).
/// </summary>
internal static class SchemaAccess
{
    private static readonly IDictionary<string, IOpenApiSchema> s_noProperties = new Dictionary<string, IOpenApiSchema>();
    private static readonly IList<IOpenApiSchema> s_noSchemas = Array.Empty<IOpenApiSchema>();
    private static readonly IList<JsonNode> s_noValues = Array.Empty<JsonNode>();
    private static readonly ISet<string> s_noNames = new HashSet<string>();
    private static readonly IDictionary<string, IOpenApiExtension> s_noExtensions = new Dictionary<string, IOpenApiExtension>();

    public static IDictionary<string, IOpenApiSchema> PropertyMap(this IOpenApiSchema schema) => schema.Properties ?? s_noProperties;

    public static IList<IOpenApiSchema> AllOfList(this IOpenApiSchema schema) => schema.AllOf ?? s_noSchemas;

    public static IList<IOpenApiSchema> OneOfList(this IOpenApiSchema schema) => schema.OneOf ?? s_noSchemas;

    public static IList<IOpenApiSchema> AnyOfList(this IOpenApiSchema schema) => schema.AnyOf ?? s_noSchemas;

    public static IList<JsonNode> EnumList(this IOpenApiSchema schema) => schema.Enum ?? s_noValues;

    public static ISet<string> RequiredSet(this IOpenApiSchema schema) => schema.Required ?? s_noNames;

    public static IDictionary<string, IOpenApiExtension> ExtensionMap(this IOpenApiReadOnlyExtensible element) => element.Extensions ?? s_noExtensions;

    public static IDictionary<string, IOpenApiExtension> ExtensionMap(this IOpenApiExtensible element) => element.Extensions ?? s_noExtensions;

    /// <summary>The type as 3.0 spells it (<c>string</c>, <c>object</c>…, and 2.0's <c>file</c>), without the <c>Null</c> flag; null when none (or only null).</summary>
    public static string? TypeName(this IOpenApiSchema schema)
    {
        if (schema.Type is not { } type)
        {
            return null;
        }

        var named = type & ~JsonSchemaType.Null;
        return named switch
        {
            JsonSchemaType.String when Reading.FileTypes.IsFile(schema) => "file",
            JsonSchemaType.String => "string",
            JsonSchemaType.Integer => "integer",
            JsonSchemaType.Number => "number",
            JsonSchemaType.Boolean => "boolean",
            JsonSchemaType.Object => "object",
            JsonSchemaType.Array => "array",
            0 => type == JsonSchemaType.Null ? "null" : null,
            _ => null,
        };
    }

    /// <summary>3.0's <c>nullable: true</c> (and Swagger's <c>x-nullable</c>), which 3.x reads as the <c>Null</c> type flag.</summary>
    public static bool IsNullable(this IOpenApiSchema schema) => schema.Type is { } type && (type & JsonSchemaType.Null) != 0 && type != JsonSchemaType.Null;

    /// <summary>The component this schema is (1.6's <c>Reference.Id</c>), or null for an inline schema.</summary>
    public static string? ReferenceId(this IOpenApiSchema schema) => ReferenceResolution.ComponentName(schema);

    /// <summary>A <c>$ref</c> that resolves to nothing (1.6's <c>UnresolvedReference</c>).</summary>
    public static bool IsUnresolved(this IOpenApiSchema schema) => ReferenceResolution.IsUnresolved(schema);

    /// <summary>The inclusive or exclusive upper bound (3.x keeps 3.0's <c>exclusiveMaximum: true</c> as the bound in <c>ExclusiveMaximum</c>).</summary>
    public static decimal? MaximumValue(this IOpenApiSchema schema) => Decimal(schema.Maximum) ?? Decimal(schema.ExclusiveMaximum);

    public static bool IsExclusiveMaximum(this IOpenApiSchema schema) => schema.Maximum is null && Decimal(schema.ExclusiveMaximum) is not null;

    public static decimal? MinimumValue(this IOpenApiSchema schema) => Decimal(schema.Minimum) ?? Decimal(schema.ExclusiveMinimum);

    public static bool IsExclusiveMinimum(this IOpenApiSchema schema) => schema.Minimum is null && Decimal(schema.ExclusiveMinimum) is not null;

    /// <summary>A discriminator's mapping as 1.6 gave it: each value with the pointer of the schema it names.</summary>
    public static IEnumerable<KeyValuePair<string, string>> MappingTargets(this OpenApiDiscriminator? discriminator)
    {
        foreach (var entry in discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            yield return new KeyValuePair<string, string>(entry.Key, entry.Value?.Reference?.Id is { } id ? "#/components/schemas/" + id.Replace("~", "~0").Replace("/", "~1") : string.Empty);
        }
    }

    private static decimal? Decimal(string? text) =>
        text is not null && decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
