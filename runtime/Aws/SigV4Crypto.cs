using System;
using System.Security.Cryptography;
using System.Text;
#if NET8_0_OR_GREATER
using System.Buffers;
#endif

namespace Contracts.Runtime.Aws;

/// <summary>
/// The two primitives SigV4 is built from, SHA-256 and HMAC-SHA256, and lowercase hex. On .NET 8 they are the
/// one-shot static hashes over stack or pooled buffers: no hash object (each wraps a native context) per call.
/// </summary>
internal static class SigV4Crypto
{
    private const int HashSize = 32;
    private const string HexDigits = "0123456789abcdef";

#if NET8_0_OR_GREATER
    private const int StackLimit = 1024;

    internal static byte[] Sha256(byte[] data) => SHA256.HashData(data);

    internal static byte[] HmacSha256(byte[] key, string data)
    {
        var hash = new byte[HashSize];
        HmacSha256(key, data, hash);
        return hash;
    }

    /// <summary>HMAC-SHA256 of the UTF-8 of <paramref name="data"/>, written to <paramref name="destination"/> (32 bytes).</summary>
    internal static void HmacSha256(ReadOnlySpan<byte> key, ReadOnlySpan<char> data, Span<byte> destination)
    {
        byte[]? rented = null;
        var max = Encoding.UTF8.GetMaxByteCount(data.Length);
        var bytes = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        var length = Encoding.UTF8.GetBytes(data, bytes);
        HMACSHA256.HashData(key, bytes.Slice(0, length), destination);
        Release(rented, length);
    }

    /// <summary>SHA-256 of the UTF-8 of <paramref name="text"/>, written to <paramref name="destination"/> (32 bytes).</summary>
    internal static void Sha256(ReadOnlySpan<char> text, Span<byte> destination)
    {
        byte[]? rented = null;
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var bytes = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        var length = Encoding.UTF8.GetBytes(text, bytes);
        SHA256.HashData(bytes.Slice(0, length), destination);
        Release(rented, length);
    }

    internal static string Sha256Hex(string text)
    {
        Span<byte> hash = stackalloc byte[HashSize];
        Sha256(text, hash);
        return ToHex(hash);
    }

    /// <summary>The hex HMAC-SHA256 of <paramref name="data"/> (a signature), with no intermediate array.</summary>
    internal static string HmacSha256Hex(ReadOnlySpan<byte> key, ReadOnlySpan<char> data)
    {
        Span<byte> hash = stackalloc byte[HashSize];
        HmacSha256(key, data, hash);
        return ToHex(hash);
    }

    internal static string ToHex(byte[] bytes) => ToHex(new ReadOnlySpan<byte>(bytes));

    internal static string ToHex(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[bytes.Length * 2];
        WriteHex(bytes, chars);
        return new string(chars);
    }

    /// <summary>Writes <paramref name="bytes"/> as lowercase hex (two characters a byte) to <paramref name="destination"/>.</summary>
    internal static void WriteHex(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = HexDigits[bytes[i] >> 4];
            destination[(2 * i) + 1] = HexDigits[bytes[i] & 0xF];
        }
    }

    // What was hashed may hold a session token: wiped before the buffer is reused.
    private static void Release(byte[]? rented, int length)
    {
        if (rented is not null)
        {
            Array.Clear(rented, 0, length);
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
#else
    internal static byte[] Sha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(data);
    }

    internal static byte[] HmacSha256(byte[] key, string data)
    {
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(data));
    }

    internal static string Sha256Hex(string text) => ToHex(Sha256(Encoding.UTF8.GetBytes(text)));

    internal static string HmacSha256Hex(byte[] key, string data) => ToHex(HmacSha256(key, data));

    internal static string ToHex(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = HexDigits[bytes[i] >> 4];
            chars[(2 * i) + 1] = HexDigits[bytes[i] & 0xF];
        }

        return new string(chars);
    }
#endif
}
