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

    /// <summary>
    /// No envelope type is generated (the client unwraps it), so a server writes the two members around the data,
    /// which goes through the context like any body (with the per-thread buffer SerializeToUtf8Bytes also uses).
    /// </summary>
    public static byte[] WriteEnvelope(BucketAccessKeys value)
    {
        var writer = PooledWriter.Rent(out var buffer);
        writer.WriteStartObject();
        writer.WriteBoolean(Success, true);
        writer.WritePropertyName(Data);
        JsonSerializer.Serialize(writer, value, LightsailJsonContext.Default.BucketAccessKeys);
        writer.WriteEndObject();
        return PooledWriter.ToArray(writer, buffer);
    }

    /// <summary>The generated converter called directly, without JsonSerializer's entry (what the client pays on top).</summary>
    public static BucketAccessKeys ReadConverter(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var value = LightsailJsonContext.Converters.BucketAccessKeys.ReadValue(ref reader, LightsailJsonContext.Default.Options);
        if (reader.Read())
        {
            throw new JsonException("content after the value");
        }

        return value;
    }

    /// <summary>
    /// The envelope loop of <see cref="EnvelopeReader"/> (success flag, data, unknown members skipped, nothing after the
    /// envelope) reading the data through <see cref="Contracts.Runtime.Json.JsonValueReader"/> in one pass instead of
    /// <c>JsonSerializer.Deserialize(ref reader, …)</c>, which skips the data to find its end and then reads it again.
    /// What EnvelopeReader costs once it adopts that helper; not what the client calls today.
    /// </summary>
    public static BucketAccessKeys ReadEnvelopeConverter(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("not an object");
        }

        bool? success = null;
        BucketAccessKeys? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(Shape.SuccessProperty.EncodedUtf8Bytes))
            {
                reader.Read();
                success = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => throw new JsonException("success is not a boolean"),
                };
            }
            else if (reader.ValueTextEquals(Shape.DataProperty.EncodedUtf8Bytes))
            {
                reader.Read();
                data = reader.TokenType == JsonTokenType.Null ? null : Contracts.Runtime.Json.JsonValueReader.Read(ref reader, LightsailJsonContext.Default.BucketAccessKeys);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.Read())
        {
            throw new JsonException("content after the envelope");
        }

        return success == true && data is not null ? data : throw new JsonException("not a success envelope");
    }
}
