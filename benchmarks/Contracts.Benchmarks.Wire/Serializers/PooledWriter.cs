using System;
using System.Buffers;
using System.Text.Json;

namespace Contracts.Benchmarks.Wire.Serializers;

/// <summary>
/// One buffer and writer per thread, reset for each body: what <c>JsonSerializer.SerializeToUtf8Bytes</c> does
/// internally, so bodies written around a serializer call (envelopes) pay no more for their buffer than it does.
/// </summary>
internal static class PooledWriter
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static Utf8JsonWriter Rent(out ArrayBufferWriter<byte> buffer)
    {
        buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        if (t_writer is { } writer)
        {
            writer.Reset(buffer);
            return writer;
        }

        return t_writer = new Utf8JsonWriter(buffer);
    }

    /// <summary>Flushes <paramref name="writer"/> and copies what it wrote out of the shared buffer.</summary>
    public static byte[] ToArray(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
