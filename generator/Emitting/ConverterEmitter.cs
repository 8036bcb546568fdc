using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints the JsonConverter of a record: straight-line <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c> code with
/// pre-encoded member names, nested inside the JSON context's <c>Converters</c> class.
/// </summary>
internal static partial class ConverterEmitter
{
    public static void Write(RecordModel record, SourceWriter writer)
    {
        // A record of a hierarchy is read and written with its inherited members; a value typed as it may be a derived one.
        var hierarchy = record.Hierarchy;
        record = WireView(record);
        var target = record.Target;
        var type = TypeNames.Of(new TypeRef(TypeKind.Object, record.Name), target);
        OpenConverter(writer, target, record.Name, type);
        var reads = (record.Directions & JsonDirections.Read) != 0;
        var writes = (record.Directions & JsonDirections.Write) != 0;
        var properties = record.Properties;
        if (writes)
        {
            // Only writing uses the encoded names and the set of declared names; reading compares UTF-8 literals.
            for (var i = 0; i < properties.Count; i++)
            {
                writer.WriteLine("private static readonly " + KnownTypes.JsonEncodedText + " s_name" + i + " = " + KnownTypes.JsonEncodedText + ".Encode(" + Literals.String(properties[i].JsonName) + ");");
            }

            if (record.Extra is not null && properties.Count > 0)
            {
                // A set, not one pattern of every name (entry.Key is "a" or "b" or …), whose compile time grows with the square of their number.
                writer.WriteLine("private static readonly " + KnownTypes.HashSet + "<string> s_declared = new(global::System.StringComparer.Ordinal) { "
                    + string.Join(", ", properties.Select(p => Literals.String(p.JsonName))) + " };");
            }

            if (properties.Count > 0)
            {
                writer.WriteLine();
            }
        }

        WriteOverrides(writer, type);
        if (hierarchy is not null)
        {
            WriteDispatch(writer, record, hierarchy, type, reads, writes);
        }

        var size = properties.Count + record.SkippedMembers.Count;
        var large = size > NullableAnalysis.MaxAnalyzedBody;
        NullableAnalysis.Suspend(writer, size);
        if (large && reads)
        {
            WriteValuesHolder(writer, record);
        }

        var readMethod = hierarchy is null ? "ReadValue" : "ReadExact";
        if (reads)
        {
            WriteRead(writer, record, type, large ? "values." : string.Empty, readMethod);
        }
        else
        {
            WriteNotRead(writer, record.Name, type, readMethod);
        }

        writer.WriteLine();
        if (writes)
        {
            WriteWrite(writer, record, type, large, hierarchy);
        }
        else
        {
            WriteNotWritten(writer, record.Name, type, hierarchy is null ? "WriteValue" : "WriteExact");
        }

        NullableAnalysis.Resume(writer, size);
        CloseConverter(writer);
    }

    /// <summary>
    /// The read method of a type the client never reads (<see cref="JsonDirections"/>): one line that throws, naming the
    /// opt-out, so that the compiler has nothing to bind where a reader would be.
    /// </summary>
    internal static void WriteNotRead(SourceWriter writer, string name, string type, string method) =>
        writer.WriteLine("internal static " + type + " " + method + "(ref " + KnownTypes.Utf8JsonReader + " reader, " + KnownTypes.JsonSerializerOptions + " options) => throw "
            + KnownTypes.JsonErrors + ".ReadingNotGenerated(" + Literals.String(name) + ");");

    /// <summary>The write method of a type the client never writes (<see cref="JsonDirections"/>): one line that throws, naming the opt-out.</summary>
    internal static void WriteNotWritten(SourceWriter writer, string name, string type, string method) =>
        writer.WriteLine("internal static void " + method + "(" + KnownTypes.Utf8JsonWriter + " writer, " + type + " value, " + KnownTypes.JsonSerializerOptions + " options) => throw "
            + KnownTypes.JsonErrors + ".WritingNotGenerated(" + Literals.String(name) + ");");

