using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Contracts.Generator.Reading;

/// <summary>
/// The values of a schema (<c>enum</c>, <c>default</c>) typed by the schema, as Microsoft.OpenApi 1.6 typed them:
/// 3.x types a value by how YAML wrote it, so <c>type: string, enum: [1, 2]</c> would be numbers; 1.6 read them as
/// the strings "1" and "2". Only a string schema's plain numbers and booleans change.
/// </summary>
internal static class ValueTyping
{
    public static void Apply(OpenApiSchema schema)
    {
        var type = schema.Type is { } flags ? flags & ~JsonSchemaType.Null : (JsonSchemaType)0;
        if (type == JsonSchemaType.Integer)
        {
            // 1.6 read an integer as a 32-bit one, or as a 64-bit one where format says int64; any other as the text.
            var wide = schema.Format == "int64";
            if (schema.Enum is { } integers)
            {
                for (var i = 0; i < integers.Count; i++)
                {
                    integers[i] = NarrowInteger(integers[i], wide)!;
                }
            }

            schema.Default = NarrowInteger(schema.Default, wide);
            return;
        }

        if (type != JsonSchemaType.String)
        {
            return;
        }

        if (schema.Enum is { } values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                values[i] = AsText(values[i])!;
            }
        }

        schema.Default = AsText(schema.Default);
    }

    private static JsonNode? NarrowInteger(JsonNode? value, bool wide)
    {
        if (value is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.Number)
        {
            return value;
        }

        var text = scalar.ToJsonString();
        var fits = wide
            ? long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)
            : int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _);
        return fits ? value : JsonValue.Create(text);
    }

    private static JsonNode? AsText(JsonNode? value)
    {
        if (value is not JsonValue scalar || JsonNullSentinel.IsJsonNullSentinel(scalar))
        {
            return value;
        }

        return scalar.GetValueKind() switch
        {
            JsonValueKind.Number => JsonValue.Create(scalar.ToJsonString()),
            JsonValueKind.True => JsonValue.Create("true"),
            JsonValueKind.False => JsonValue.Create("false"),
            _ => value,
        };
    }
}
