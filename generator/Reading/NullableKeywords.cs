using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Contracts.Generator.Reading;

/// <summary>
/// OpenAPI 3.0's <c>nullable</c> as Microsoft.OpenApi 1.6 read it. 3.x turns <c>nullable: true</c> into the <c>Null</c>
/// type flag, so a schema without a <c>type</c> (<c>allOf: [$ref], nullable: true</c>, or <c>nullable: true</c> alone)
/// loses it: such a schema gets Swagger's <c>x-nullable: true</c>, which translation reads the same way. A value that
/// is not a boolean stopped 1.6 (it threw); it stops here too.
/// </summary>
internal static class NullableKeywords
{
    /// <summary>Marks the schemas of a 3.0 document; returns the problem when a <c>nullable</c> is not a boolean, else null.</summary>
    public static string? Mark(JsonNode root)
    {
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject mapping:
                    if (mapping.TryGetPropertyValue("nullable", out var nullable))
                    {
                        if (Boolean(nullable) is not { } allows)
                        {
                            return "String '" + (nullable is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : nullable?.ToJsonString())
                                + "' was not recognized as a valid Boolean.";
                        }

                        if (allows && !mapping.ContainsKey("type") && !mapping.ContainsKey("x-nullable"))
                        {
                            mapping["x-nullable"] = true;
                        }
                    }

                    foreach (var entry in mapping)
                    {
                        // Example data and extensions are values, not schemas.
                        if (entry.Value is not null && !IsLiteralData(entry.Key))
                        {
                            pending.Push(entry.Value);
                        }
                    }

                    break;
                case JsonArray sequence:
                    foreach (var item in sequence)
                    {
                        if (item is not null)
                        {
                            pending.Push(item);
                        }
                    }

                    break;
            }
        }

        return null;
    }

    private static bool IsLiteralData(string key) =>
        key is "example" or "examples" or "default" or "enum" or "const" || key.StartsWith("x-", StringComparison.Ordinal);

    private static bool? Boolean(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var parsed) => parsed,
            _ => null,
        };
    }
}
