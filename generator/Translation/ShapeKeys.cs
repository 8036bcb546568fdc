using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Contracts.Generator.Reading;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;

namespace Contracts.Generator.Translation;

/// <summary>
/// A text that two inline schemas share exactly when they generate the same type: the same members in the same order,
/// types and formats, required, nullability, access, deprecation, enum values, defaults, validation keywords,
/// discriminators, nested titles and referenced components. Documentation (description, example, externalDocs) and
/// extensions (<c>x-…</c>) are left out: they change no generated code but the comments (docs/names.md).
/// </summary>
internal static class ShapeKeys
{
    // A shape too large or too deep to compare cheaply is never merged (null): the document stays bounded in work.
    private const int MaxKeyLength = 1 << 20;

    /// <summary>The shape key of <paramref name="schema"/>, or null when it is too large to compare.</summary>
    public static string? Of(IOpenApiSchema schema)
    {
        var text = new StringBuilder();
        return Append(text, schema, 0) ? text.ToString() : null;
    }

    private static bool Append(StringBuilder text, IOpenApiSchema? schema, int depth)
    {
        if (text.Length > MaxKeyLength || depth > Limits.MaxSchemaDepth)
        {
            return false;
        }

        if (schema is null)
        {
            text.Append('~');
            return true;
        }

        if (schema.ReferenceId() is { } reference)
        {
            // A referenced component is its own type whatever it holds: its name is its shape here.
            Field(text, "$", reference);
            return true;
        }

        text.Append('{');
        Field(text, "type", schema.TypeName());
        Field(text, "format", schema.Format);
        Field(text, "title", depth == 0 ? null : schema.Title);
        Flag(text, "nullable", schema.IsNullable() || schema.ExtensionMap().TryGetValue("x-nullable", out var nullable) && JsonValues.AsBoolean(JsonValues.Of(nullable)) == true);
        Flag(text, "readOnly", schema.ReadOnly);
        Flag(text, "writeOnly", schema.WriteOnly);
        Flag(text, "deprecated", schema.Deprecated);
        Flag(text, "uniqueItems", schema.UniqueItems == true);
        Number(text, "maximum", schema.MaximumValue());
        Flag(text, "exclusiveMaximum", schema.IsExclusiveMaximum());
        Number(text, "minimum", schema.MinimumValue());
        Flag(text, "exclusiveMinimum", schema.IsExclusiveMinimum());
        Number(text, "multipleOf", schema.MultipleOf);
        Number(text, "maxLength", schema.MaxLength);
        Number(text, "minLength", schema.MinLength);
        Number(text, "maxItems", schema.MaxItems);
        Number(text, "minItems", schema.MinItems);
        Number(text, "maxProperties", schema.MaxProperties);
        Number(text, "minProperties", schema.MinProperties);
        Field(text, "pattern", schema.Pattern);
        if (schema.Default is { } value)
        {
            text.Append("default");
            AppendAny(text, value, 0);
        }

        if (schema.EnumList().Count > 0)
        {
            text.Append("enum[");
            foreach (var item in schema.EnumList())
            {
                AppendAny(text, item, 0);
            }

            text.Append(']');
        }

        if (schema.RequiredSet().Count > 0)
        {
            text.Append("required[");
            foreach (var key in schema.RequiredSet().OrderBy(k => k, System.StringComparer.Ordinal))
            {
                Field(text, string.Empty, key);
            }

            text.Append(']');
        }

        if (schema.Discriminator is { } discriminator)
        {
            Field(text, "discriminator", discriminator.PropertyName);
            foreach (var entry in discriminator.MappingTargets().OrderBy(e => e.Key, System.StringComparer.Ordinal))
            {
                Field(text, entry.Key, entry.Value);
            }
        }

        // Declaration order is part of the shape: it is the order of the generated members.
        text.Append("properties{");
        foreach (var property in schema.PropertyMap())
        {
            Field(text, string.Empty, property.Key);
            if (!Append(text, property.Value, depth + 1))
            {
                return false;
            }
        }

        text.Append('}');
        Flag(text, "additionalPropertiesAllowed", schema.AdditionalPropertiesAllowed);
        return Part(text, "items", schema.Items, depth)
            && Part(text, "additionalProperties", schema.AdditionalProperties, depth)
            && Part(text, "not", schema.Not, depth)
            && List(text, "allOf", schema.AllOfList(), depth)
            && List(text, "oneOf", schema.OneOfList(), depth)
            && List(text, "anyOf", schema.AnyOfList(), depth)
            && text.Append('}').Length <= MaxKeyLength;
    }

    private static bool Part(StringBuilder text, string name, IOpenApiSchema? schema, int depth)
    {
        if (schema is null)
        {
            return true;
        }

        text.Append(name);
        return Append(text, schema, depth + 1);
    }

    private static bool List(StringBuilder text, string name, IList<IOpenApiSchema> schemas, int depth)
    {
        if (schemas.Count == 0)
        {
            return true;
        }

        text.Append(name).Append('[');
        foreach (var schema in schemas)
        {
            if (!Append(text, schema, depth + 1))
            {
                return false;
            }
        }

        text.Append(']');
        return true;
    }

    /// <summary>A name and a length-prefixed value: no value can imitate a delimiter.</summary>
    private static void Field(StringBuilder text, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        text.Append(name).Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }

    private static void Flag(StringBuilder text, string name, bool value)
    {
        if (value)
        {
            text.Append(name).Append(';');
        }
    }

    private static void Number(StringBuilder text, string name, decimal? value)
    {
        if (value is { } number)
        {
            text.Append(name).Append(number.ToString(CultureInfo.InvariantCulture)).Append(';');
        }
    }

    private static void Number(StringBuilder text, string name, int? value)
    {
        if (value is { } number)
        {
            text.Append(name).Append(number.ToString(CultureInfo.InvariantCulture)).Append(';');
        }
    }

    private static void AppendAny(StringBuilder text, JsonNode? value, int depth)
    {
        if (depth > Limits.MaxSchemaDepth || text.Length > MaxKeyLength)
        {
            return;
        }

        switch (value)
        {
            case var _ when JsonValues.IsNull(value):
                text.Append("null;");
                return;
            case JsonArray array:
                text.Append('[');
                foreach (var item in array)
                {
                    AppendAny(text, item, depth + 1);
                }

                text.Append(']');
                return;
            case JsonObject obj:
                text.Append('{');
                foreach (var entry in obj)
                {
                    Field(text, string.Empty, entry.Key);
                    AppendAny(text, entry.Value, depth + 1);
                }

                text.Append('}');
                return;
            default:
                Field(text, JsonValues.Kind(value) == System.Text.Json.JsonValueKind.String ? "s" : JsonValues.Kind(value).ToString(), JsonValues.ScalarText(value));
                return;
        }
    }
}
