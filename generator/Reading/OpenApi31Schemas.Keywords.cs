using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Reading.Yaml;

namespace Contracts.Generator.Reading;

internal sealed partial class OpenApi31Schemas
{
    // Annotations without a 3.0 counterpart that change nothing in the generated code: dropped silently.
    private static readonly string[] s_annotations = { "$schema", "$id", "$comment", "$anchor", "$dynamicAnchor", "$vocabulary" };

    // Validation keywords 3.0 cannot say: dropped with a warning naming each.
    private static readonly string[] s_unsupported =
    {
        "dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "patternProperties",
        "propertyNames", "contains", "minContains", "maxContains", "$dynamicRef", "contentSchema",
    };

    // The keywords the reader reads in a 3.1 schema (besides extensions); it keeps any other aside without a word, where
    // 3.0's reader warned (a misspelt `min_items`): the walk warns as it did.
    private static readonly HashSet<string> s_known = new(StringComparer.Ordinal)
    {
        "$ref", "title", "$schema", "$id", "$comment", "$vocabulary", "$dynamicRef", "$dynamicAnchor", "$defs", "$anchor",
        "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
        "maxItems", "minItems", "uniqueItems", "contains", "maxContains", "minContains", "unevaluatedProperties",
        "unevaluatedItems", "contentEncoding", "contentMediaType", "contentSchema", "maxProperties", "minProperties",
        "required", "enum", "type", "const", "allOf", "oneOf", "anyOf", "not", "items", "prefixItems", "properties",
        "patternProperties", "propertyNames", "additionalProperties", "description", "format", "default", "discriminator",
        "readOnly", "writeOnly", "xml", "externalDocs", "example", "examples", "deprecated", "dependentRequired",
        "dependentSchemas", "if", "then", "else", "nullable",
    };

    // Which keywords follow a type into its oneOf branch when `type` lists several types.
    private static readonly Dictionary<string, string[]> s_keywordsByType = new(StringComparer.Ordinal)
    {
        ["string"] = new[] { "minLength", "maxLength", "pattern", "format" },
        ["number"] = new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format" },
        ["integer"] = new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format" },
        ["array"] = new[] { "items", "minItems", "maxItems", "uniqueItems" },
        ["object"] = new[] { "properties", "required", "additionalProperties", "minProperties", "maxProperties" },
    };

    private void RewriteKeywords(JsonObject schema, string pointer)
    {
        foreach (var annotation in s_annotations)
        {
            schema.Take(annotation);
        }

        DropUnsupported(schema, pointer);
        RewriteConst(schema);
        KeepStricterBound(schema, "exclusiveMinimum", "minimum", stricterIsGreater: true);
        KeepStricterBound(schema, "exclusiveMaximum", "maximum", stricterIsGreater: false);
        RewriteContent(schema);

        // 3.0's nullable (which 3.1 documents write too) is read as 3.0 read it.
        var nullable = JsonTree.ScalarText(schema.Take("nullable")) == "true";
        nullable |= CollapseNullMember(schema, pointer, "anyOf");
        nullable |= CollapseNullMember(schema, pointer, "oneOf");
        nullable |= RewriteType(schema);
        RewritePrefixItems(schema, pointer);
        if (nullable)
        {
            MarkNullable(schema);
        }

        WrapReferenceWithSiblings(schema);
    }

    /// <summary>
    /// <c>null</c> added to the schema's type, which the reader reads as the <c>Null</c> flag; a schema without a type
    /// (<c>allOf: [$ref]</c>) is Swagger's <c>x-nullable</c>, which translation reads the same way.
    /// </summary>
    private static void MarkNullable(JsonObject schema)
    {
        if (schema.Get("type") is JsonValue type && TypeText(type) is { } name)
        {
            schema.Set("type", JsonTree.Array(new JsonNode?[] { name, "null" }));
        }
        else if (!schema.ContainsKey("type"))
        {
            schema.Set("x-nullable", JsonValue.Create(true));
        }
        else if (schema.Get("type") is JsonArray types && !types.Any(t => TypeText(t) == "null"))
        {
            // The JsonNode overload: the generic Add<T> needs reflection (trimming and Native AOT warn).
            types.Add((JsonNode)JsonValue.Create("null"));
        }
    }

    /// <summary>A member the reader would keep aside silently: CTR005 at it, in the words 3.0's reader used, after the CTR105s as the reader's were.</summary>
    private void ReportUnknown(JsonObject schema, string pointer)
    {
        foreach (var entry in schema)
        {
            if (!s_known.Contains(entry.Key) && !entry.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                _unknown.Add((JsonPointer.Append(pointer, entry.Key), pointer, entry.Key + " is not a valid property"));
            }
        }
    }

