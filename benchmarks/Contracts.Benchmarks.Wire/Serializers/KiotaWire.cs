using System.IO;
using Contracts.Benchmarks.Peers.Kiota.Models;
using Microsoft.Kiota.Serialization.Json;
using KEnvelope = Contracts.Benchmarks.Peers.Kiota.XAmzTargetLightsail_20161128GetBucketAccessKeys.GetBucketAccessKeysPostResponse;

namespace Contracts.Benchmarks.Wire.Serializers;

/// <summary>
/// Kiota's JSON serialization with the Kiota-generated models, through the entry points a Kiota client uses:
/// <see cref="JsonParseNodeFactory"/> over the response stream, <see cref="JsonSerializationWriter"/> for bodies.
/// </summary>
public static class KiotaWire
{
    private const string ContentType = "application/json";
    private static readonly JsonParseNodeFactory Factory = new();

    public static BucketAccessKeys Read(byte[] json) =>
        Factory.GetRootParseNodeAsync(ContentType, new MemoryStream(json)).GetAwaiter().GetResult().GetObjectValue(BucketAccessKeys.CreateFromDiscriminatorValue)!;

    public static BucketAccessKeys ReadEnvelope(byte[] json)
    {
        var envelope = Factory.GetRootParseNodeAsync(ContentType, new MemoryStream(json)).GetAwaiter().GetResult().GetObjectValue(KEnvelope.CreateFromDiscriminatorValue);
        return envelope is { Success: true, Data: { } data } ? data : throw new System.Text.Json.JsonException("not a success envelope");
    }

    public static byte[] Write(BucketAccessKeys value) => Serialize(value);

    public static byte[] WriteEnvelope(KEnvelope value) => Serialize(value);

    private static byte[] Serialize<T>(T value)
        where T : Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, value);
        using var content = writer.GetSerializedContent();
        var bytes = new MemoryStream();
        content.CopyTo(bytes);
        return bytes.ToArray();
    }
}