    /// <summary>
    /// A large record's values are read into the fields of an object rather than into locals: a method may have at most
    /// 65,534 locals (a record of 40,000 members did not compile), while a class may have millions of fields.
    /// </summary>
    private static void WriteValuesHolder(SourceWriter writer, RecordModel record)
    {
        writer.WriteLine("/// <summary>The members read so far; fields rather than locals, of which a method may have only 65,534.</summary>");
        writer.OpenBlock("private sealed class __Values");
        for (var i = 0; i < record.Properties.Count; i++)
        {
            var property = record.Properties[i];
            writer.WriteLine("public " + TypeNames.Of(property.Type, record.Target, property.IsNullable || !property.Type.IsValueType) + " value" + i + InitialValue(property, record.Target, " = ") + ";");
        }

        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>What a member holds before it is read: its default, so that a response without it reads as the default.</summary>
    private static string InitialValue(PropertyModel property, EmitTarget target, string prefix, string? otherwise = null) =>
        property.DefaultValue is { } value ? prefix + LiteralCode.Of(value, property.Type, target)
            : otherwise is null ? string.Empty : prefix + otherwise;

    /// <summary>Opens a converter class nested in the context's <c>Converters</c>; <see cref="CloseConverter"/> closes it.</summary>
    internal static void OpenConverter(SourceWriter writer, EmitTarget target, string name, string type)
    {
        OpenConvertersOf(writer, target, type);
        writer.OpenBlock("internal sealed class " + name + " : " + KnownTypes.JsonConverter + "<" + type + ">");
    }

    internal static void CloseConverter(SourceWriter writer)
    {
        writer.CloseBlock();
        CloseConverters(writer);
    }

    /// <summary>
    /// Opens the context's <c>Converters</c> and writes the summary and attribute of <paramref name="type"/>'s converter,
    /// which the caller declares; <see cref="CloseConverters"/> closes them.
    /// </summary>
    internal static void OpenConvertersOf(SourceWriter writer, EmitTarget target, string type)
    {
        FileHeader.OpenNamespace(writer, target);
        writer.OpenBlock(target.Accessibility + " sealed partial class " + target.ContextName);
        writer.OpenBlock("internal static partial class Converters");
        writer.WriteLine("/// <summary>Reads and writes <see cref=\"" + type + "\"/> as the OpenAPI document describes it.</summary>");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
    }

    internal static void CloseConverters(SourceWriter writer)
    {
        writer.CloseBlock();
        writer.CloseBlock();
        FileHeader.CloseNamespace(writer);
    }

    private static void WriteOverrides(SourceWriter writer, string type)
    {
        writer.WriteLine($$"""
            public override {{type}} Read(ref {{KnownTypes.Utf8JsonReader}} reader, {{KnownTypes.Type}} typeToConvert, {{KnownTypes.JsonSerializerOptions}} options) => ReadValue(ref reader, options);

            public override void Write({{KnownTypes.Utf8JsonWriter}} writer, {{type}} value, {{KnownTypes.JsonSerializerOptions}} options) => WriteValue(writer, value, options);

            """);
    }

    private static void WriteRead(SourceWriter writer, RecordModel record, string type, string values, string method)
    {
        var target = record.Target;
        var properties = record.Properties;
        writer.OpenBlock("internal static " + type + " " + method + "(ref " + KnownTypes.Utf8JsonReader + " reader, " + KnownTypes.JsonSerializerOptions + " options)");
        writer.OpenBlock("if (reader.TokenType != " + KnownTypes.JsonTokenType + ".StartObject)");
        writer.WriteLine("throw " + KnownTypes.JsonErrors + ".UnexpectedToken(reader.TokenType, \"an object\", " + Literals.String(record.Name) + ", null);");
        writer.CloseBlock();
        writer.WriteLine();
        if (values.Length > 0)
        {
            writer.WriteLine("var values = new __Values();");
        }
        else
        {
            for (var i = 0; i < properties.Count; i++)
            {
                var property = properties[i];
                var localType = TypeNames.Of(property.Type, target, property.IsNullable || !property.Type.IsValueType);
                writer.WriteLine(localType + " value" + i + InitialValue(property, target, " = ", "default") + ";");
            }
        }

        // One bit per required member in a mask of 64, checked once after the loop: a bool local, an assignment and a
        // check per required member cost the compiler more (GitHub's output: about a tenth of its compile time).
        var required = RequiredMembers(properties);
        for (var mask = 0; mask * 64 < required.Count; mask++)
        {
            writer.WriteLine("ulong found" + mask + " = 0;");
        }

        if (record.Extra is { } extra)
        {
            writer.WriteLine(KnownTypes.Dictionary + "<string, " + TypeNames.ElementOf(extra.Map, target) + ">? extra = null;");
        }

        // One flat "if … continue" per member, not an "else if" chain: the compiler's time grows with the square of a
        // chain's length (a record of 16,000 members took 49 s), and linearly with flat statements.
        writer.OpenBlock("while (reader.Read() && reader.TokenType == " + KnownTypes.JsonTokenType + ".PropertyName)");
        var bit = 0;
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            writer.OpenBlock("if (reader.ValueTextEquals(" + Literals.Utf8(property.JsonName) + "))");
            writer.WriteLine("reader.Read();");
            var read = JsonCode.Read(property.Type, target, Literals.String(record.Name), Literals.String(property.JsonName));
            writer.WriteLine(values + "value" + i + " = " + (property.IsNullable ? "reader.TokenType == " + KnownTypes.JsonTokenType + ".Null ? null : " + read : read) + ";");
            if (property.IsRequired)
            {
                writer.WriteLine("found" + (bit / 64) + " |= 1UL << " + (bit % 64) + ";");
                bit++;
            }

            writer.WriteLine("continue;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        // A discriminator the record does not declare is skipped, not kept as an additional value (the union writes it).
        foreach (var skipped in record.SkippedMembers)
        {
            writer.OpenBlock("if (reader.ValueTextEquals(" + Literals.Utf8(skipped) + "))");
            writer.WriteLine("reader.Read();");
            writer.WriteLine("reader.Skip();");
            writer.WriteLine("continue;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        // Members the document does not declare are kept when it allows additional properties, else skipped.
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

        writer.CloseBlock();
        writer.WriteLine();
        for (var mask = 0; mask * 64 < required.Count; mask++)
        {
            var members = required.GetRange(mask * 64, System.Math.Min(64, required.Count - (mask * 64)));
            var all = members.Count == 64 ? ulong.MaxValue : (1UL << members.Count) - 1;
            writer.OpenBlock("if (found" + mask + " != 0x" + all.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "UL)");
            writer.WriteLine("throw " + KnownTypes.JsonErrors + ".MissingRequired(" + Literals.String(record.Name) + ", found" + mask + ", new string[] { "
                + string.Join(", ", members.Select(i => Literals.String(properties[i].JsonName))) + " });");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.OpenBlock("return new " + type);
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var bang = property.IsRequired && !property.IsNullable && !property.Type.IsValueType ? "!" : string.Empty;
            writer.WriteLine(property.Name + " = " + values + "value" + i + bang + ",");
        }

        if (record.Extra is { } extraMembers)
        {
            writer.WriteLine(extraMembers.Name + " = extra,");
        }

        writer.CloseBlock(";");
        writer.CloseBlock();
    }

    /// <summary>The indexes of the required members among <paramref name="properties"/>: bit <c>n</c> of the masks is the <c>n</c>th.</summary>
    private static System.Collections.Generic.List<int> RequiredMembers(System.Collections.Generic.IReadOnlyList<PropertyModel> properties)
    {
        var required = new System.Collections.Generic.List<int>();
        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].IsRequired)
            {
                required.Add(i);
            }
        }

        return required;
    }

    /// <param name="large">
    /// Tests members without declaring a pattern local for each (<c>is { } member0</c>): like <see cref="WriteValuesHolder"/>,
    /// for the limit of 65,534 locals.
    /// </param>
    private static void WriteWrite(SourceWriter writer, RecordModel record, string type, bool large, HierarchyModel? hierarchy)
    {
        var target = record.Target;
        var properties = record.Properties;
        writer.OpenBlock("internal static void " + (hierarchy is null ? "WriteValue" : "WriteExact") + "(" + KnownTypes.Utf8JsonWriter + " writer, " + type + " value, " + KnownTypes.JsonSerializerOptions + " options)");
        writer.WriteLine("writer.WriteStartObject();");
        WriteUndeclaredDiscriminator(writer, record, hierarchy);
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
            var member = "value." + property.Name;
            if (large)
            {
                writer.OpenBlock("if (" + member + (property.Type.IsValueType ? ".HasValue)" : " is not null)"));
                writer.WriteLine(JsonCode.WriteMember(property.Type, target, name, property.Type.IsValueType ? member + ".Value" : member));
            }
            else
            {
                writer.OpenBlock("if (" + member + " is { } member" + i + ")");
                writer.WriteLine(JsonCode.WriteMember(property.Type, target, name, "member" + i));
            }

            writer.CloseBlock();
            if (property.IsRequired)
            {
                writer.OpenBlock("else");
                writer.WriteLine("writer.WriteNull(" + name + ");");
                writer.CloseBlock();
            }
            else if (DiscriminatorValueOf(property, hierarchy) is { } discriminatorValue)
            {
                // Unset, the discriminator is the record's own value: the type says what it is.
                writer.OpenBlock("else");
                writer.WriteLine("writer.WriteString(" + name + ", " + Literals.String(discriminatorValue) + ");");
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
                writer.OpenBlock("if (s_declared.Contains(entry.Key))");
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
