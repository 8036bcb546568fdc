using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Contracts.Generator.Translation;

/// <summary>
/// The values a document spells (<c>enum</c>, <c>default</c>, extensions) as Microsoft.OpenApi 3.x gives them: JSON nodes,
/// typed by how the YAML scalar was written (quoted or plain), where 1.6 typed them by the schema. A JSON <c>null</c> in a
/// list is the reader's sentinel string (<see cref="JsonNullSentinel"/>).
/// </summary>
internal static class JsonValues
{
    public static bool IsNull(JsonNode? value) => value is null || JsonNullSentinel.IsJsonNullSentinel(value);

    public static JsonValueKind Kind(JsonNode? value) => IsNull(value) ? JsonValueKind.Null : value!.GetValueKind();

    /// <summary>The text of a string value; null for anything else.</summary>
    public static string? AsString(JsonNode? value) =>
        value is JsonValue scalar && !IsNull(value) && scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : null;

    public static bool IsString(JsonNode? value) => AsString(value) is not null;

    /// <summary>true or false for a boolean value; null for anything else.</summary>
    public static bool? AsBoolean(JsonNode? value) => Kind(value) switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>The value as a 64-bit integer: a JSON integer, or a string that spells one (1.6 read big integers as strings).</summary>
    public static long? AsLong(JsonNode? value)
    {
        var text = Kind(value) switch
        {
            JsonValueKind.Number => value!.ToJsonString(),
            JsonValueKind.String => AsString(value),
            _ => null,
        };

        return text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>A number value as a double; null for anything else.</summary>
    public static double? AsDouble(JsonNode? value) =>
        Kind(value) == JsonValueKind.Number && double.TryParse(value!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    /// <summary>A scalar's text as the document wrote it (numbers in their JSON spelling); null for null, arrays and objects.</summary>
    public static string? ScalarText(JsonNode? value) => Kind(value) switch
    {
        JsonValueKind.String => AsString(value),
        JsonValueKind.Number => value!.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>The value of an extension (<c>x-…</c>) that the reader kept as JSON.</summary>
    public static JsonNode? Of(IOpenApiExtension? extension) => (extension as JsonNodeExtension)?.Node;

    /// <summary>
    /// The value as compact JSON, as 1.6's terse writer gave it: non-ASCII as written, an empty array or object as
    /// <c>[ ]</c> or <c>{ }</c>.
    /// </summary>
    public static string Json(JsonNode? value)
    {
        var text = new System.Text.StringBuilder();
        Write(text, value, 0);
        return text.ToString();
    }

    private static void Write(System.Text.StringBuilder text, JsonNode? value, int depth)
    {
        switch (value)
        {
            case var _ when IsNull(value):
                text.Append("null");
                return;
            case JsonArray array when depth < 64:
                if (array.Count == 0)
                {
                    text.Append("[ ]");
                    return;
                }

                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    Write(text, array[i], depth + 1);
                }

                text.Append(']');
                return;
            case JsonObject obj when depth < 64:
                if (obj.Count == 0)
                {
                    text.Append("{ }");
                    return;
                }

                text.Append('{');
                var first = true;
                foreach (var entry in obj)
                {
                    text.Append(first ? string.Empty : ",").Append(Quoted(entry.Key)).Append(':');
                    Write(text, entry.Value, depth + 1);
                    first = false;
                }

                text.Append('}');
                return;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                text.Append(Quoted(scalar.GetValue<string>()));
                return;
            default:
                text.Append(value!.ToJsonString(s_compact));
                return;
        }
    }

    /// <summary>
    /// A string as 1.6's writer quoted it: only the backslash, the quote and the five short control escapes are escaped;
    /// everything else as written (System.Text.Json escapes more, U+2028 for one, which the docs then showed as <c>\u2028</c>).
    /// </summary>
    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\b", "\\b").Replace("\f", "\\f").Replace("\n", "\\n")
            .Replace("\r", "\\r").Replace("\t", "\\t").Replace("\"", "\\\"") + "\"";

    private static readonly JsonSerializerOptions s_compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
