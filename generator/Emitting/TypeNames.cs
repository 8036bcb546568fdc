using System;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>Prints <see cref="TypeRef"/>s as fully qualified C# types.</summary>
internal static class TypeNames
{
    public static string Of(TypeRef type, EmitTarget target) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Single => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.DateTimeOffset or TypeKind.UnixTime => "global::System.DateTimeOffset",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.Bytes => "byte[]",
        TypeKind.Any => KnownTypes.JsonElement,
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => "global::" + target.Namespace + "." + type.Name,
        TypeKind.Array => KnownTypes.IReadOnlyList + "<" + Of(type.Element!, target, type.ElementAllowsNull) + ">",
        TypeKind.Map => KnownTypes.IReadOnlyDictionary + "<string, " + Of(type.Element!, target, type.ElementAllowsNull) + ">",
        TypeKind.Date => "global::System.DateOnly",
        TypeKind.Duration => "global::System.TimeSpan",
        TypeKind.Clearable => KnownTypes.Clearable + "<" + Of(type.Element!, target) + ">",
        TypeKind.External => "global::" + type.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, null),
    };

    /// <summary>The element type of a list or map, with a <c>?</c> when its elements may be null.</summary>
    public static string ElementOf(TypeRef collection, EmitTarget target) => Of(collection.Element!, target, collection.ElementAllowsNull);

    /// <summary>The type with a <c>?</c> when <paramref name="nullable"/>.</summary>
    public static string Of(TypeRef type, EmitTarget target, bool nullable) => nullable ? Of(type, target) + "?" : Of(type, target);

    /// <summary>The converter class nested in the JSON context that reads and writes a record, enum or union.</summary>
    public static string Converter(TypeRef type, EmitTarget target) =>
        "global::" + target.Namespace + "." + target.ContextName + ".Converters." + type.Name;
}
