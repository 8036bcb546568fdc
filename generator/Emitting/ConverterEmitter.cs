using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints the JsonConverter of a record or enum: straight-line <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c> code with
/// pre-encoded member names, nested inside the JSON context's <c>Converters</c> class.
/// </summary>
internal static class ConverterEmitter
{
    public static string Emit(RecordModel record)
    {
        var target = record.Target;
        var type = TypeNames.Of(new TypeRef(TypeKind.Object, record.Name), target);
        var writer = OpenConverter(target, record.Name, type);
        var properties = record.Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            writer.WriteLine("private static readonly " + KnownTypes.JsonEncodedText + " s_name" + i + " = " + KnownTypes.JsonEncodedText + ".Encode(" + Literals.String(properties[i].JsonName) + ");");
        }

        if (properties.Count > 0)
        {
            writer.WriteLine();
        }

        WriteOverrides(writer, type);
        WriteRead(writer, record, type);
        writer.WriteLine();
        WriteWrite(writer, record, type);
        return CloseConverter(writer);
    }

    public static string Emit(EnumModel model)
    {
        var target = model.Target;
        var type = TypeNames.Of(new TypeRef(TypeKind.Enum, model.Name), target);
        var writer = OpenConverter(target, model.Name, type);
        WriteOverrides(writer, type);
        if (model.IsInteger)
        {
            WriteIntegerEnum(writer, model, type);
            return CloseConverter(writer);
        }

        writer.OpenBlock("internal static " + type + " ReadValue(ref " + KnownTypes.Utf8JsonReader + " reader, " + KnownTypes.JsonSerializerOptions + " options)");
        writer.OpenBlock("if (reader.TokenType != " + KnownTypes.JsonTokenType + ".String)");
        writer.WriteLine("throw " + KnownTypes.JsonErrors + ".UnexpectedToken(reader.TokenType, \"a string\", " + Literals.String(model.Name) + ", null);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("// Known values reuse their shared instance; any other string is kept as it came.");
        foreach (var member in model.Members)
        {
            writer.OpenBlock("if (reader.ValueTextEquals(" + Literals.Utf8(member.JsonValue) + "))");
            writer.WriteLine("return " + type + "." + member.Name + ";");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("return new " + type + "(reader.GetString()!);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("internal static void WriteValue(" + KnownTypes.Utf8JsonWriter + " writer, " + type + " value, " + KnownTypes.JsonSerializerOptions + " options) => writer.WriteStringValue(value.Value);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The JSON string of <paramref name=\"value\"/>, for parameters sent in URLs and headers.</summary>");
        writer.WriteLine("internal static string ToJsonValue(" + type + " value) => value.Value;");
        return CloseConverter(writer);
    }

    /// <summary>An integer enum is read from any 64-bit integer (unknown ones kept) and written back as the same number.</summary>
    private static void WriteIntegerEnum(SourceWriter writer, EnumModel model, string type)
    {
        writer.WriteLine($$"""
            internal static {{type}} ReadValue(ref {{KnownTypes.Utf8JsonReader}} reader, {{KnownTypes.JsonSerializerOptions}} options) =>
                new {{type}}({{KnownTypes.JsonRead}}.Int64(ref reader, {{Literals.String(model.Name)}}, null));

            internal static void WriteValue({{KnownTypes.Utf8JsonWriter}} writer, {{type}} value, {{KnownTypes.JsonSerializerOptions}} options) => writer.WriteNumberValue(value.Value);

            /// <summary>The JSON number of <paramref name="value"/>, for parameters sent in URLs and headers.</summary>
            internal static string ToJsonValue({{type}} value) => value.ToString();
            """);
    }

    private static SourceWriter OpenConverter(EmitTarget target, string name, string type)
    {
        var writer = FileHeader.Open(target);
        writer.OpenBlock(target.Accessibility + " sealed partial class " + target.ContextName);
        writer.OpenBlock("internal static partial class Converters");
        writer.WriteLine("/// <summary>Reads and writes <see cref=\"" + type + "\"/> as the OpenAPI document describes it.</summary>");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.OpenBlock("internal sealed class " + name + " : " + KnownTypes.JsonConverter + "<" + type + ">");
        return writer;
    }

    private static string CloseConverter(SourceWriter writer)
    {
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return FileHeader.Close(writer);
    }

    private static void WriteOverrides(SourceWriter writer, string type)
    {
        writer.WriteLine($$"""
            /// <inheritdoc/>
            public override {{type}} Read(ref {{KnownTypes.Utf8JsonReader}} reader, {{KnownTypes.Type}} typeToConvert, {{KnownTypes.JsonSerializerOptions}} options) => ReadValue(ref reader, options);

            /// <inheritdoc/>
            public override void Write({{KnownTypes.Utf8JsonWriter}} writer, {{type}} value, {{KnownTypes.JsonSerializerOptions}} options) => WriteValue(writer, value, options);

            """);
    }

    private static void WriteRead(SourceWriter writer, RecordModel record, string type)
    {
        var target = record.Target;
        var properties = record.Properties;
        writer.OpenBlock("internal static " + type + " ReadValue(ref " + KnownTypes.Utf8JsonReader + " reader, " + KnownTypes.JsonSerializerOptions + " options)");
        writer.OpenBlock("if (reader.TokenType != " + KnownTypes.JsonTokenType + ".StartObject)");
        writer.WriteLine("throw " + KnownTypes.JsonErrors + ".UnexpectedToken(reader.TokenType, \"an object\", " + Literals.String(record.Name) + ", null);");
        writer.CloseBlock();
        writer.WriteLine();
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var localType = TypeNames.Of(property.Type, target, property.IsNullable || !property.Type.IsValueType);
            writer.WriteLine(localType + " value" + i + " = default;");
            if (property.IsRequired)
            {
                writer.WriteLine("var has" + i + " = false;");
            }
        }

        if (record.Extra is { } extra)
        {
            writer.WriteLine(KnownTypes.Dictionary + "<string, " + TypeNames.ElementOf(extra.Map, target) + ">? extra = null;");
        }

        writer.OpenBlock("while (reader.Read() && reader.TokenType == " + KnownTypes.JsonTokenType + ".PropertyName)");
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            writer.OpenBlock((i == 0 ? "if" : "else if") + " (reader.ValueTextEquals(" + Literals.Utf8(property.JsonName) + "))");
            writer.WriteLine("reader.Read();");
            var read = JsonCode.Read(property.Type, target, Literals.String(record.Name), Literals.String(property.JsonName));
            writer.WriteLine("value" + i + " = " + (property.IsNullable ? "reader.TokenType == " + KnownTypes.JsonTokenType + ".Null ? null : " + read : read) + ";");
            if (property.IsRequired)
            {
                writer.WriteLine("has" + i + " = true;");
            }

            writer.CloseBlock();
        }

        // A discriminator the record does not declare is skipped, not kept as an additional value (the union writes it).
        var skipped = record.SkippedMembers.ToArray();
        for (var i = 0; i < skipped.Length; i++)
        {
            writer.OpenBlock((i == 0 && properties.Count == 0 ? "if" : "else if") + " (reader.ValueTextEquals(" + Literals.Utf8(skipped[i]) + "))");
            writer.WriteLine("reader.Read();");
            writer.WriteLine("reader.Skip();");
            writer.CloseBlock();
        }

        // Members the document does not declare are kept when it allows additional properties, else skipped.
        var chained = properties.Count + skipped.Length > 0;
        if (chained)
        {
            writer.OpenBlock("else");
        }

        if (record.Extra is { } kept)
        {
            writer.WriteLine("var extraName = reader.GetString()!;");
            writer.WriteLine("reader.Read();");
            writer.WriteLine("(extra ??= new())[extraName] = " + JsonCode.ReadElement(kept.Map, target, Literals.String(record.Name), "extraName") + ";");
        }
        else
        {
            writer.WriteLine("reader.Read();");
            writer.WriteLine("reader.Skip();");
        }

        if (chained)
        {
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.WriteLine();
        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].IsRequired)
            {
                writer.OpenBlock("if (!has" + i + ")");
                writer.WriteLine("throw " + KnownTypes.JsonErrors + ".MissingRequired(" + Literals.String(record.Name) + ", " + Literals.String(properties[i].JsonName) + ");");
                writer.CloseBlock();
                writer.WriteLine();
            }
        }

        writer.OpenBlock("return new " + type);
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var bang = property.IsRequired && !property.IsNullable && !property.Type.IsValueType ? "!" : string.Empty;
            writer.WriteLine(property.Name + " = value" + i + bang + ",");
        }

        if (record.Extra is { } extraMembers)
        {
            writer.WriteLine(extraMembers.Name + " = extra,");
        }

        writer.CloseBlock(";");
        writer.CloseBlock();
    }

    private static void WriteWrite(SourceWriter writer, RecordModel record, string type)
    {
        var target = record.Target;
        var properties = record.Properties;
        writer.OpenBlock("internal static void WriteValue(" + KnownTypes.Utf8JsonWriter + " writer, " + type + " value, " + KnownTypes.JsonSerializerOptions + " options)");
        writer.WriteLine("writer.WriteStartObject();");
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var name = "s_name" + i;
            if (!property.IsNullable)
            {
                writer.WriteLine(JsonCode.WriteMember(property.Type, target, name, "value." + property.Name));
                continue;
            }

            // Optional members are left out when unset; a required member that allows null is written as null.
            writer.OpenBlock("if (value." + property.Name + " is { } member" + i + ")");
            writer.WriteLine(JsonCode.WriteMember(property.Type, target, name, "member" + i));
            writer.CloseBlock();
            if (property.IsRequired)
            {
                writer.OpenBlock("else");
                writer.WriteLine("writer.WriteNull(" + name + ");");
                writer.CloseBlock();
            }
        }

        if (record.Extra is { } extra)
        {
            // A key that names a declared member was already written from that member: JSON objects keep one of each.
            writer.WriteLine();
            writer.OpenBlock("if (value." + extra.Name + " is { } extra)");
            writer.OpenBlock("foreach (var entry in extra)");
            if (properties.Count > 0)
            {
                writer.OpenBlock("if (entry.Key is " + string.Join(" or ", properties.Select(p => Literals.String(p.JsonName))) + ")");
                writer.WriteLine("continue;");
                writer.CloseBlock();
                writer.WriteLine();
            }

            writer.WriteLine("writer.WritePropertyName(entry.Key);");
            writer.WriteLine(JsonCode.WriteElement(extra.Map, target, "entry.Value"));
            writer.CloseBlock();
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }
}
