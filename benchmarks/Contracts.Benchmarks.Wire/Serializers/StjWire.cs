using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Contracts.Benchmarks.Wire.Models;

namespace Contracts.Benchmarks.Wire.Serializers;

/// <summary>System.Text.Json on the reference records: the source generator (the baseline) and reflection.</summary>
public static class StjWire
{
    private static readonly JsonSerializerOptions ReflectionOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonTypeInfo<RefBucketAccessKeys> ReflectionData = (JsonTypeInfo<RefBucketAccessKeys>)ReflectionOptions.GetTypeInfo(typeof(RefBucketAccessKeys));
    private static readonly JsonTypeInfo<RefEnvelope> ReflectionEnvelope = (JsonTypeInfo<RefEnvelope>)ReflectionOptions.GetTypeInfo(typeof(RefEnvelope));

    public static RefBucketAccessKeys SourceGenRead(byte[] json) => JsonSerializer.Deserialize(json, ReferenceJsonContext.Default.RefBucketAccessKeys)!;

    public static RefBucketAccessKeys SourceGenReadEnvelope(byte[] json) => Unwrap(JsonSerializer.Deserialize(json, ReferenceJsonContext.Default.RefEnvelope));

    public static byte[] SourceGenWrite(RefBucketAccessKeys value) => JsonSerializer.SerializeToUtf8Bytes(value, ReferenceJsonContext.Default.RefBucketAccessKeys);

    public static byte[] SourceGenWriteEnvelope(RefEnvelope value) => JsonSerializer.SerializeToUtf8Bytes(value, ReferenceJsonContext.Default.RefEnvelope);

    public static RefBucketAccessKeys ReflectionRead(byte[] json) => JsonSerializer.Deserialize(json, ReflectionData)!;

    public static RefBucketAccessKeys ReflectionReadEnvelope(byte[] json) => Unwrap(JsonSerializer.Deserialize(json, ReflectionEnvelope));

    public static byte[] ReflectionWrite(RefBucketAccessKeys value) => JsonSerializer.SerializeToUtf8Bytes(value, ReflectionData);

    public static byte[] ReflectionWriteEnvelope(RefEnvelope value) => JsonSerializer.SerializeToUtf8Bytes(value, ReflectionEnvelope);

    /// <summary>What a caller does with a deserialized envelope: the data of a success, else a failure.</summary>
    internal static RefBucketAccessKeys Unwrap(RefEnvelope? envelope) =>
        envelope is { Success: true, Data: { } data } ? data : throw new JsonException("not a success envelope");
}
