using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Contracts.Runtime.AspNetCore.OpenApi;

/// <summary>
/// Describes CLR types in one document: a generated type as a reference to its component (added, from the generated
/// JSON schema, the first time it is referred to, and every type it refers to with it), a list as an array, a dictionary
/// as a map, a scalar by its JSON type and format; <see langword="null"/> for anything else (a stream, JSON of any shape),
/// whose schema ASP.NET Core's stays.
/// </summary>
internal sealed class SchemaDescriber
{
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly OpenApiDocument _document;
    private readonly Dictionary<Type, ContractSchema> _byType = new();
    private readonly Dictionary<string, ContractSchema> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IOpenApiSchema> _added = new(StringComparer.Ordinal);

    public SchemaDescriber(ContractSchemas schemas, OpenApiDocument document)
    {
        _document = document;
        foreach (var schema in schemas.Schemas)
        {
            _byType[schema.Type] = schema;
            _byName[schema.Name] = schema;
        }
    }

    public IOpenApiSchema? Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (_byType.TryGetValue(type, out var generated))
        {
            return Reference(generated.Name);
        }

        if (Scalar(type) is { } scalar)
        {
            return scalar;
        }

        if (CollectionOf(type) is { } element)
        {
            return Describe(element) is { } items ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = items } : null;
        }

        if (MapOf(type) is { } value)
        {
            return Describe(value) is { } values ? new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = values } : null;
        }

        return null;
    }

    /// <summary>A reference to the component <paramref name="name"/>, added to the document (with what it refers to) the first time.</summary>
    private OpenApiSchemaReference Reference(string name)
    {
        if (_byName.TryGetValue(name, out var generated) && !_added.ContainsKey(name))
        {
            _added[name] = new OpenApiSchema(); // Marked first: a type that refers to itself comes back here.
            using var json = JsonDocument.Parse(generated.Json);
            _added[name] = Parse(json.RootElement);
            Put(name, _added[name]);
        }

        return new OpenApiSchemaReference(name, _document);
    }

    /// <summary>
    /// Puts every component described here (back) into the document, once every operation is: in place of the empty
    /// schema ASP.NET Core exported under the same name, whenever it did.
    /// </summary>
    public void Restore()
    {
        foreach (var (name, schema) in _added)
        {
            Put(name, schema);
        }
    }

    private void Put(string name, IOpenApiSchema schema)
    {
        _document.Components ??= new OpenApiComponents();
        _document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        _document.Components.Schemas[name] = schema;
    }

    private IOpenApiSchema Parse(JsonElement element)
    {
        if (element.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            var referenced = Reference(target.Substring(ComponentPrefix.Length));
            var siblings = 0;
            foreach (var property in element.EnumerateObject())
            {
                siblings += property.NameEquals("$ref") || property.NameEquals("description") ? 0 : 1;
            }

            if (siblings == 0)
            {
                if (element.TryGetProperty("description", out var text))
                {
                    referenced.Description = text.GetString();
                }

                return referenced;
            }

            // Keywords beside the reference (readOnly, a default): the reference as the one schema of an allOf.
            var wrapper = ParseKeywords(element);
            wrapper.AllOf = new List<IOpenApiSchema> { referenced };
            return wrapper;
        }

        return ParseKeywords(element);
    }

    private OpenApiSchema ParseKeywords(JsonElement element)
    {
        var schema = new OpenApiSchema();
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "type":
                    schema.Type = value.ValueKind == JsonValueKind.Array ? TypesOf(value) : TypeOf(value.GetString());
                    break;
                case "format": schema.Format = value.GetString(); break;
                case "description": schema.Description = value.GetString(); break;
                case "deprecated": schema.Deprecated = value.GetBoolean(); break;
                case "readOnly": schema.ReadOnly = value.GetBoolean(); break;
                case "writeOnly": schema.WriteOnly = value.GetBoolean(); break;
                case "default": schema.Default = JsonNode.Parse(value.GetRawText()); break;
                case "enum":
                    schema.Enum = new List<JsonNode>();
                    foreach (var item in value.EnumerateArray())
                    {
                        schema.Enum.Add(JsonNode.Parse(item.GetRawText())!);
                    }

                    break;
                case "required":
                    schema.Required = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var item in value.EnumerateArray())
                    {
                        schema.Required.Add(item.GetString()!);
                    }

                    break;
                case "properties":
                    schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
                    foreach (var member in value.EnumerateObject())
                    {
                        schema.Properties[member.Name] = Parse(member.Value);
                    }

                    break;
                case "items": schema.Items = Parse(value); break;
                case "additionalProperties": schema.AdditionalProperties = Parse(value); break;
                case "allOf": schema.AllOf = List(value); break;
                case "anyOf": schema.AnyOf = List(value); break;
                case "oneOf": schema.OneOf = List(value); break;
                case "discriminator":
                    var discriminator = new OpenApiDiscriminator { PropertyName = value.GetProperty("propertyName").GetString() };
                    if (value.TryGetProperty("mapping", out var mapping))
                    {
                        discriminator.Mapping = new Dictionary<string, OpenApiSchemaReference>(StringComparer.Ordinal);
                        foreach (var entry in mapping.EnumerateObject())
                        {
                            var target = entry.Value.GetString()!;
                            discriminator.Mapping[entry.Name] = Reference(target.StartsWith(ComponentPrefix, StringComparison.Ordinal) ? target.Substring(ComponentPrefix.Length) : target);
                        }
                    }

                    schema.Discriminator = discriminator;
                    break;
            }
        }

        return schema;
    }

    private List<IOpenApiSchema> List(JsonElement array)
    {
        var schemas = new List<IOpenApiSchema>();
        foreach (var item in array.EnumerateArray())
        {
            schemas.Add(Parse(item));
        }

        return schemas;
    }

    private static JsonSchemaType? TypesOf(JsonElement array)
    {
        JsonSchemaType? types = null;
        foreach (var item in array.EnumerateArray())
        {
            types = (types ?? 0) | TypeOf(item.GetString());
        }

        return types;
    }

    private static JsonSchemaType TypeOf(string? type) => type switch
    {
        "null" => JsonSchemaType.Null,
        "boolean" => JsonSchemaType.Boolean,
        "integer" => JsonSchemaType.Integer,
        "number" => JsonSchemaType.Number,
        "string" => JsonSchemaType.String,
        "array" => JsonSchemaType.Array,
        _ => JsonSchemaType.Object,
    };

    /// <summary>The JSON type and format of a scalar the generated code reads and writes; null for other types.</summary>
    private static OpenApiSchema? Scalar(Type type)
    {
        var (kind, format) =
            type == typeof(string) ? (JsonSchemaType.String, null)
            : type == typeof(bool) ? (JsonSchemaType.Boolean, null)
            : type == typeof(int) ? (JsonSchemaType.Integer, "int32")
            : type == typeof(long) ? (JsonSchemaType.Integer, "int64")
            : type == typeof(float) ? (JsonSchemaType.Number, "float")
            : type == typeof(double) ? (JsonSchemaType.Number, "double")
            : type == typeof(decimal) ? (JsonSchemaType.Number, "decimal")
            : type == typeof(Guid) ? (JsonSchemaType.String, "uuid")
            : type == typeof(DateTimeOffset) || type == typeof(DateTime) ? (JsonSchemaType.String, "date-time")
            : type == typeof(DateOnly) ? (JsonSchemaType.String, "date")
            : type == typeof(TimeSpan) ? (JsonSchemaType.String, "duration")
            : type == typeof(byte[]) ? (JsonSchemaType.String, "byte")
            // A body read from the connection, or written to it, as it is.
            : type == typeof(System.IO.Stream) ? (JsonSchemaType.String, "binary")
            : ((JsonSchemaType?)null, (string?)null);
        return kind is { } json ? new OpenApiSchema { Type = json, Format = format } : null;
    }

    /// <summary>The element type of a list (the generated code's <c>IReadOnlyList&lt;T&gt;</c>, or another list or array); null for other types.</summary>
    private static Type? CollectionOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IList<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    /// <summary>The value type of a dictionary keyed by strings; null for other types.</summary>
    private static Type? MapOf(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        return (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>))
            && arguments[0] == typeof(string)
            ? arguments[1]
            : null;
    }
}
