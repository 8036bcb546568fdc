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
        if (schema.Type is not { } type || (type & ~JsonSchemaType.Null) != JsonSchemaType.String)
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
