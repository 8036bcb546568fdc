using System;
#if NET8_0_OR_GREATER
using System.Buffers;
#endif

namespace Contracts.Runtime.Aws;

public static partial class SigV4Signer
{
    /// <summary>
    /// The signature of one request: the same bytes the public steps compose (<see cref="CanonicalRequest(string, string, string, System.Collections.Generic.IEnumerable{System.Collections.Generic.KeyValuePair{string, string}}, string, SigV4SigningOptions?)"/>,
    /// <see cref="StringToSign"/>, <see cref="Signature"/>). On .NET 8 the canonical request and the string to sign
    /// are written into one pooled buffer and hashed there, never built as strings.
    /// </summary>
    private static string ComposeSignature(
        string method,
        string canonicalUri,
        string canonicalQuery,
        SigV4CanonicalHeaders headers,
        string payloadHash,
        string amzDate,
        SigV4SigningKeys.Entry signing)
    {
#if NET8_0_OR_GREATER
        var signedNames = headers.SignedNames();
        var requestLength = method.Length + canonicalUri.Length + canonicalQuery.Length + headers.BlockLength() + signedNames.Length + payloadHash.Length + 5;
        var stringToSignLength = Algorithm.Length + amzDate.Length + signing.Scope.Length + 67;
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(requestLength, stringToSignLength));
        try
        {
            var chars = buffer.AsSpan();
            var at = Append(chars, 0, method, '\n');
            at = Append(chars, at, canonicalUri, '\n');
            at = Append(chars, at, canonicalQuery, '\n');
            at += headers.WriteBlock(chars.Slice(at));
            chars[at++] = '\n';
            at = Append(chars, at, signedNames, '\n');
            payloadHash.AsSpan().CopyTo(chars.Slice(at));
            Span<byte> requestHash = stackalloc byte[32];
            SigV4Crypto.Sha256(chars.Slice(0, requestLength), requestHash);

            // The buffer is reused for the string to sign: Algorithm \n AmzDate \n scope \n hex(hash of the request).
            at = Append(chars, 0, Algorithm, '\n');
            at = Append(chars, at, amzDate, '\n');
            at = Append(chars, at, signing.Scope, '\n');
            SigV4Crypto.WriteHex(requestHash, chars.Slice(at, 64));
            return SigV4Crypto.HmacSha256Hex(signing.Key, chars.Slice(0, stringToSignLength));
        }
        finally
        {
            // The canonical request holds the session token when it is signed.
            Array.Clear(buffer, 0, Math.Max(requestLength, stringToSignLength));
            ArrayPool<char>.Shared.Return(buffer);
        }
#else
        var canonicalRequest = CanonicalRequest(method, canonicalUri, canonicalQuery, headers, payloadHash);
        var stringToSign = Algorithm + "\n" + amzDate + "\n" + signing.Scope + "\n" + SigV4Crypto.Sha256Hex(canonicalRequest);
        return SigV4Crypto.HmacSha256Hex(signing.Key, stringToSign);
#endif
    }

#if NET8_0_OR_GREATER
    private static int Append(Span<char> chars, int at, string text, char separator)
    {
        text.AsSpan().CopyTo(chars.Slice(at));
        at += text.Length;
        chars[at] = separator;
        return at + 1;
    }
#endif
}
