using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Downgrade;

internal sealed partial class OpenApi31Downgrader
{
    // Annotations without a 3.0 counterpart that change nothing in the generated code: dropped silently.
    private static readonly string[] s_annotations = { "$schema", "$id", "$comment", "$anchor", "$dynamicAnchor", "$vocabulary" };

    // Validation keywords 3.0 cannot say: dropped with a warning naming each.
    private static readonly string[] s_unsupported =
    {
        "dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "patternProperties",
        "propertyNames", "contains", "minContains", "maxContains", "$dynamicRef", "contentSchema",
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

    private void RewriteKeywords(YamlMappingNode schema, string pointer)
    {
        foreach (var annotation in s_annotations)
        {
            schema.Take(annotation);
        }

        DropUnsupported(schema, pointer);
        RewriteConstAndExamples(schema);
        RewriteExclusiveBound(schema, "exclusiveMinimum", "minimum", stricterIsGreater: true);
        RewriteExclusiveBound(schema, "exclusiveMaximum", "maximum", stricterIsGreater: false);
        RewriteContent(schema);
        CollapseNullMember(schema, "anyOf");
        CollapseNullMember(schema, "oneOf");
        RewriteType(schema);
        RewritePrefixItems(schema, pointer);
        WrapReferenceWithSiblings(schema);
    }

    private void DropUnsupported(YamlMappingNode schema, string pointer)
    {
        var conditional = new[] { "if", "then", "else" }.FirstOrDefault(schema.Has);
        if (conditional is not null)
        {
            Warn(pointer, conditional, "if/then/else", "the conditional subschemas are ignored");
            schema.Take("if");
            schema.Take("then");
            schema.Take("else");
        }

        foreach (var keyword in s_unsupported)
        {
            if (schema.Has(keyword))
            {
                Warn(pointer, keyword, keyword, "it is ignored");
                schema.Take(keyword);
            }
        }
    }

    private static void RewriteConstAndExamples(YamlMappingNode schema)
    {
        if (schema.Take("const") is { } constant)
        {
            schema.Set("enum", new YamlSequenceNode(constant));
        }

        // Schema `examples` is a list in 3.1 (a map of Example Objects only outside schemas).
        if (schema.Take("examples") is YamlSequenceNode { Children.Count: > 0 } examples && !schema.Has("example"))
        {
            schema.Set("example", examples.Children[0]);
        }
    }

    /// <summary>3.1's numeric <c>exclusiveMinimum: 5</c> is 3.0's <c>minimum: 5, exclusiveMinimum: true</c>.</summary>
    private static void RewriteExclusiveBound(YamlMappingNode schema, string exclusive, string inclusive, bool stricterIsGreater)
    {
        if (schema.Get(exclusive) is not YamlScalarNode { Value: { } value } || !TryParseNumber(value, out var bound))
        {
            return;
        }

        schema.Take(exclusive);
        if (schema.GetScalar(inclusive) is { } existing && TryParseNumber(existing, out var other) && (stricterIsGreater ? other > bound : other < bound))
        {
            return; // The inclusive bound is the stricter one.
        }

        schema.Set(inclusive, YamlTree.Plain(value));
        schema.Set(exclusive, YamlTree.Plain("true"));
    }

    /// <summary><c>contentEncoding: base64</c> is 3.0's <c>format: byte</c>; a binary <c>contentMediaType</c> is <c>format: binary</c>.</summary>
    private static void RewriteContent(YamlMappingNode schema)
    {
        var encoding = (schema.Take("contentEncoding") as YamlScalarNode)?.Value;
        var mediaType = (schema.Take("contentMediaType") as YamlScalarNode)?.Value;
        if (schema.Has("format") || schema.GetScalar("type") is not (null or "string"))
        {
            return;
        }

        if (encoding is "base64" or "base64url")
        {
            schema.Set("format", YamlTree.Plain("byte"));
        }
        else if (encoding is null && mediaType is not null && IsBinaryMediaType(mediaType))
        {
            schema.Set("format", YamlTree.Plain("binary"));
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
    private void CollapseNullMember(YamlMappingNode schema, string keyword)
    {
        if (schema.Get(keyword) is not YamlSequenceNode members || !members.Children.Any(IsNullSchema))
        {
            return;
        }

        var rest = members.Children.Where(m => !IsNullSchema(m)).ToList();
        schema.Set("nullable", YamlTree.Plain("true"));
        if (rest.Count != 1 || rest[0] is not YamlMappingNode single)
        {
            schema.Set(keyword, new YamlSequenceNode(rest));
            if (rest.Count == 0)
            {
                schema.Take(keyword);
            }

            return;
        }

        schema.Take(keyword);
        if (single.Has("$ref"))
        {
            AppendAllOf(schema, single);
            return;
        }

        // An inline member's keywords become the schema's own; the schema's own win where both say something.
        foreach (var entry in single.Entries())
        {
            if (entry.Key == "allOf" && entry.Value is YamlSequenceNode parts)
            {
                foreach (var part in parts.Children)
                {
                    AppendAllOf(schema, part);
                }
            }
            else if (!schema.Has(entry.Key))
            {
                schema.Set(entry.Key, entry.Value);
            }
        }
    }

    /// <summary>
    /// <c>{type: 'null'}</c>; members are rewritten before their parent, so also its rewritten form <c>{nullable: true}</c>.
    /// </summary>
    private static bool IsNullSchema(YamlNode node) =>
        node is YamlMappingNode mapping && mapping.Children.Count > 0
        && mapping.Entries().All(e => e.Key is "type" or "nullable" or "description" or "title")
        && mapping.Get("type") switch
        {
            YamlScalarNode { Value: "null" } => true,
            YamlSequenceNode { Children: { Count: 1 } types } => types[0] is YamlScalarNode { Value: "null" },
            null => mapping.GetScalar("nullable") == "true",
            _ => false,
        };

    /// <summary><c>type: [T, 'null']</c> is T with <c>nullable: true</c>; several types become a oneOf of one branch per type.</summary>
    private static void RewriteType(YamlMappingNode schema)
    {
        var type = schema.Get("type");
        if (type is YamlScalarNode { Value: "null" })
        {
            schema.Take("type");
            schema.Set("nullable", YamlTree.Plain("true"));
            return;
        }

        if (type is not YamlSequenceNode list)
        {
            return;
        }

        var names = list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Distinct(StringComparer.Ordinal).ToList();
        schema.Take("type");
        if (names.Remove("null"))
        {
            schema.Set("nullable", YamlTree.Plain("true"));
        }

        if (names.Count == 1)
        {
            schema.Set("type", YamlTree.Plain(names[0]));
            return;
        }

        if (names.Count == 0)
        {
            return;
        }

        var branches = new List<YamlNode>();
        var moved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var branch = YamlTree.Mapping("type", YamlTree.Plain(name));
            foreach (var keyword in s_keywordsByType.TryGetValue(name, out var keywords) ? keywords : Array.Empty<string>())
            {
                if (schema.Get(keyword) is { } value)
                {
                    branch.Set(keyword, value);
                    moved.Add(keyword);
                }
            }

            branches.Add(branch);
        }

        foreach (var keyword in moved)
        {
            schema.Take(keyword);
        }

        if (schema.Has("oneOf"))
        {
            AppendAllOf(schema, YamlTree.Mapping("oneOf", new YamlSequenceNode(branches)));
        }
        else
        {
            schema.Set("oneOf", new YamlSequenceNode(branches));
        }
    }

    /// <summary>A tuple is read as an array of its item type, which is only exact when all positions share it.</summary>
    private void RewritePrefixItems(YamlMappingNode schema, string pointer)
    {
        if (schema.Take("prefixItems") is not YamlSequenceNode tuple || tuple.Children.Count == 0)
        {
            return;
        }

        // `items: false` closes a 3.1 tuple; 3.0 has no such form.
        if (schema.Get("items") is YamlScalarNode)
        {
            schema.Take("items");
        }

        // Aliases of one schema are one node: compared once.
        var shapes = tuple.Children.Concat(schema.Get("items") is { } items ? new[] { items } : Array.Empty<YamlNode>())
            .Distinct(NodeIdentity.Instance).Select(Shape).ToList();
        if (!shapes.Contains(null) && shapes.Distinct(StringComparer.Ordinal).Count() == 1)
        {
            if (!schema.Has("items"))
            {
                schema.Set("items", tuple.Children[0]);
            }

            return;
        }

        Warn(pointer, "prefixItems", "prefixItems (a tuple of different item types)", "its items are read as JSON values");
        schema.Set("items", new YamlMappingNode());
    }

    /// <summary>3.0 ignores the siblings of a <c>$ref</c>; <c>allOf: [{$ref}]</c> keeps them (the description, nullable…).</summary>
    private void WrapReferenceWithSiblings(YamlMappingNode schema)
    {
        if (!schema.Has("$ref"))
        {
            return;
        }

        if (schema.Children.Count == 1)
        {
            _definitions.AddReference(schema);
            return;
        }

        var reference = YamlTree.Mapping("$ref", schema.Take("$ref")!);
        _definitions.AddReference(reference);
        var parts = new YamlSequenceNode(reference);
        if (schema.Take("allOf") is YamlSequenceNode existing)
        {
            foreach (var part in existing.Children)
            {
                parts.Children.Add(part);
            }
        }

        schema.Set("allOf", parts);
    }

    private static void AppendAllOf(YamlMappingNode schema, YamlNode part)
    {
        if (schema.Get("allOf") is YamlSequenceNode parts)
        {
            parts.Children.Add(part);
        }
        else
        {
            schema.Set("allOf", new YamlSequenceNode(part));
        }
    }

    /// <summary>The schema without its annotations, as text: two tuple positions of one type have the same shape.</summary>
    private string? Shape(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            return "";
        }

        var copy = new YamlMappingNode();
        foreach (var entry in mapping.Entries().Where(e => e.Key is not ("description" or "title" or "example" or "examples")))
        {
            copy.Children.Add(new YamlScalarNode(entry.Key), entry.Value);
        }

        return FlowYamlWriter.Write(copy, 64, ref _shapeBudget, MaxDepth);
    }

    private static bool TryParseNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
}
