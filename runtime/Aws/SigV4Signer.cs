using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Contracts.Runtime.Aws;

/// <summary>
/// AWS Signature Version 4 (header-based, <c>AWS4-HMAC-SHA256</c>). Each step of the specification is a pure function
/// here, so it can be checked against the AWS test suite on its own; <see cref="Sign"/> and <see cref="SignAsync"/>
/// apply them to an <see cref="System.Net.Http.HttpRequestMessage"/>.
/// </summary>
public static partial class SigV4Signer
{
    /// <summary>The algorithm name that starts the string to sign and the <c>Authorization</c> header.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The SHA-256 of an empty payload, in lowercase hex.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private const string ScopeTerminator = "aws4_request";

    /// <summary>The payload hash of the canonical request: the SHA-256 of <paramref name="payload"/>, in lowercase hex.</summary>
    public static string HashPayload(byte[] payload)
    {
        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload));
        }

        return payload.Length == 0 ? EmptyPayloadHash : SigV4Crypto.ToHex(SigV4Crypto.Sha256(payload));
    }

    /// <summary>The <c>X-Amz-Date</c> form of a time: UTC, <c>yyyyMMdd'T'HHmmss'Z'</c> (such as <c>20150830T123600Z</c>).</summary>
    public static string AmzDate(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The canonical URI of a path as sent on the request line (before any <c>?</c>): normalized and encoded again
    /// for most services, or as <paramref name="options"/> say (see <see cref="SigV4SigningOptions.ForS3"/>).
    /// </summary>
    public static string CanonicalUri(string path, SigV4SigningOptions? options = null)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        options ??= new SigV4SigningOptions();
        return SigV4UriEncoding.CanonicalUri(path, options.NormalizePath, options.DoubleEncodePath);
    }

    /// <summary>
    /// The canonical query string of a query (with or without its leading <c>?</c>): every name and value
    /// percent-decoded and then RFC 3986-encoded, sorted by name and then value, a missing value signed as empty.
    /// </summary>
    public static string CanonicalQueryString(string query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        return SigV4UriEncoding.CanonicalQuery(query);
    }

    /// <summary>
    /// The canonical headers block: one <c>name:value\n</c> line per distinct name, names lowercased and sorted,
    /// values trimmed with inner whitespace runs collapsed, repeated names joined by commas in order. A value that
    /// spans several lines is signed as its lines joined by commas.
    /// </summary>
    public static string CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        SigV4CanonicalHeaders.From(headers).Block();

    /// <summary>The signed headers list: the distinct lowercased names, sorted, joined by semicolons.</summary>
    public static string SignedHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        SigV4CanonicalHeaders.From(headers).SignedNames();

    /// <summary>
    /// The canonical request: method, canonical URI, canonical query string, canonical headers, signed headers and
    /// payload hash, separated by newlines. Every header in <paramref name="headers"/> is signed.
    /// </summary>
    /// <param name="method">The HTTP method, as sent.</param>
    /// <param name="path">The path as on the request line, without the query.</param>
    /// <param name="query">The query, with or without its leading <c>?</c>; empty when there is none.</param>
    /// <param name="headers">The headers to sign, in request order; a name may repeat.</param>
    /// <param name="payloadHash">The hex SHA-256 of the body (see <see cref="HashPayload"/>).</param>
    /// <param name="options">Service variations; the defaults suit every service but S3.</param>
    public static string CanonicalRequest(
        string method,
        string path,
        string query,
        IEnumerable<KeyValuePair<string, string>> headers,
        string payloadHash,
        SigV4SigningOptions? options = null)
    {
        RequireText(method, nameof(method));
        RequireText(payloadHash, nameof(payloadHash));
        return CanonicalRequest(method, CanonicalUri(path, options), CanonicalQueryString(query), SigV4CanonicalHeaders.From(headers), payloadHash);
    }

    /// <summary>The credential scope: <c>date/region/service/aws4_request</c>.</summary>
    public static string CredentialScope(DateTimeOffset timestamp, string region, string service)
    {
        RequireScopePart(region, nameof(region));
        RequireScopePart(service, nameof(service));
        return DateStamp(timestamp) + "/" + region + "/" + service + "/" + ScopeTerminator;
    }

    /// <summary>The string to sign: algorithm, <c>X-Amz-Date</c>, credential scope and the hex SHA-256 of the canonical request.</summary>
    public static string StringToSign(DateTimeOffset timestamp, string credentialScope, string canonicalRequest)
    {
        RequireText(credentialScope, nameof(credentialScope));
        if (canonicalRequest is null)
        {
            throw new ArgumentNullException(nameof(canonicalRequest));
        }

        return Algorithm + "\n" + AmzDate(timestamp) + "\n" + credentialScope + "\n" + SigV4Crypto.Sha256Hex(canonicalRequest);
    }

    /// <summary>
    /// The signing key: HMAC-SHA256 chained over the date, region, service and <c>aws4_request</c>, starting from
    /// <c>"AWS4" + secret</c>. It is valid for one day, region and service.
    /// </summary>
    public static byte[] SigningKey(AwsCredentials credentials, DateTimeOffset timestamp, string region, string service)
    {
        if (credentials is null)
        {
            throw new ArgumentNullException(nameof(credentials));
        }

        RequireScopePart(region, nameof(region));
        RequireScopePart(service, nameof(service));
        var secret = Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey);
        try
        {
            var key = SigV4Crypto.HmacSha256(secret, DateStamp(timestamp));
            key = SigV4Crypto.HmacSha256(key, region);
            key = SigV4Crypto.HmacSha256(key, service);
            return SigV4Crypto.HmacSha256(key, ScopeTerminator);
        }
        finally
        {
            // Do not leave a copy of the secret behind in a buffer that outlives the call.
            Array.Clear(secret, 0, secret.Length);
        }
    }

    /// <summary>The signature: the HMAC-SHA256 of the string to sign under the signing key, in lowercase hex.</summary>
    public static string Signature(byte[] signingKey, string stringToSign)
    {
        if (signingKey is null)
        {
            throw new ArgumentNullException(nameof(signingKey));
        }

        if (stringToSign is null)
        {
            throw new ArgumentNullException(nameof(stringToSign));
        }

        return SigV4Crypto.HmacSha256Hex(signingKey, stringToSign);
    }

    /// <summary>The <c>Authorization</c> header value: <c>AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c>.</summary>
    public static string AuthorizationHeader(string accessKeyId, string credentialScope, string signedHeaders, string signature)
    {
        RequireText(accessKeyId, nameof(accessKeyId));
        RequireText(credentialScope, nameof(credentialScope));
        RequireText(signedHeaders, nameof(signedHeaders));
        RequireText(signature, nameof(signature));
        return Algorithm + " Credential=" + accessKeyId + "/" + credentialScope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    private static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery, SigV4CanonicalHeaders headers, string payloadHash) =>
        method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n" + headers.Block() + "\n" + headers.SignedNames() + "\n" + payloadHash;

    private static string DateStamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static void RequireText(string value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (value.Length == 0)
        {
            throw new ArgumentException("The value is empty.", parameterName);
        }
    }

    // A '/' would shift the parts of the credential scope.
    private static void RequireScopePart(string value, string parameterName)
    {
        RequireText(value, parameterName);
        if (value.IndexOf('/') >= 0)
        {
            throw new ArgumentException("The value contains '/'.", parameterName);
        }
    }
}
