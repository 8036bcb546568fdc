using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Aws;

public static partial class SigV4Signer
{
    private const string AuthorizationHeaderName = "Authorization";
    private const string DateHeaderName = "X-Amz-Date";
    private const string SecurityTokenHeaderName = "X-Amz-Security-Token";
    private const string ContentSha256HeaderName = "X-Amz-Content-SHA256";

    // Read only: callers that pass no options sign with the defaults, without a new instance per request.
    private static readonly SigV4SigningOptions s_defaultOptions = new();

    /// <summary>
    /// Signs <paramref name="request"/> in place: sets <c>Host</c> when absent, <c>X-Amz-Date</c>,
    /// <c>X-Amz-Security-Token</c> for temporary credentials, <c>X-Amz-Content-SHA256</c> when
    /// <paramref name="options"/> ask for it, and <c>Authorization</c>. Signing again replaces these headers.
    /// </summary>
    /// <remarks>
    /// Signed headers are <c>host</c>, <c>content-type</c>, <c>content-md5</c> and every <c>x-amz-*</c> header: the
    /// ones AWS requires or recommends. Others (<c>User-Agent</c>, <c>Content-Length</c>, …) stay unsigned because
    /// handlers and proxies may still change them after signing.
    /// </remarks>
    /// <param name="request">The request, with an absolute URI; its content must be the one hashed.</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="region">The signing region, such as <c>us-east-1</c>.</param>
    /// <param name="service">The service signing name, such as <c>lightsail</c> (see <see cref="AwsEndpoint.ServiceFromHost"/>).</param>
    /// <param name="now">The signing time; AWS refuses signatures more than a few minutes off its clock.</param>
    /// <param name="payloadHash">The hex SHA-256 of the request body (<see cref="EmptyPayloadHash"/> without one).</param>
    /// <param name="options">Service variations; the defaults suit every service but S3.</param>
    public static void Sign(
        HttpRequestMessage request,
        AwsCredentials credentials,
        string region,
        string service,
        DateTimeOffset now,
        string payloadHash,
        SigV4SigningOptions? options = null)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (credentials is null)
        {
            throw new ArgumentNullException(nameof(credentials));
        }

        RequireText(payloadHash, nameof(payloadHash));
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request has no absolute URI to sign.", nameof(request));
        }

        RequireScopePart(region, nameof(region));
        RequireScopePart(service, nameof(service));
        options ??= s_defaultOptions;
        var headers = request.Headers;
        headers.Remove(AuthorizationHeaderName);
        headers.Remove(DateHeaderName);
        headers.Remove(SecurityTokenHeaderName);
        if (options.AddContentSha256Header)
        {
            headers.Remove(ContentSha256HeaderName);
            headers.TryAddWithoutValidation(ContentSha256HeaderName, payloadHash);
        }

        // Sign the Host the transport would send, and send the one that was signed.
        headers.Host ??= uri.IsDefaultPort ? uri.IdnHost : uri.IdnHost + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var amzDate = AmzDate(now);
        headers.TryAddWithoutValidation(DateHeaderName, amzDate);
        var token = credentials.SessionToken;
        if (token is not null && options.SignSessionToken)
        {
            headers.TryAddWithoutValidation(SecurityTokenHeaderName, token);
        }

        var canonicalHeaders = SigV4CanonicalHeaders.From(SignableHeaders(request));
        // AbsolutePath and Query are what the transport writes on the request line (PathAndQuery).
        var canonicalUri = SigV4UriEncoding.CanonicalUri(uri.AbsolutePath, options.NormalizePath, options.DoubleEncodePath);
        var canonicalQuery = SigV4UriEncoding.CanonicalQuery(uri.Query);
        var signing = SigV4SigningKeys.Get(credentials, now, region, service);
        var signature = ComposeSignature(request.Method.Method, canonicalUri, canonicalQuery, canonicalHeaders, payloadHash, amzDate, signing);
        headers.TryAddWithoutValidation(AuthorizationHeaderName, AuthorizationHeader(credentials.AccessKeyId, signing.Scope, canonicalHeaders.SignedNames(), signature));

        if (token is not null && !options.SignSessionToken)
        {
            headers.TryAddWithoutValidation(SecurityTokenHeaderName, token);
        }
    }

    /// <summary>
    /// Hashes the request body (buffering it, so it can still be sent) and signs the request as
    /// <see cref="Sign"/> does.
    /// </summary>
    public static async Task SignAsync(
        HttpRequestMessage request,
        AwsCredentials credentials,
        string region,
        string service,
        DateTimeOffset now,
        SigV4SigningOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var payloadHash = await HashContentAsync(request.Content, cancellationToken).ConfigureAwait(false);
        Sign(request, credentials, region, service, now, payloadHash, options);
    }

    private static async Task<string> HashContentAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return EmptyPayloadHash;
        }

        if (content is Utf8JsonContent json)
        {
            // Our own JSON bodies are already bytes: nothing to buffer.
            return HashPayload(json.Utf8Json);
        }

        // Reading as a byte array loads the content into its buffer, from which it is later sent unchanged.
#if NET5_0_OR_GREATER
        var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        var body = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        return HashPayload(body);
    }

    private static IEnumerable<KeyValuePair<string, string>> SignableHeaders(HttpRequestMessage request)
    {
        foreach (var header in request.Headers)
        {
            if (IsSigned(header.Key))
            {
                yield return Joined(header);
            }
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                if (IsSigned(header.Key))
                {
                    yield return Joined(header);
                }
            }
        }
    }

    private static bool IsSigned(string name) =>
        name.Equals("Host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-MD5", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase);

    // HttpClient writes several values of one header as a single "a, b" line; sign that same line.
    private static KeyValuePair<string, string> Joined(KeyValuePair<string, IEnumerable<string>> header) =>
        new(header.Key, string.Join(", ", header.Value));
}
