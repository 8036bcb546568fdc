using System;
using System.Buffers;
using System.Text;

namespace Contracts.Runtime.Http;

/// <summary>
/// A response body read into a buffer rented from <see cref="ArrayPool{T}.Shared"/>: results are deserialized straight
/// from it, with no copy into a new array. Its one owner disposes it exactly once, which wipes the bytes read (bodies
/// hold secrets: a created key, a token) and returns the buffer.
/// </summary>
internal readonly struct PooledBody : IDisposable
{
    private readonly byte[] _buffer;

    /// <summary>Takes ownership of <paramref name="buffer"/> (rented, or empty), of which <paramref name="length"/> bytes were read.</summary>
    public PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public static PooledBody Empty => new(Array.Empty<byte>(), 0);

    public int Length { get; }

    public ReadOnlySpan<byte> Span => new(_buffer, 0, Length);

    /// <summary>A copy, for the paths that keep the body (errors, text results).</summary>
    public byte[] ToArray() => Span.ToArray();

    /// <summary>The body as text in <paramref name="encoding"/>.</summary>
    public string Decode(Encoding encoding) => encoding.GetString(_buffer, 0, Length);

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            Array.Clear(_buffer, 0, Length);
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
