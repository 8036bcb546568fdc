using System.Buffers;
using System.Net;
using System.Text.Json;
using Contracts.Benchmarks.Wire.Ours;
using Contracts.Runtime.Http;

namespace Contracts.Benchmarks.Wire.Serializers;

/// <summary>
/// Our generated JSON context, called the way the generated client calls it: <c>JsonSerializer</c> over
/// <c>LightsailJsonContext.Default.BucketAccessKeys</c> for bodies, <see cref="EnvelopeReader"/> for envelopes.
/// </summary>
public static class OursWire
{
    private static readonly EnvelopeShape<EnvelopeError> Shape = new(
        "success", "data", "error", LightsailJsonContext.Default.EnvelopeError, error => error.Code, error => error.Message);

    private static readonly JsonEncodedText Success = JsonEncodedText.Encode("success");
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");

    public static BucketAccessKeys Read(byte[] json) => JsonSerializer.Deserialize(json, LightsailJsonContext.Default.BucketAccessKeys)!;

    public static BucketAccessKeys ReadEnvelope(byte[] json) =>
        EnvelopeReader.Read(json, HttpStatusCode.OK, "GetBucketAccessKeys", Shape, LightsailJsonContext.Default.BucketAccessKeys);

    public static byte[] Write(BucketAccessKeys value) => JsonSerializer.SerializeToUtf8Bytes(value, LightsailJsonContext.Default.BucketAccessKeys);

    /// <summary>No envelope type is generated (the client unwraps it), so a server writes the members around the data.</summary>
    public static byte[] WriteEnvelope(BucketAccessKeys value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean(Success, true);
            writer.WritePropertyName(Data);
            JsonSerializer.Serialize(writer, value, LightsailJsonContext.Default.BucketAccessKeys);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The generated converter called directly, without JsonSerializer's entry (what the client pays on top).</summary>
    public static BucketAccessKeys ReadConverter(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return LightsailJsonContext.Converters.BucketAccessKeys.ReadValue(ref reader, LightsailJsonContext.Default.Options);
    }
}
