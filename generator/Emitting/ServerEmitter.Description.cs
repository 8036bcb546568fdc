using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The schemas of the generated types, for the application's own OpenAPI document: ASP.NET Core exports a schema from a
/// type's JSON metadata, and the generated context's converters hide every member, so each record, enum and union is
/// written here as a JSON schema built from the model (named as the C# type; other types by <c>$ref</c> to their names),
/// and the group of endpoints carries them as metadata for <c>Contracts.Runtime.AspNetCore.OpenApi</c> to read. Only
/// emitted when the project references that library (<see cref="EndpointsModel.Schemas"/>). The JSON text reaches the
/// code through <see cref="Literals.String"/>, like every other text of the document.
/// </summary>
internal static partial class ServerEmitter
{
    private const string ContractSchema = AspNetCoreRuntime + ".ContractSchema";
    private const string ContractSchemas = AspNetCoreRuntime + ".ContractSchemas";

    /// <summary>The method that makes the schemas, called once by the map method.</summary>
    private const string SchemasMethod = "DescribeSchemas";

    /// <summary>The map method's line that puts the schemas on the group; nothing when the server does not describe them.</summary>
    private static void WriteSchemasMetadata(SourceWriter writer, EndpointsModel model)
    {
        if (model.Schemas is not null)
        {
            writer.WriteLine(RoutingConventions + ".WithMetadata(group, " + SchemasMethod + "());");
        }
    }

    /// <summary>The endpoints class's other part: the method that makes the schemas.</summary>
    private static void WriteSchemas(SourceWriter writer, EndpointsModel model)
    {
        if (model.Schemas is not { } schemas)
        {
            return;
        }

        var target = model.Target;
        writer.WriteLine();
        writer.OpenBlock("static partial class " + model.EndpointsName);
        writer.WriteLine("/// <summary>The generated types' schemas, as the document declares them, for the application's own OpenAPI document.</summary>");
        writer.OpenBlock("private static " + ContractSchemas + " " + SchemasMethod + "() => new " + ContractSchemas + "(new " + ContractSchema + "[]");
        foreach (var record in schemas.Records)
        {
            WriteSchema(writer, target, record.Name, RecordSchema(record));
        }

        foreach (var item in schemas.Enums)
        {
            WriteSchema(writer, target, item.Name, EnumSchema(item));
        }

        foreach (var union in schemas.Unions)
        {
            WriteSchema(writer, target, union.Name, UnionSchema(union));
        }

        writer.Indentation--;
        writer.WriteLine("});");
        writer.CloseBlock();
    }

    private static void WriteSchema(SourceWriter writer, EmitTarget target, string name, string json) =>
        writer.WriteLine("new " + ContractSchema + "(typeof(" + TypeNames.Of(new TypeRef(TypeKind.Object, name), target) + "), " + Literals.String(name) + ", " + Literals.String(json) + "),");

    private static string RecordSchema(RecordModel record)
    {
        var own = new StringBuilder("{\"type\":\"object\"");
        AppendDescription(own, record.Description);
        if (record.IsDeprecated)
        {
            own.Append(",\"deprecated\":true");
        }

        var required = new List<string>();
        foreach (var property in record.Properties)
        {
            if (property.IsRequired)
            {
                required.Add(JsonString(property.JsonName));
            }
        }

        if (required.Count > 0)
        {
            own.Append(",\"required\":[").Append(string.Join(",", required)).Append(']');
        }

        if (!record.Properties.IsEmpty)
        {
            own.Append(",\"properties\":{");
            var first = true;
            foreach (var property in record.Properties)
            {
                own.Append(first ? string.Empty : ",").Append(JsonString(property.JsonName)).Append(':').Append(PropertySchema(property));
                first = false;
            }

            own.Append('}');
        }

        // The record's own additionalProperties: a derived record's inherited one comes with its base.
        if (record.Extra is { } extra)
        {
            own.Append(",\"additionalProperties\":").Append(Nullable(Schema(extra.ValueType), extra.ValueAllowsNull));
        }

        if (record.Hierarchy is { Discriminator: { } discriminator, Cases.IsEmpty: false } hierarchy)
        {
            own.Append(",\"discriminator\":{\"propertyName\":").Append(JsonString(discriminator)).Append(",\"mapping\":{");
            for (var i = 0; i < hierarchy.Cases.Count; i++)
            {
                own.Append(i > 0 ? "," : string.Empty).Append(JsonString(hierarchy.Cases[i].Value)).Append(':').Append(JsonString(Reference(hierarchy.Cases[i].Record)));
            }

            own.Append("}}");
        }

        own.Append('}');

        // A derived record declares its own members only: the base's come in by allOf, as the document wrote it.
        return record.Base is { } @base ? "{\"allOf\":[" + RefSchema(@base) + "," + own + "]}" : own.ToString();
    }

    private static string PropertySchema(PropertyModel property)
    {
        var schema = Nullable(Schema(property.Type), property.AllowsNull);
        var keywords = new StringBuilder();
        AppendDescription(keywords, property.Description);
        if (property.IsDeprecated)
        {
            keywords.Append(",\"deprecated\":true");
        }

        if (property.Access != MemberAccess.ReadWrite)
        {
            keywords.Append(property.Access == MemberAccess.ReadOnly ? ",\"readOnly\":true" : ",\"writeOnly\":true");
        }

        if (property.DefaultJson is { } defaultJson)
        {
            keywords.Append(",\"default\":").Append(defaultJson);
        }

        // The keywords beside the value's schema: after its last brace (a $ref with siblings, as OpenAPI 3.1 allows).
        return keywords.Length == 0 ? schema
            : schema == "{}" ? "{" + keywords.ToString(1, keywords.Length - 1) + "}"
            : schema.Substring(0, schema.Length - 1) + keywords + "}";
    }

