using System.Security.Cryptography;
using System.Text;

namespace Contracts.Runtime.Aws;

/// <summary>The two primitives SigV4 is built from, SHA-256 and HMAC-SHA256, and lowercase hex.</summary>
internal static class SigV4Crypto
{
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

    internal static string ToHex(byte[] bytes)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }
}