    private void DropUnsupported(JsonObject schema, string pointer)
    {
        var conditional = new[] { "if", "then", "else" }.FirstOrDefault(schema.ContainsKey);
        if (conditional is not null)
        {
            Warn(pointer, conditional, "if/then/else", "the conditional subschemas are ignored");
            schema.Take("if");
            schema.Take("then");
            schema.Take("else");
        }

        foreach (var keyword in s_unsupported)
        {
            if (schema.ContainsKey(keyword))
            {
                Warn(pointer, keyword, keyword, "it is ignored");
                schema.Take(keyword);
            }
        }
    }

    /// <summary>A one-value enum: the model's <c>Const</c> is the value's text, without whether it was a number or a string.</summary>
    private static void RewriteConst(JsonObject schema)
    {
        if (schema.ContainsKey("const"))
        {
            schema.Set("enum", JsonTree.Array(new[] { schema.Take("const") }));
        }
    }

    /// <summary>
    /// 3.1's numeric <c>exclusiveMinimum: 5</c> is read as it is, but the model hides a <c>minimum</c> beside it: of the
    /// two, the stricter stays.
    /// </summary>
    private static void KeepStricterBound(JsonObject schema, string exclusive, string inclusive, bool stricterIsGreater)
    {
        if (JsonTree.ScalarText(schema.Get(exclusive)) is not { } value || !TryParseNumber(value, out var bound)
            || JsonTree.ScalarText(schema.Get(inclusive)) is not { } existing || !TryParseNumber(existing, out var other))
        {
            return;
        }

        var inclusiveIsStricter = stricterIsGreater ? other > bound : other < bound;
        schema.Take(inclusiveIsStricter ? exclusive : inclusive);
    }

    /// <summary><c>contentEncoding: base64</c> is 3.0's <c>format: byte</c>; a binary <c>contentMediaType</c> is <c>format: binary</c>.</summary>
    private static void RewriteContent(JsonObject schema)
    {
        var encoding = JsonTree.ScalarText(schema.Take("contentEncoding"));
        var mediaType = JsonTree.ScalarText(schema.Take("contentMediaType"));
        if (schema.ContainsKey("format") || (schema.ContainsKey("type") && TypeText(schema.Get("type")) is not (null or "string")))
        {
            return;
        }

        if (encoding is "base64" or "base64url")
        {
            schema.Set("format", "byte");
        }
        else if (encoding is null && mediaType is not null && IsBinaryMediaType(mediaType))
        {
            schema.Set("format", "binary");
        }
    }

