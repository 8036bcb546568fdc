using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints the JsonConverter of an enum, nested inside the JSON context's <c>Converters</c> class like every converter,
/// so that record converters, parameters and the context call <c>Converters.Name.ReadValue</c>, <c>WriteValue</c>,
/// <c>ToJsonValue</c> and <c>new Converters.Name()</c> for every type alike. A string enum's converter is an empty class
/// over the runtime's <c>OpenEnumConverter&lt;T&gt;</c>, whose static members those calls reach: no enum repeats them.
/// </summary>
internal static class EnumConverterEmitter
{
    private const string OpenEnumConverter = "global::Contracts.Runtime.Json.OpenEnumConverter";

    public static void Write(EnumModel model, SourceWriter writer)
    {
        var target = model.Target;
        var type = TypeNames.Of(new TypeRef(TypeKind.Enum, model.Name), target);
        if (model.IsInteger)
        {
            ConverterEmitter.OpenConverter(writer, target, model.Name, type);
            WriteIntegerEnum(writer, model, type);
            ConverterEmitter.CloseConverter(writer);
            return;
        }

        // Everything a string enum's converter does is the runtime's: its class is one line.
        ConverterEmitter.OpenConvertersOf(writer, target, type);
        writer.WriteLine("internal sealed class " + model.Name + " : " + OpenEnumConverter + "<" + type + "> { }");
        ConverterEmitter.CloseConverters(writer);
    }

    /// <summary>An integer enum is read from any 64-bit integer (unknown ones kept) and written back as the same number.</summary>
    private static void WriteIntegerEnum(SourceWriter writer, EnumModel model, string type)
    {
        writer.WriteLine($$"""
            /// <inheritdoc/>
            public override {{type}} Read(ref {{KnownTypes.Utf8JsonReader}} reader, {{KnownTypes.Type}} typeToConvert, {{KnownTypes.JsonSerializerOptions}} options) => ReadValue(ref reader, options);

            /// <inheritdoc/>
            public override void Write({{KnownTypes.Utf8JsonWriter}} writer, {{type}} value, {{KnownTypes.JsonSerializerOptions}} options) => WriteValue(writer, value, options);

            internal static {{type}} ReadValue(ref {{KnownTypes.Utf8JsonReader}} reader, {{KnownTypes.JsonSerializerOptions}} options) =>
                new {{type}}({{KnownTypes.JsonRead}}.Int64(ref reader, {{Literals.String(model.Name)}}, null));

            internal static void WriteValue({{KnownTypes.Utf8JsonWriter}} writer, {{type}} value, {{KnownTypes.JsonSerializerOptions}} options) => writer.WriteNumberValue(value.Value);

            /// <summary>The JSON number of <paramref name="value"/>, for parameters sent in URLs and headers.</summary>
            internal static string ToJsonValue({{type}} value) => value.ToString();
            """);
    }
}
