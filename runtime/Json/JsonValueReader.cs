using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Runtime.Json;

/// <summary>
/// Reads a value nested in a larger document (the <c>data</c> of an envelope) in one pass.
/// <c>JsonSerializer.Deserialize(ref reader, typeInfo)</c> first skips the whole value to find its end and then reads
/// it again with a second reader; for generated converters that doubles the cost of the read. This calls the type's
/// converter on the caller's reader instead, and falls back to <c>JsonSerializer</c> from the same position whenever
/// that could differ: any failure (so errors keep JsonSerializer's message, path and line, and a value too deep for the
/// caller's reader but not for JsonSerializer's fresh one is still read) or a converter that did not stop on the
/// value's last token. Both paths read with the caller's reader settings and pass the type's options to the converter.
/// </summary>
internal static class JsonValueReader
{
    /// <summary>Reads the value at the reader's current token and leaves the reader on its last token.</summary>
    public static T? Read<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        if (typeInfo.Converter is JsonConverter<T> converter
            && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var start = reader;
            try
            {
                var value = converter.Read(ref reader, typeof(T), typeInfo.Options);
                if (reader.CurrentDepth == start.CurrentDepth
                    && reader.TokenType == (start.TokenType == JsonTokenType.StartObject ? JsonTokenType.EndObject : JsonTokenType.EndArray))
                {
                    return value;
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // JsonSerializer, run again from the start below, fails the same way and reports it as it always has
                // (with the path and line it adds to JsonException and NotSupportedException).
            }

            reader = start;
        }

        return JsonSerializer.Deserialize(ref reader, typeInfo);
    }
}
