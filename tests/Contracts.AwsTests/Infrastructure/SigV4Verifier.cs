using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Contracts.Runtime.Aws;

namespace Contracts.AwsTests.Infrastructure;

/// <summary>
/// Checks a received request's SigV4 signature the way an AWS endpoint does: it recomputes the Authorization
/// header from what arrived (method, raw path and query, the headers named in SignedHeaders, the body's hash,
/// X-Amz-Date) with the runtime's pure signing steps, and compares. A client bug anywhere between signing and
/// the wire (a header changed after signing, a re-encoded path, another body) therefore shows up as a mismatch.
/// </summary>
public static class SigV4Verifier
{
    /// <summary>AWS refuses signatures further than this from its clock.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Returns null when the signature is valid, else the error AWS would answer with.</summary>
    public static SignatureFailure? Verify(ReceivedRequest request, AwsCredentials credentials, string region, string service, DateTimeOffset now)
    {
        var authorization = request.Header("Authorization");
        if (authorization is null)
        {
            return new("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        if (!TryParse(authorization, out var accessKeyId, out var scope, out var signedHeaders, out var signature))
        {
            return new("IncompleteSignatureException", "Authorization header requires Credential, SignedHeaders and Signature: " + authorization);
        }

        if (accessKeyId != credentials.AccessKeyId)
        {
            return new("UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        var amzDate = request.Header("X-Amz-Date");
        if (amzDate is null || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return new("IncompleteSignatureException", "X-Amz-Date is missing or not in the basic ISO-8601 form: " + amzDate);
        }

        if ((now - signedAt).Duration() > MaxClockSkew)
        {
            return new("InvalidSignatureException", "Signature expired: " + amzDate + " is more than 5 minutes from the server's time.");
        }

        var expectedScope = SigV4Signer.CredentialScope(signedAt, region, service);
        if (scope != expectedScope)
        {
            return new("InvalidSignatureException", "Credential should be scoped to " + expectedScope + ", not " + scope + ".");
        }

        var names = signedHeaders.Split(';');
        var unsigned = RequiredNames(request).Where(n => !names.Contains(n)).ToList();
        if (unsigned.Count > 0)
        {
            return new("InvalidSignatureException", "These headers must be signed: " + string.Join(", ", unsigned) + ".");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in names)
        {
            var matching = request.Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matching.Count == 0)
            {
                return new("InvalidSignatureException", "Signed header '" + name + "' is not in the request.");
            }

            headers.AddRange(matching);
        }

        var canonicalRequest = SigV4Signer.CanonicalRequest(request.Method, request.RawPath, request.RawQuery, headers, SigV4Signer.HashPayload(request.Body));
        var stringToSign = SigV4Signer.StringToSign(signedAt, expectedScope, canonicalRequest);
        var expected = SigV4Signer.AuthorizationHeader(
            credentials.AccessKeyId,
            expectedScope,
            SigV4Signer.SignedHeaders(headers),
            SigV4Signer.Signature(SigV4Signer.SigningKey(credentials, signedAt, region, service), stringToSign));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(authorization)))
        {
            // AWS's own wording, with what it computed, so a failing test shows which part differs.
            return new(
                "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.\n\n"
                + "The Canonical String for this request should have been\n'" + canonicalRequest + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
        }

        return null;
    }

    // Host and the date always, and every x-amz-* and content-type header that was sent: leaving one unsigned
    // would let anyone change the operation (X-Amz-Target) or how the body is read.
    private static IEnumerable<string> RequiredNames(ReceivedRequest request) =>
        new[] { "host", "x-amz-date" }
            .Concat(request.Headers.Select(h => h.Key.ToLowerInvariant()).Where(n => n.StartsWith("x-amz-", StringComparison.Ordinal) || n == "content-type"))
            .Distinct(StringComparer.Ordinal);

    // "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=a;b, Signature=hex"
    private static bool TryParse(string authorization, out string accessKeyId, out string scope, out string signedHeaders, out string signature)
    {
        accessKeyId = scope = signedHeaders = signature = string.Empty;
        var prefix = SigV4Signer.Algorithm + " ";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string? credential = null;
        foreach (var part in authorization[prefix.Length..].Split(','))
        {
            var pair = part.Trim().Split('=', 2);
            if (pair.Length != 2)
            {
                return false;
            }

            switch (pair[0])
            {
                case "Credential":
                    credential = pair[1];
                    break;
                case "SignedHeaders":
                    signedHeaders = pair[1];
                    break;
                case "Signature":
                    signature = pair[1];
                    break;
            }
        }

        var slash = credential?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (credential is null || slash <= 0 || signedHeaders.Length == 0 || signature.Length == 0)
        {
            return false;
        }

        accessKeyId = credential[..slash];
        scope = credential[(slash + 1)..];
        return true;
    }
}

/// <summary>Why a signature was refused: the AWS error type and message to answer with.</summary>
public sealed record SignatureFailure(string ErrorType, string Message);
