using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// JSON metadata for the scalar types generated parameters are read as (and lists of them), with the framework's own
/// converters. Where reflection is off (trimmed or Native AOT applications) ASP.NET Core's OpenAPI document asks the
/// HTTP JSON options for the metadata of every parameter type to export its schema, and fails without it; generated
/// JSON contexts describe models only. Last in the resolver chain, so any other resolver answers first.
/// </summary>
internal sealed class ScalarTypeInfoResolver : IJsonTypeInfoResolver
{
    public static ScalarTypeInfoResolver Instance { get; } = new();

    private ScalarTypeInfoResolver()
    {
    }

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        Scalar(type, options) ?? List(type, options);

    private static JsonTypeInfo? Scalar(Type type, JsonSerializerOptions options)
    {
        if (type == typeof(string)) return JsonMetadataServices.CreateValueInfo<string>(options, JsonMetadataServices.StringConverter);
        if (type == typeof(bool)) return JsonMetadataServices.CreateValueInfo<bool>(options, JsonMetadataServices.BooleanConverter);
        if (type == typeof(int)) return JsonMetadataServices.CreateValueInfo<int>(options, JsonMetadataServices.Int32Converter);
        if (type == typeof(long)) return JsonMetadataServices.CreateValueInfo<long>(options, JsonMetadataServices.Int64Converter);
        if (type == typeof(float)) return JsonMetadataServices.CreateValueInfo<float>(options, JsonMetadataServices.SingleConverter);
        if (type == typeof(double)) return JsonMetadataServices.CreateValueInfo<double>(options, JsonMetadataServices.DoubleConverter);
        if (type == typeof(decimal)) return JsonMetadataServices.CreateValueInfo<decimal>(options, JsonMetadataServices.DecimalConverter);
        if (type == typeof(Guid)) return JsonMetadataServices.CreateValueInfo<Guid>(options, JsonMetadataServices.GuidConverter);
        if (type == typeof(DateTimeOffset)) return JsonMetadataServices.CreateValueInfo<DateTimeOffset>(options, JsonMetadataServices.DateTimeOffsetConverter);
        if (type == typeof(DateOnly)) return JsonMetadataServices.CreateValueInfo<DateOnly>(options, JsonMetadataServices.DateOnlyConverter);
        if (type == typeof(TimeSpan)) return JsonMetadataServices.CreateValueInfo<TimeSpan>(options, JsonMetadataServices.TimeSpanConverter);
        if (type == typeof(byte[])) return JsonMetadataServices.CreateValueInfo<byte[]>(options, JsonMetadataServices.ByteArrayConverter);
        return null;
    }

    private static JsonTypeInfo? List(Type type, JsonSerializerOptions options)
    {
        if (type == typeof(IReadOnlyList<string>)) return ListOf<string>(options);
        if (type == typeof(IReadOnlyList<bool>)) return ListOf<bool>(options);
        if (type == typeof(IReadOnlyList<int>)) return ListOf<int>(options);
        if (type == typeof(IReadOnlyList<long>)) return ListOf<long>(options);
        if (type == typeof(IReadOnlyList<float>)) return ListOf<float>(options);
        if (type == typeof(IReadOnlyList<double>)) return ListOf<double>(options);
        if (type == typeof(IReadOnlyList<decimal>)) return ListOf<decimal>(options);
        if (type == typeof(IReadOnlyList<Guid>)) return ListOf<Guid>(options);
        if (type == typeof(IReadOnlyList<DateTimeOffset>)) return ListOf<DateTimeOffset>(options);
        if (type == typeof(IReadOnlyList<DateOnly>)) return ListOf<DateOnly>(options);
        if (type == typeof(IReadOnlyList<TimeSpan>)) return ListOf<TimeSpan>(options);
        return null;
    }

    private static JsonTypeInfo ListOf<T>(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateIEnumerableInfo<IReadOnlyList<T>, T>(options, new JsonCollectionInfoValues<IReadOnlyList<T>>());
}
