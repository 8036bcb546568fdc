using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Contracts.Testing;

/// <summary>
/// Draws JSON instances of a description's schemas from one seeded <see cref="Random"/>: types, formats, enums,
/// required members, nullability, bounds, lengths, item counts, references and compositions are honoured; a schema's
/// <c>example</c> is used now and then (and always when its pattern cannot be drawn).
/// </summary>
internal sealed class SchemaSampler(Random random)
{
    private const int DeepestOptional = 3;
    private const int Deepest = 10;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>Why the last drawing could not honour the schema (an undrawable pattern), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>Whether to leave an optional value out (one time in four).</summary>
    public bool LeaveOut() => random.Next(4) == 0;

    /// <summary>
    /// Draws an instance of <paramref name="schema"/>; <paramref name="onTheWire"/> for parameters, whose values travel in
    /// a URL or a header (no empty strings or lists, no nulls).
    /// </summary>
    public JsonNode? Draw(IOpenApiSchema? schema, bool onTheWire = false)
    {
        Problem = null;
        return DrawAt(schema, 0, onTheWire, "");
    }

    private JsonNode? DrawAt(IOpenApiSchema? schema, int depth, bool onTheWire, string path)
    {
        if (schema is null)
        {
            return JsonValue.Create("value");
        }

        if (schema.Const is { } constant)
        {
            return JsonValue.Create(constant);
        }

        var nullable = schema.Type is { } t && (t & JsonSchemaType.Null) != 0;
        if (nullable && !onTheWire && random.Next(8) == 0)
        {
            return null;
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            var candidates = values.Where(v => v is not null && v.GetValueKind() != System.Text.Json.JsonValueKind.Null).ToList();
            if (candidates.Count > 0)
            {
                return candidates[random.Next(candidates.Count)]!.DeepClone();
            }
        }

        if (Example(schema) is { } example && random.Next(3) == 0)
        {
            return example.DeepClone();
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            return DrawAllOf(schema, allOf, depth, onTheWire, path);
        }

        var choices = (schema.OneOf is { Count: > 0 } one ? one : schema.AnyOf is { Count: > 0 } any ? any : null);
        if (choices is not null)
        {
            return DrawAt(choices[random.Next(choices.Count)], depth, onTheWire, path);
        }

        var type = schema.Type is { } declared ? declared & ~JsonSchemaType.Null : (JsonSchemaType)0;
        if (type == 0)
        {
            type = schema.Properties is { Count: > 0 } || schema.AdditionalProperties is not null ? JsonSchemaType.Object
                : schema.Items is not null ? JsonSchemaType.Array
                : JsonSchemaType.String;
        }

        if ((type & JsonSchemaType.Object) != 0)
        {
            return DrawObject([schema], depth, path);
        }

        if ((type & JsonSchemaType.Array) != 0)
        {
            return DrawArray(schema, depth, onTheWire, path);
        }

        if ((type & JsonSchemaType.Integer) != 0)
        {
            return DrawInteger(schema);
        }

        if ((type & JsonSchemaType.Number) != 0)
        {
            return DrawNumber(schema);
        }

        if ((type & JsonSchemaType.Boolean) != 0)
        {
            return JsonValue.Create(random.Next(2) == 0);
        }

        return DrawString(schema, onTheWire, path);
    }

    private static JsonNode? Example(IOpenApiSchema schema) =>
        schema.Examples is { Count: > 0 } examples ? examples[0]
#pragma warning disable CS0618 // OpenAPI 3.0's singular 'example' keyword, which the reader keeps here.
        : schema.Example;
#pragma warning restore CS0618

    private JsonNode? DrawAllOf(IOpenApiSchema schema, IList<IOpenApiSchema> allOf, int depth, bool onTheWire, string path)
    {
        var parts = new List<IOpenApiSchema>();
        Flatten(schema, parts);
        var shaped = parts.Where(p => p.Properties is { Count: > 0 } || p.Type is { } pt && (pt & JsonSchemaType.Object) != 0).ToList();
        if (shaped.Count > 0)
        {
            return DrawObject(parts, depth, path);
        }

        // allOf used to annotate one schema (a reference and a description): draw the part that says something.
        var substantive = allOf.FirstOrDefault(p => p.Type is not null || p.Enum is { Count: > 0 } || p.Items is not null
            || p.OneOf is { Count: > 0 } || p.AnyOf is { Count: > 0 } || p.AllOf is { Count: > 0 });
        return DrawAt(substantive ?? allOf[0], depth, onTheWire, path);
    }

    private static void Flatten(IOpenApiSchema schema, List<IOpenApiSchema> parts)
    {
        parts.Add(schema);
        if (schema.AllOf is { } allOf)
        {
            foreach (var part in allOf)
            {
                Flatten(part, parts);
            }
        }
    }

    private JsonNode DrawObject(List<IOpenApiSchema> parts, int depth, string path)
    {
        var result = new JsonObject();
        var required = new HashSet<string>(parts.SelectMany(p => p.Required ?? (ISet<string>)new HashSet<string>()), StringComparer.Ordinal);
        var properties = new List<KeyValuePair<string, IOpenApiSchema>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (part.Properties is null)
            {
                continue;
            }

            foreach (var property in part.Properties)
            {
                if (seen.Add(property.Key))
                {
                    properties.Add(property);
                }
            }
        }

        foreach (var (name, propertySchema) in properties)
        {
            var isRequired = required.Contains(name);
            if (!isRequired && (depth >= DeepestOptional || random.Next(2) == 0))
            {
                continue;
            }

            if (depth >= Deepest)
            {
                continue;
            }

            result[name] = DrawAt(propertySchema, depth + 1, onTheWire: false, path + "." + name);
        }

