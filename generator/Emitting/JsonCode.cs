using System;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>The read and write expressions for one value of a <see cref="TypeRef"/>, used by every generated converter.</summary>
internal static class JsonCode
{
    /// <summary>An expression reading the current token as <paramref name="type"/> (never null).</summary>
    /// <param name="owner">A C# expression naming the type being read, for error messages.</param>
    /// <param name="member">A C# expression naming the member being read, for error messages.</param>
    public static string Read(TypeRef type, EmitTarget target, string owner, string member)
    {
        var names = owner + ", " + member;
        return type.Kind switch
        {
            TypeKind.String => KnownTypes.JsonRead + ".String(ref reader, " + names + ")",
            TypeKind.Boolean => KnownTypes.JsonRead + ".Boolean(ref reader, " + names + ")",
            TypeKind.Int32 => KnownTypes.JsonRead + ".Int32(ref reader, " + names + ")",
            TypeKind.Int64 => KnownTypes.JsonRead + ".Int64(ref reader, " + names + ")",
            TypeKind.Single => KnownTypes.JsonRead + ".Single(ref reader, " + names + ")",
            TypeKind.Double => KnownTypes.JsonRead + ".Double(ref reader, " + names + ")",
            TypeKind.Decimal => KnownTypes.JsonRead + ".Decimal(ref reader, " + names + ")",
            TypeKind.DateTimeOffset => KnownTypes.JsonRead + ".DateTimeOffset(ref reader, " + names + ")",
            TypeKind.Guid => KnownTypes.JsonRead + ".Guid(ref reader, " + names + ")",
            TypeKind.Bytes => KnownTypes.JsonRead + ".Bytes(ref reader, " + names + ")",
            TypeKind.Date => KnownTypes.JsonRead + ".Date(ref reader, " + names + ")",
            TypeKind.Duration => KnownTypes.JsonRead + ".Duration(ref reader, " + names + ")",
            TypeKind.UnixTime => KnownTypes.JsonRead + ".UnixSeconds(ref reader, " + names + ")",
            TypeKind.Any => KnownTypes.JsonElement + ".ParseValue(ref reader)",
            TypeKind.Object or TypeKind.Enum or TypeKind.Union => TypeNames.Converter(type, target) + ".ReadValue(ref reader, options)",
            TypeKind.Array or TypeKind.Map => "Read_" + type.Moniker + "(ref reader, options, " + names + ")",
            // The user's type is read by the converter its JSON type info holds (docs/overrides.md).
            TypeKind.External => KnownTypes.JsonSerializer + ".Deserialize(ref reader, " + UserTypeInfo(type, target) + ")!",
            // The empty string is the clear; ValueTextEquals compares the unescaped text, so only "" matches.
            TypeKind.Clearable => "(reader.TokenType == " + KnownTypes.JsonTokenType + ".String && reader.ValueTextEquals(global::System.ReadOnlySpan<byte>.Empty) ? "
                + TypeNames.Of(type, target) + ".Clear : new " + TypeNames.Of(type, target) + "(" + Read(type.Element!, target, owner, member) + "))",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    /// <summary>Reads an array item or map value of <paramref name="collection"/>: a JSON null is C# null when the element allows it.</summary>
    public static string ReadElement(TypeRef collection, EmitTarget target, string owner, string member)
    {
        var read = Read(collection.Element!, target, owner, member);
        return collection.ElementAllowsNull
            ? "reader.TokenType == " + KnownTypes.JsonTokenType + ".Null ? default(" + TypeNames.Of(collection.Element!, target, nullable: true) + ") : " + read
            : read;
    }

    /// <summary>A statement writing an array item or map value of <paramref name="collection"/> (null as a JSON null when allowed).</summary>
    public static string WriteElement(TypeRef collection, EmitTarget target, string value) => collection.ElementAllowsNull
        ? "if (" + value + " is { } item) " + WriteValue(collection.Element!, target, "item") + " else writer.WriteNullValue();"
        : WriteValue(collection.Element!, target, value);

    /// <summary>Statements writing member <paramref name="name"/> (a JsonEncodedText field) with <paramref name="value"/>.</summary>
    public static string WriteMember(TypeRef type, EmitTarget target, string name, string value) => type.Kind switch
    {
        TypeKind.DateTimeOffset when target.EpochTimestamps => KnownTypes.JsonWrite + ".EpochSeconds(writer, " + name + ", " + value + ");",
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Guid => "writer.WriteString(" + name + ", " + value + ");",
        TypeKind.Boolean => "writer.WriteBoolean(" + name + ", " + value + ");",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => "writer.WriteNumber(" + name + ", " + value + ");",
        TypeKind.Bytes => "writer.WriteBase64String(" + name + ", " + value + ");",
        TypeKind.Date => KnownTypes.JsonWrite + ".Date(writer, " + name + ", " + value + ");",
        TypeKind.Duration => KnownTypes.JsonWrite + ".Duration(writer, " + name + ", " + value + ");",
        TypeKind.UnixTime => KnownTypes.JsonWrite + ".UnixSeconds(writer, " + name + ", " + value + ");",
        _ => "writer.WritePropertyName(" + name + ");\n" + WriteValue(type, target, value),
    };

    /// <summary>A statement writing <paramref name="value"/> as a JSON value (array element, map value).</summary>
    public static string WriteValue(TypeRef type, EmitTarget target, string value) => type.Kind switch
    {
        TypeKind.DateTimeOffset when target.EpochTimestamps => KnownTypes.JsonWrite + ".EpochSecondsValue(writer, " + value + ");",
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Guid => "writer.WriteStringValue(" + value + ");",
        TypeKind.Boolean => "writer.WriteBooleanValue(" + value + ");",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => "writer.WriteNumberValue(" + value + ");",
        TypeKind.Bytes => "writer.WriteBase64StringValue(" + value + ");",
        TypeKind.Date => KnownTypes.JsonWrite + ".DateValue(writer, " + value + ");",
        TypeKind.Duration => KnownTypes.JsonWrite + ".DurationValue(writer, " + value + ");",
        TypeKind.UnixTime => KnownTypes.JsonWrite + ".UnixSecondsValue(writer, " + value + ");",
        TypeKind.Any => value + ".WriteTo(writer);",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => TypeNames.Converter(type, target) + ".WriteValue(writer, " + value + ", options);",
        TypeKind.Array or TypeKind.Map => "Write_" + type.Moniker + "(writer, " + value + ", options);",
        TypeKind.Clearable => "if (" + value + ".IsClear) writer.WriteStringValue(string.Empty); else " + WriteValue(type.Element!, target, value + ".Value"),
        TypeKind.External => KnownTypes.JsonSerializer + ".Serialize(writer, " + value + ", " + UserTypeInfo(type, target) + ");",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The JSON type info of a user's type, from the options being read or written with (the JSON context serves it).</summary>
    private static string UserTypeInfo(TypeRef type, EmitTarget target) =>
        "(" + KnownTypes.JsonTypeInfo + "<" + TypeNames.Of(type, target) + ">)options.GetTypeInfo(typeof(" + TypeNames.Of(type, target) + "))";

    /// <summary>
    /// The converter for a built-in type used as a whole body: <c>JsonMetadataServices</c>' own, or the runtime's where
    /// the wire form differs from System.Text.Json's (ISO-8601 durations, strict dates). Null for generated types.
    /// </summary>
    public static string? BuiltInConverter(TypeRef type) => type.Kind switch
    {
        TypeKind.Date => KnownTypes.IsoConverters + ".Date",
        TypeKind.Duration => KnownTypes.IsoConverters + ".Duration",
        TypeKind.UnixTime => KnownTypes.IsoConverters + ".UnixSeconds",
        _ => MetadataServicesConverter(type) is { } name ? KnownTypes.JsonMetadataServices + "." + name : null,
    };

    private static string? MetadataServicesConverter(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "StringConverter",
        TypeKind.Boolean => "BooleanConverter",
        TypeKind.Int32 => "Int32Converter",
        TypeKind.Int64 => "Int64Converter",
        TypeKind.Single => "SingleConverter",
        TypeKind.Double => "DoubleConverter",
        TypeKind.Decimal => "DecimalConverter",
        TypeKind.DateTimeOffset => "DateTimeOffsetConverter",
        TypeKind.Guid => "GuidConverter",
        TypeKind.Bytes => "ByteArrayConverter",
        TypeKind.Any => "JsonElementConverter",
        _ => null,
    };
}