    private static string EnumSchema(EnumModel model)
    {
        var schema = new StringBuilder(model.IsInteger ? "{\"type\":\"integer\",\"format\":\"int64\"" : "{\"type\":\"string\"");
        AppendDescription(schema, model.Description);
        if (model.IsDeprecated)
        {
            schema.Append(",\"deprecated\":true");
        }

        schema.Append(",\"enum\":[");
        for (var i = 0; i < model.Members.Count; i++)
        {
            // An integer's value is its invariant digits, JSON as it is; a string's is quoted.
            schema.Append(i > 0 ? "," : string.Empty).Append(model.IsInteger ? model.Members[i].JsonValue : JsonString(model.Members[i].JsonValue));
        }

        return schema.Append("]}").ToString();
    }

    private static string UnionSchema(UnionModel union)
    {
        var schema = new StringBuilder("{");
        if (union.Description is { } description)
        {
            schema.Append("\"description\":").Append(JsonString(description)).Append(',');
        }

        schema.Append("\"oneOf\":[");
        var mapping = new List<string>();
        for (var i = 0; i < union.Cases.Count; i++)
        {
            var @case = union.Cases[i];
            schema.Append(i > 0 ? "," : string.Empty).Append(Schema(@case.Type));
            if (@case.Type.Kind == TypeKind.Object)
            {
                foreach (var value in @case.DiscriminatorValues)
                {
                    mapping.Add(JsonString(value) + ":" + JsonString(Reference(@case.Type.Name!)));
                }
            }
        }

        schema.Append(']');
        if (union.Discriminator is { } discriminator)
        {
            schema.Append(",\"discriminator\":{\"propertyName\":").Append(JsonString(discriminator));
            if (mapping.Count > 0)
            {
                schema.Append(",\"mapping\":{").Append(string.Join(",", mapping)).Append('}');
            }

            schema.Append('}');
        }

        return schema.Append('}').ToString();
    }

    /// <summary>The JSON schema of a value of <paramref name="type"/>: the wire's type and format, or a reference to a generated type.</summary>
    private static string Schema(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "{\"type\":\"string\"}",
        TypeKind.Boolean => "{\"type\":\"boolean\"}",
        TypeKind.Int32 => "{\"type\":\"integer\",\"format\":\"int32\"}",
        TypeKind.Int64 => "{\"type\":\"integer\",\"format\":\"int64\"}",
        TypeKind.Single => "{\"type\":\"number\",\"format\":\"float\"}",
        TypeKind.Double => "{\"type\":\"number\",\"format\":\"double\"}",
        TypeKind.Decimal => "{\"type\":\"number\",\"format\":\"decimal\"}",
        TypeKind.DateTimeOffset => "{\"type\":\"string\",\"format\":\"date-time\"}",
        TypeKind.Guid => "{\"type\":\"string\",\"format\":\"uuid\"}",
        TypeKind.Bytes => "{\"type\":\"string\",\"format\":\"byte\"}",
        TypeKind.Date => "{\"type\":\"string\",\"format\":\"date\"}",
        TypeKind.Duration => "{\"type\":\"string\",\"format\":\"duration\"}",
        TypeKind.UnixTime => "{\"type\":\"integer\",\"format\":\"unix-time\"}",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => RefSchema(type.Name!),
        TypeKind.Array => "{\"type\":\"array\",\"items\":" + Nullable(Schema(type.Element!), type.ElementAllowsNull) + "}",
        TypeKind.Map => "{\"type\":\"object\",\"additionalProperties\":" + Nullable(Schema(type.Element!), type.ElementAllowsNull) + "}",
        // The value, or the empty string that clears it.
        TypeKind.Clearable => "{\"anyOf\":[" + Schema(type.Element!) + ",{\"type\":\"string\",\"enum\":[\"\"]}]}",
        // Free-form JSON, or a type of the user's own whose shape the document does not hold.
        _ => "{}",
    };

    /// <summary>
    /// The schema that also allows JSON null: <c>"type": [t, "null"]</c> for a typed value, <c>anyOf</c> with null for a
    /// reference or a composition (a free-form value already allows it).
    /// </summary>
    private static string Nullable(string schema, bool allowsNull)
    {
        if (!allowsNull || schema == "{}")
        {
            return schema;
        }

        const string TypePrefix = "{\"type\":\"";
        if (schema.StartsWith(TypePrefix, System.StringComparison.Ordinal))
        {
            var end = schema.IndexOf('"', TypePrefix.Length);
            return "{\"type\":[" + schema.Substring(TypePrefix.Length - 1, end - TypePrefix.Length + 2) + ",\"null\"]" + schema.Substring(end + 1);
        }

        return "{\"anyOf\":[" + schema + ",{\"type\":\"null\"}]}";
    }

    private static string RefSchema(string name) => "{\"$ref\":" + JsonString(Reference(name)) + "}";

    private static string Reference(string name) => "#/components/schemas/" + name;

    private static void AppendDescription(StringBuilder schema, string? description)
    {
        if (description is not null)
        {
            schema.Append(",\"description\":").Append(JsonString(description));
        }
    }

    /// <summary>A JSON string: quotes, backslashes and control characters escaped (the C# literal escapes the rest).</summary>
    private static string JsonString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c is '\u2028' or '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
