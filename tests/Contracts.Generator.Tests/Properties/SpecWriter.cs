using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Contracts.Generator.Tests.Properties;

/// <summary>Writes a <see cref="SchemaGraph"/> as an OpenAPI 3.0.3 JSON document with one operation that uses it.</summary>
internal static class SpecWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(SchemaGraph graph)
    {
        var schemas = new JsonObject();
        foreach (var schema in graph.Schemas)
        {
            schemas[schema.Name] = Named(graph, schema);
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Property", ["version"] = "1.0" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://property.example.com" }),
            ["paths"] = new JsonObject
            {
                ["/things"] = new JsonObject
                {
                    ["post"] = new JsonObject
                    {
                        ["operationId"] = "Exchange",
                        ["requestBody"] = new JsonObject
                        {
                            ["required"] = true,
                            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(graph, graph.Body, false) } },
                        },
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = "The things.",
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(graph, graph.Response, false) } },
                            },
                        },
                    },
                },
            },
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
        return document.ToJsonString(Indented);
    }

    private static JsonObject Named(SchemaGraph graph, SchemaDef schema) => schema switch
    {
        ObjectDef { Bases.Count: 0 } obj => ObjectBody(graph, obj),
        ObjectDef obj => new JsonObject
        {
            ["allOf"] = new JsonArray([.. obj.Bases.Select(b => (JsonNode)Ref(graph, b)), ObjectBody(graph, obj)]),
        },
        EnumDef e => Schema(graph, e.Enum, false),
        UnionDef union => Union(graph, union),
        _ => throw new ArgumentOutOfRangeException(nameof(schema)),
    };

    private static JsonObject ObjectBody(SchemaGraph graph, ObjectDef obj)
    {
        var body = new JsonObject { ["type"] = "object" };
        var required = obj.Properties.Where(p => p.Required).Select(p => (JsonNode)JsonValue.Create(p.JsonName)!).ToArray();
        if (required.Length > 0)
        {
            body["required"] = new JsonArray(required);
        }

        var properties = new JsonObject();
        foreach (var property in obj.Properties)
        {
            properties[property.JsonName] = Schema(graph, property.Shape, property.Nullable);
        }

        body["properties"] = properties;
        if (obj.Extra is { } extra)
        {
            body["additionalProperties"] = extra is ScalarShape { Kind: ScalarKind.Any } ? true : Schema(graph, extra, false);
        }

        if (obj.Discriminator is { } discriminator)
        {
            var value = new JsonObject { ["propertyName"] = discriminator.PropertyName };
            var index = graph.IndexOf(obj);
            if (discriminator.Mapped)
            {
                var mapping = new JsonObject();
                foreach (var derived in graph.DiscriminatedDescendantsOf(index))
                {
                    mapping[SchemaGraph.MappingValue(derived)] = "#/components/schemas/" + graph.Schemas[derived].Name;
                }

                value["mapping"] = mapping;
            }

            body["discriminator"] = value;
        }

        return body;
    }

    private static JsonObject Union(SchemaGraph graph, UnionDef union)
    {
        var schema = new JsonObject { [union.AnyOf ? "anyOf" : "oneOf"] = new JsonArray([.. union.Cases.Select(c => (JsonNode)Schema(graph, c, false))]) };
        if (union.Discriminator is { } discriminator)
        {
            var value = new JsonObject { ["propertyName"] = discriminator.PropertyName };
            if (discriminator.MappingValues is { } values)
            {
                var mapping = new JsonObject();
                for (var i = 0; i < union.Cases.Count; i++)
                {
                    mapping[values[i]] = "#/components/schemas/" + graph.Schemas[((RefShape)union.Cases[i]).Target].Name;
                }

                value["mapping"] = mapping;
            }

            schema["discriminator"] = value;
        }

        return schema;
    }

    /// <summary>The schema of a shape; a nullable reference is <c>allOf: [$ref]</c> with <c>nullable: true</c> (a sibling of $ref is ignored in 3.0).</summary>
    private static JsonObject Schema(SchemaGraph graph, Shape shape, bool nullable)
    {
        var schema = shape switch
        {
            ScalarShape scalar => Scalar(scalar.Kind),
            StringEnumShape e => new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray([.. e.Values.Select(v => (JsonNode?)JsonValue.Create(v)), .. nullable ? new JsonNode?[] { null } : []]),
            },
            IntegerEnumShape e => new JsonObject
            {
                ["type"] = "integer",
                ["enum"] = new JsonArray([.. e.Values.Select(v => (JsonNode?)JsonValue.Create(v)), .. nullable ? new JsonNode?[] { null } : []]),
            },
            ArrayShape array => new JsonObject { ["type"] = "array", ["items"] = Schema(graph, array.Items, array.NullableItems) },
            MapShape map => new JsonObject { ["type"] = "object", ["additionalProperties"] = Schema(graph, map.Values, map.NullableValues) },
            RefShape { Wrapped: false } reference when !nullable => Ref(graph, reference.Target),
            RefShape reference => new JsonObject
            {
                ["allOf"] = new JsonArray(Ref(graph, reference.Target)),
                ["description"] = "A " + graph.Schemas[reference.Target].Name + ".",
            },
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };

        if (nullable)
        {
            schema["nullable"] = true;
        }

        return schema;
    }

    private static JsonObject Ref(SchemaGraph graph, int target) => new() { ["$ref"] = "#/components/schemas/" + graph.Schemas[target].Name };

    private static JsonObject Scalar(ScalarKind kind) => kind switch
    {
        ScalarKind.String => Typed("string"),
        ScalarKind.DateTime => Typed("string", "date-time"),
        ScalarKind.Date => Typed("string", "date"),
        ScalarKind.Uuid => Typed("string", "uuid"),
        ScalarKind.Uri => Typed("string", "uri"),
        ScalarKind.Byte => Typed("string", "byte"),
        ScalarKind.Duration => Typed("string", "duration"),
        ScalarKind.Int32 => Typed("integer", "int32"),
        ScalarKind.Int64 => Typed("integer", "int64"),
        ScalarKind.Integer => Typed("integer"),
        ScalarKind.Float => Typed("number", "float"),
        ScalarKind.Double => Typed("number", "double"),
        ScalarKind.Number => Typed("number"),
        ScalarKind.Boolean => Typed("boolean"),
        ScalarKind.Any => new JsonObject(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static JsonObject Typed(string type, string? format = null)
    {
        var schema = new JsonObject { ["type"] = type };
        if (format is not null)
        {
            schema["format"] = format;
        }

        return schema;
    }
}