        var additional = parts.Select(p => p.AdditionalProperties).FirstOrDefault(a => a is not null);
        if (additional is not null && properties.Count == 0 && depth < DeepestOptional)
        {
            var count = random.Next(3);
            for (var i = 0; i < count; i++)
            {
                result["key" + i.ToString(CultureInfo.InvariantCulture)] = DrawAt(additional, depth + 1, onTheWire: false, path + "[key]");
            }
        }

        return result;
    }

    private JsonNode DrawArray(IOpenApiSchema schema, int depth, bool onTheWire, string path)
    {
        var min = schema.MinItems ?? 0;
        if (onTheWire)
        {
            min = Math.Max(min, 1);
        }

        var max = Math.Min(schema.MaxItems ?? int.MaxValue, min + (depth >= DeepestOptional ? 0 : 3));
        var count = random.Next(min, Math.Max(min, max) + 1);
        var result = new JsonArray();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; result.Count < count && attempt < count * 4 + 4; attempt++)
        {
            var item = DrawAt(schema.Items, depth + 1, onTheWire, path + "[]");
            if (schema.UniqueItems == true || onTheWire)
            {
                if (!distinct.Add(item?.ToJsonString() ?? "null"))
                {
                    continue;
                }
            }

            result.Add(item);
        }

        return result;
    }

    private JsonNode DrawInteger(IOpenApiSchema schema)
    {
        var (low, high) = Bounds(schema, 0, 1000);
        var lowest = (long)Math.Ceiling(low);
        var highest = (long)Math.Floor(high);
        if (schema.Format == "int32")
        {
            lowest = Math.Max(lowest, int.MinValue);
            highest = Math.Min(highest, int.MaxValue);
        }

        if (highest < lowest)
        {
            highest = lowest;
        }

        var value = lowest + (long)(random.NextDouble() * Math.Min((double)(highest - lowest) + 1, 1e15));
        if (value > highest)
        {
            value = highest;
        }

        if (schema.MultipleOf is { } step && step >= 1)
        {
            var whole = (long)step;
            value = value / whole * whole;
            if (value < lowest)
            {
                value += whole;
            }
        }

        return JsonValue.Create(value);
    }

    private JsonNode DrawNumber(IOpenApiSchema schema)
    {
        var (low, high) = Bounds(schema, -1000, 1000);
        // Quarters: exact in binary, so float, double and decimal all carry them unchanged.
        var lowest = Math.Ceiling(low * 4);
        var highest = Math.Floor(high * 4);
        if (highest < lowest)
        {
            return JsonValue.Create((decimal)low);
        }

        var quarters = lowest + Math.Floor(random.NextDouble() * Math.Min(highest - lowest + 1, 1e12));
        return JsonValue.Create((decimal)(quarters / 4));
    }

    private static (double Low, double High) Bounds(IOpenApiSchema schema, double low, double high)
    {
        var min = Parse(schema.Minimum);
        var max = Parse(schema.Maximum);
        var exclusiveMin = Parse(schema.ExclusiveMinimum);
        var exclusiveMax = Parse(schema.ExclusiveMaximum);
        if (exclusiveMin is { } em)
        {
            min = em + 1;
        }

        if (exclusiveMax is { } xm)
        {
            max = xm - 1;
        }

        var lowest = min ?? (max is { } m && m < low ? m - (high - low) : low);
        var highest = max ?? Math.Max(lowest + (high - low), high);
        if (min is not null && max is null)
        {
            highest = lowest + (high - low);
        }

        return (lowest, highest);
    }

    private static double? Parse(string? value) =>
        value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private JsonNode DrawString(IOpenApiSchema schema, bool onTheWire, string path)
    {
        var minLength = schema.MinLength ?? 0;
        if (onTheWire)
        {
            minLength = Math.Max(minLength, 1);
        }

        var maxLength = schema.MaxLength ?? int.MaxValue;
        if (schema.Pattern is { Length: > 0 } pattern)
        {
            if (Example(schema) is JsonValue example && example.TryGetValue<string>(out var text)
                && System.Text.RegularExpressions.Regex.IsMatch(text, pattern) && random.Next(2) == 0)
            {
                return JsonValue.Create(text);
            }

            if (PatternSampler.TryDraw(pattern, random, minLength, maxLength) is { } drawn)
            {
                return JsonValue.Create(drawn);
            }

            if (Example(schema) is { } fallback)
            {
                return fallback.DeepClone();
            }

            Problem ??= $"no value can be drawn for the pattern '{pattern}' at '{(path.Length == 0 ? "(value)" : path.TrimStart('.'))}' and the schema has no example";
            return JsonValue.Create(new string('a', Math.Max(minLength, 1)));
        }

        switch (schema.Format)
        {
            case "date-time":
                return JsonValue.Create(DrawInstant().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            case "date":
                return JsonValue.Create(DrawInstant().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case "uuid":
                var bytes = new byte[16];
                random.NextBytes(bytes);
                return JsonValue.Create(new Guid(bytes).ToString());
            case "email":
                return JsonValue.Create(Letters(3, 8) + "@example.com");
            case "uri":
            case "url":
                return JsonValue.Create("https://example.com/" + Letters(1, 8));
            case "byte":
                var data = new byte[random.Next(1, 12)];
                random.NextBytes(data);
                return JsonValue.Create(Convert.ToBase64String(data));
        }

        var length = random.Next(minLength, Math.Max(minLength, Math.Min(maxLength, minLength + 12)) + 1);
        return JsonValue.Create(Letters(length, length));
    }

    private DateTimeOffset DrawInstant() =>
        new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.Next(0, 30 * 365 * 24 * 3600));

    private string Letters(int min, int max)
    {
        var length = random.Next(min, max + 1);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}