    private static bool IsBinaryMediaType(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return !(type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal)
            || type.EndsWith("xml", StringComparison.Ordinal) || type.EndsWith("yaml", StringComparison.Ordinal)
            || type is "application/x-www-form-urlencoded" or "application/javascript" or "application/ecmascript");
    }

    /// <summary><c>anyOf: [X, {type: 'null'}]</c> is X with <c>nullable: true</c>.</summary>
    /// <returns>True when the list had a null member (the schema is then nullable).</returns>
    private bool CollapseNullMember(JsonObject schema, string pointer, string keyword)
    {
        if (schema.Get(keyword) is not JsonArray members || !members.Any(IsNullSchema))
        {
            return false;
        }

        var all = members.Detach();
        var rest = all.Where(m => !IsNullSchema(m)).ToList();
        if (rest.Count != 1 || rest[0] is not JsonObject single)
        {
            schema.Set(keyword, JsonTree.Array(rest));
            if (rest.Count == 0)
            {
                schema.Take(keyword);
            }

            return true;
        }

        schema.Take(keyword);
        if (single.ContainsKey("$ref"))
        {
            AppendAllOf(schema, single);
            return true;
        }

        // An inline member's keywords become the schema's own; the schema's own win where both say something.
        var memberPointer = JsonPointer.Append(JsonPointer.Append(pointer, keyword), all.IndexOf(single));
        foreach (var entry in single.Entries())
        {
            if (entry.Key == "allOf" && entry.Value is JsonArray parts)
            {
                foreach (var part in parts.Detach())
                {
                    AppendAllOf(schema, part);
                }
            }
            else if (!schema.ContainsKey(entry.Key))
            {
                single.Remove(entry.Key);
                schema.Set(entry.Key, entry.Value);
                _facts?.MapPointer(JsonPointer.Append(pointer, entry.Key), JsonPointer.Append(memberPointer, entry.Key));
            }
        }

        return true;
    }

    /// <summary>
    /// <c>{type: 'null'}</c>; members are rewritten before their parent, so also its rewritten form <c>{x-nullable: true}</c>.
    /// </summary>
    private static bool IsNullSchema(JsonNode? node) =>
        node is JsonObject mapping && mapping.Count > 0
        && mapping.All(e => e.Key is "type" or "nullable" or "x-nullable" or "description" or "title")
        && (mapping.ContainsKey("type")
            ? mapping.Get("type") switch
            {
                JsonArray { Count: 1 } types => TypeText(types[0]) == "null",
                var type => TypeText(type) == "null",
            }
            : JsonTree.ScalarText(mapping.Get("x-nullable") ?? mapping.Get("nullable")) == "true");

    /// <summary>
    /// <c>type: 'null'</c> alone is a nullable schema of no type; several types become a oneOf of one branch per type.
    /// <c>type: [T, 'null']</c> is left to the reader, which reads it as 3.0's <c>nullable</c>.
    /// </summary>
    /// <returns>True when the type said null and the schema no longer does (the caller marks it nullable).</returns>
    private static bool RewriteType(JsonObject schema)
    {
        var type = schema.Get("type");
        if (schema.ContainsKey("type") && TypeText(type) == "null")
        {
            schema.Take("type");
            return true;
        }

        if (type is not JsonArray list)
        {
            return false;
        }

        var names = list.Where(t => t is null or JsonValue).Select(t => TypeText(t) ?? "").Distinct(StringComparer.Ordinal).ToList();
        var nullable = names.Remove("null");
        if (names.Count == 1)
        {
            // The reader reads [T, 'null'] itself; any other list of one type (repeated, or T alone) becomes T.
            var native = nullable && list.Count == 2;
            if (!native)
            {
                schema.Set("type", names[0]);
            }

            return nullable && !native;
        }

        schema.Take("type");
        if (names.Count == 0)
        {
            return nullable;
        }

        var branches = new JsonArray();
        var moved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var branch = JsonTree.Mapping("type", name);
            foreach (var keyword in s_keywordsByType.TryGetValue(name, out var keywords) ? keywords : Array.Empty<string>())
            {
                if (schema.Get(keyword) is { } value)
                {
                    // One keyword can follow two types (format: integer and number): each branch holds its own copy.
                    branch.Set(keyword, value.DeepClone());
                    moved.Add(keyword);
                }
            }

            branches.Add((JsonNode)branch);
        }

        foreach (var keyword in moved)
        {
            schema.Take(keyword);
        }

        if (schema.ContainsKey("oneOf"))
        {
            AppendAllOf(schema, JsonTree.Mapping("oneOf", branches));
        }
        else
        {
            schema.Set("oneOf", branches);
        }

        return nullable;
    }

    /// <summary>A tuple is read as an array of its item type, which is only exact when all positions share it.</summary>
    private void RewritePrefixItems(JsonObject schema, string pointer)
    {
        if (schema.Take("prefixItems") is not JsonArray tuple || tuple.Count == 0)
        {
            return;
        }

        // `items: false` closes a 3.1 tuple; 3.0 has no such form.
        if (schema.Get("items") is JsonValue)
        {
            schema.Take("items");
        }

        var positions = tuple.Detach();
        var shapes = positions.Concat(schema.Get("items") is { } items ? new[] { items } : Array.Empty<JsonNode?>()).Select(Shape).ToList();
        if (shapes.Distinct(StringComparer.Ordinal).Count() == 1)
        {
            if (!schema.ContainsKey("items"))
            {
                schema.Set("items", positions[0]);
            }

            return;
        }

        Warn(pointer, "prefixItems", "prefixItems (a tuple of different item types)", "its items are read as JSON values");
        schema.Set("items", new JsonObject());
    }

    /// <summary>3.0 ignores the siblings of a <c>$ref</c>; <c>allOf: [{$ref}]</c> keeps them (the description, nullable…).</summary>
    private void WrapReferenceWithSiblings(JsonObject schema)
    {
        if (!schema.ContainsKey("$ref"))
        {
            return;
        }

        if (schema.Count == 1)
        {
            _definitions.AddReference(schema);
            return;
        }

        var reference = JsonTree.Mapping("$ref", schema.Take("$ref"));
        _definitions.AddReference(reference);
        var parts = JsonTree.Array(new JsonNode?[] { reference });
        if (schema.Take("allOf") is JsonArray existing)
        {
            foreach (var part in existing.Detach())
            {
                parts.Add(part);
            }
        }

        schema.Set("allOf", parts);
    }

    private static void AppendAllOf(JsonObject schema, JsonNode? part)
    {
        if (schema.Get("allOf") is JsonArray parts)
        {
            parts.Add(part);
        }
        else
        {
            schema.Set("allOf", JsonTree.Array(new[] { part }));
        }
    }

    /// <summary>The schema without its annotations, as text: two tuple positions of one type have the same shape.</summary>
    private static string Shape(JsonNode? node)
    {
        if (node is not JsonObject mapping)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var entry in mapping.Where(e => e.Key is not ("description" or "title" or "example" or "examples")))
        {
            text.Append(JsonValue.Create(entry.Key)!.ToJsonString()).Append(':').Append(entry.Value?.ToJsonString() ?? "null").Append(',');
        }

        return text.ToString();
    }

    /// <summary>A type name; YAML's plain <c>null</c> (a null node here) is the name <c>null</c>, as the scalar it was.</summary>
    private static string? TypeText(JsonNode? node) => node is null ? "null" : JsonTree.ScalarText(node);

    private static bool TryParseNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
}
