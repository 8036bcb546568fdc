using System;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>How parameter values are written into URLs and headers (invariant culture, JSON spellings).</summary>
internal static class ParameterCode
{
    /// <summary>An expression turning a non-null <paramref name="value"/> of <paramref name="type"/> into a string.</summary>
    public static string Format(TypeRef type, EmitTarget target, string value) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Boolean => "(" + value + " ? \"true\" : \"false\")",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal =>
            value + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.DateTimeOffset => value + ".ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.Guid => value + ".ToString(\"D\")",
        TypeKind.Bytes => "global::System.Convert.ToBase64String(" + value + ")",
        TypeKind.Enum or TypeKind.Union => TypeNames.Converter(type, target) + ".ToJsonValue(" + value + ")",
        TypeKind.Date => KnownTypes.JsonWrite + ".FormatDate(" + value + ")",
        TypeKind.Duration => KnownTypes.IsoDuration + ".Format(" + value + ")",
        TypeKind.UnixTime => KnownTypes.JsonWrite + ".FormatUnixSeconds(" + value + ")",
        TypeKind.Array => "string.Join(\",\", global::System.Linq.Enumerable.Select(" + value + ", static item => " + Format(type.Element!, target, "item") + "))",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Structured parameters are rejected by the parser."),
    };

    /// <summary>
    /// The statement telling the runtime that a path parameter holds a credential: the URL keeps only the value, so
    /// without it the runtime could not keep the value out of exception messages. Null for other parameters.
    /// </summary>
    public static string? MarkCredential(ParameterModel parameter, EmitTarget target) => parameter.IsCredential
        ? KnownTypes.ContractsHttp + ".MarkCredential(__request, " + Format(parameter.Type, target, parameter.ParameterName) + ");"
        : null;
}
