using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints the JSON context: a <c>JsonSerializerContext</c> whose <c>JsonTypeInfo&lt;T&gt;</c>s wrap the generated
/// converters (so reading and writing never touch reflection), plus the list and map helpers the converters share.
/// </summary>
internal static class JsonContextEmitter
{
    public static void Write(JsonContextModel context, SourceWriter writer)
    {
        var target = context.Target;
        var name = target.ContextName;
        FileHeader.Write(writer);
        FileHeader.OpenNamespace(writer, target);
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Reflection-free System.Text.Json metadata for the types of this OpenAPI document, for example");
        writer.WriteLine("/// <c>JsonSerializer.Serialize(value, " + name + ".Default.SomeType)</c>. Works with reflection disabled and under Native AOT.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.OpenBlock(target.Accessibility + " sealed partial class " + name + " : " + KnownTypes.JsonSerializerContext + ", " + KnownTypes.IJsonTypeInfoResolver);
        writer.WriteLine($$"""
            private static readonly {{KnownTypes.JsonSerializerOptions}} s_defaultOptions = new();

            /// <summary>The shared instance, over default options.</summary>
            public static {{name}} Default { get; } = new {{name}}(new {{KnownTypes.JsonSerializerOptions}}(s_defaultOptions));

            /// <summary>Creates a context over new default options.</summary>
            public {{name}}()
                : base(null)
            {
            }

            /// <summary>Creates a context bound to <paramref name="options"/>.</summary>
            public {{name}}({{KnownTypes.JsonSerializerOptions}} options)
                : base(options)
            {
            }

            /// <inheritdoc/>
            protected override {{KnownTypes.JsonSerializerOptions}}? GeneratedSerializerOptions => s_defaultOptions;

            /// <inheritdoc/>
            public override {{KnownTypes.JsonTypeInfo}}? GetTypeInfo({{KnownTypes.Type}} type)
            {
                Options.TryGetTypeInfo(type, out var typeInfo);
                return typeInfo;
            }

            """);
        // Every type's metadata is made by one generic method, not a method per type: the compiler binds, lowers and emits
        // each method it is given, and a description of 3,500 types made 3,500 of them.
        writer.WriteLine($$"""
            /// <summary>The metadata of <typeparamref name="T"/>, made once per options and kept in <paramref name="field"/>.</summary>
            private {{KnownTypes.JsonTypeInfo}}<T> TypeInfoOf<T>(ref {{KnownTypes.JsonTypeInfo}}<T>? field) =>
                field ??= ({{KnownTypes.JsonTypeInfo}}<T>)Options.GetTypeInfo(typeof(T));

            /// <summary>Metadata that reads and writes <typeparamref name="T"/> with <paramref name="converter"/>, and names this context as its resolver.</summary>
            private {{KnownTypes.JsonTypeInfo}}<T> CreateTypeInfo<T>({{KnownTypes.JsonSerializerOptions}} options, {{KnownTypes.JsonConverter}}<T> converter)
            {
                var typeInfo = {{KnownTypes.JsonMetadataServices}}.CreateValueInfo<T>(options, converter);
                typeInfo.OriginatingResolver = this;
                return typeInfo;
            }

            """);
        writer.OpenBlock(KnownTypes.JsonTypeInfo + "? " + KnownTypes.IJsonTypeInfoResolver + ".GetTypeInfo(" + KnownTypes.Type + " type, " + KnownTypes.JsonSerializerOptions + " options)");
        foreach (var type in context.Types)
        {
            writer.WriteLine("if (type == typeof(" + TypeNames.Of(type.Type, target) + ")) return " + Creation(type) + ";");
        }

        writer.WriteLine("return null;");
        writer.CloseBlock();
        foreach (var type in context.Types)
        {
            writer.WriteLine();
            WriteTypeInfo(writer, target, type);
        }

        if (context.Types.Any(t => t.Type.Kind == TypeKind.External))
        {
            writer.WriteLine();
            writer.WriteLine($$"""
                /// <summary>
                /// Supplies the JSON metadata of a type of your own that the OpenAPI document maps a schema to (x-contracts-type),
                /// when the type carries no <c>[JsonConverter]</c>: implement it in a partial part of this class, for example with
                /// <c>typeInfo = MyJsonContext.Default.GetTypeInfo(type);</c> where <c>MyJsonContext</c> is a
                /// <c>JsonSerializerContext</c> of yours that lists the type in <c>[JsonSerializable]</c>; null leaves the type to its attribute.
                /// </summary>
                static partial void GetUserTypeInfo({{KnownTypes.Type}} type, ref {{KnownTypes.JsonTypeInfo}}? typeInfo);
                """);
        }

        writer.WriteLine();
        // The one part of Converters that carries the attribute: a partial class takes it once, on any of its parts.
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.OpenBlock("internal static partial class Converters");
        var first = true;
        foreach (var collection in context.Collections)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            WriteCollectionHelpers(writer, target, collection);
        }

        foreach (var type in context.Types)
        {
            if (type.Type.Kind is TypeKind.Array or TypeKind.Map)
            {
                writer.WriteLine();
                WriteCollectionConverter(writer, target, type.Type);
            }
        }

        if (context.Types.Any(t => t.Type.Kind == TypeKind.External))
        {
            writer.WriteLine();
            WriteUserTypeConverter(writer);
        }

        writer.CloseBlock();
        writer.CloseBlock();
        FileHeader.CloseNamespace(writer);
    }

    /// <summary>The expression the resolver returns for <paramref name="model"/>: its metadata, made with its converter.</summary>
    private static string Creation(JsonTypeModel model) => model.Type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => "CreateTypeInfo(options, new Converters." + model.Type.Name + "())",
        TypeKind.Array or TypeKind.Map => "CreateTypeInfo(options, new Converters.Collection_" + model.Type.Moniker + "())",
        TypeKind.External => "Create_" + model.PropertyName + "(options)",
        // Inferred, not spelled: the built-in string converter is a JsonConverter<string?>.
        _ => "CreateTypeInfo(options, " + JsonCode.BuiltInConverter(model.Type) + ")",
    };

    /// <summary>The type as the doc comment names it: a generated type by its own name, others without <c>global::</c>.</summary>
    private static string DocName(TypeRef type, string fullName) =>
        type.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union ? type.Name! : fullName.Replace("global::", string.Empty);

    private static void WriteTypeInfo(SourceWriter writer, EmitTarget target, JsonTypeModel model)
    {
        var type = TypeNames.Of(model.Type, target);
        var info = KnownTypes.JsonTypeInfo + "<" + type + ">";
        writer.WriteLine($$"""
            private {{info}}? _{{model.PropertyName}};

            /// <summary>Metadata for <c>{{XmlDocs.Text(DocName(model.Type, type))}}</c>.</summary>
            public {{info}} {{model.PropertyName}} => TypeInfoOf(ref _{{model.PropertyName}});
            """);
        if (model.Type.Kind != TypeKind.External)
        {
            return;
        }

        // A type of the user's: read and written with the metadata their GetUserTypeInfo supplies (bound to their own
        // options, which resolve the types inside it), else by the converter its [JsonConverter] names.
        writer.WriteLine($$"""

            private {{info}} Create_{{model.PropertyName}}({{KnownTypes.JsonSerializerOptions}} options)
            {
                {{KnownTypes.JsonTypeInfo}}? supplied = null;
                GetUserTypeInfo(typeof({{type}}), ref supplied);
                return CreateTypeInfo(options, supplied is {{info}} own ? new Converters.UserTypeInfoConverter<{{type}}>(own) : Converters.UserType<{{type}}>(options));
            }
            """);
    }

    private static void WriteCollectionHelpers(SourceWriter writer, EmitTarget target, TypeRef collection)
    {
        var type = TypeNames.Of(collection, target);
        var element = TypeNames.ElementOf(collection, target);
        var moniker = collection.Moniker;
        var read = JsonCode.ReadElement(collection, target, "owner", "member");
        if (collection.Kind == TypeKind.Array)
        {
            writer.WriteLine($$"""
                internal static {{type}} Read_{{moniker}}(ref {{KnownTypes.Utf8JsonReader}} reader, {{KnownTypes.JsonSerializerOptions}} options, string owner, string? member)
                {
                    if (reader.TokenType != {{KnownTypes.JsonTokenType}}.StartArray)
                    {
                        throw {{KnownTypes.JsonErrors}}.UnexpectedToken(reader.TokenType, "an array", owner, member);
                    }

                    var items = new {{KnownTypes.List}}<{{element}}>();
                    while (reader.Read() && reader.TokenType != {{KnownTypes.JsonTokenType}}.EndArray)
                    {
                        items.Add({{read}});
                    }

                    return items;
                }

                internal static void Write_{{moniker}}({{KnownTypes.Utf8JsonWriter}} writer, {{type}} value, {{KnownTypes.JsonSerializerOptions}} options)
                {
                    writer.WriteStartArray();
                    for (var i = 0; i < value.Count; i++)
                    {
                        {{JsonCode.WriteElement(collection, target, "value[i]")}}
                    }

                    writer.WriteEndArray();
                }
                """);
            return;
        }

        writer.WriteLine($$"""
            internal static {{type}} Read_{{moniker}}(ref {{KnownTypes.Utf8JsonReader}} reader, {{KnownTypes.JsonSerializerOptions}} options, string owner, string? member)
            {
                if (reader.TokenType != {{KnownTypes.JsonTokenType}}.StartObject)
                {
                    throw {{KnownTypes.JsonErrors}}.UnexpectedToken(reader.TokenType, "an object", owner, member);
                }

                var entries = new {{KnownTypes.Dictionary}}<string, {{element}}>();
                while (reader.Read() && reader.TokenType == {{KnownTypes.JsonTokenType}}.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    entries[key] = {{read}};
                }

                return entries;
            }

            internal static void Write_{{moniker}}({{KnownTypes.Utf8JsonWriter}} writer, {{type}} value, {{KnownTypes.JsonSerializerOptions}} options)
            {
                writer.WriteStartObject();
                foreach (var entry in value)
                {
                    writer.WritePropertyName(entry.Key);
                    {{JsonCode.WriteElement(collection, target, "entry.Value")}}
                }

                writer.WriteEndObject();
            }
            """);
    }

    /// <summary>
    /// The converters of a type of the user's (x-contracts-type): one over the metadata the user's GetUserTypeInfo
    /// supplies, and the one its <c>[JsonConverter]</c> names. Reflection-free
    /// System.Text.Json cannot find metadata for a type its own source generator did not see, and it does not see
    /// generated code; the attribute is read with attribute reflection, which works under trimming and Native AOT.
    /// </summary>
    private static void WriteUserTypeConverter(SourceWriter writer)
    {
        writer.WriteLine($$"""
            internal sealed class UserTypeInfoConverter<T> : {{KnownTypes.JsonConverter}}<T>
            {
                private readonly {{KnownTypes.JsonTypeInfo}}<T> _typeInfo;

                public UserTypeInfoConverter({{KnownTypes.JsonTypeInfo}}<T> typeInfo) => _typeInfo = typeInfo;

                public override T Read(ref {{KnownTypes.Utf8JsonReader}} reader, {{KnownTypes.Type}} typeToConvert, {{KnownTypes.JsonSerializerOptions}} options) => {{KnownTypes.JsonSerializer}}.Deserialize(ref reader, _typeInfo)!;

                public override void Write({{KnownTypes.Utf8JsonWriter}} writer, T value, {{KnownTypes.JsonSerializerOptions}} options) => {{KnownTypes.JsonSerializer}}.Serialize(writer, value, _typeInfo);
            }

            internal static {{KnownTypes.JsonConverter}}<T> UserType<T>({{KnownTypes.JsonSerializerOptions}} options)
            {
                var attribute = ({{KnownTypes.JsonConverterAttribute}}?)global::System.Attribute.GetCustomAttribute(typeof(T), typeof({{KnownTypes.JsonConverterAttribute}}), false);
                var converter = attribute is null ? null
                    : attribute.ConverterType is { } converterType ? ({{KnownTypes.JsonConverter}}?)global::System.Activator.CreateInstance(converterType)
                    : attribute.CreateConverter(typeof(T));
                if (converter is {{KnownTypes.JsonConverterFactory}} factory)
                {
                    converter = factory.CreateConverter(typeof(T), options);
                }

                return converter as {{KnownTypes.JsonConverter}}<T> ?? throw new global::System.NotSupportedException(
                    "The type " + typeof(T).FullName + " (x-contracts-type) has no JSON metadata: give it [JsonConverter(typeof(...))], or supply its metadata from GetUserTypeInfo in a partial part of the JSON context; see docs/overrides.md.");
            }
            """);
    }

    private static void WriteCollectionConverter(SourceWriter writer, EmitTarget target, TypeRef collection)
    {
        var type = TypeNames.Of(collection, target);
        var moniker = collection.Moniker;
        writer.WriteLine($$"""
            internal sealed class Collection_{{moniker}} : {{KnownTypes.JsonConverter}}<{{type}}>
            {
                public override {{type}} Read(ref {{KnownTypes.Utf8JsonReader}} reader, {{KnownTypes.Type}} typeToConvert, {{KnownTypes.JsonSerializerOptions}} options) => Read_{{moniker}}(ref reader, options, {{Literals.String(moniker)}}, null);

                public override void Write({{KnownTypes.Utf8JsonWriter}} writer, {{type}} value, {{KnownTypes.JsonSerializerOptions}} options) => Write_{{moniker}}(writer, value, options);
            }
            """);
    }
}
