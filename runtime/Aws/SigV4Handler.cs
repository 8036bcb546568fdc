using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Signs every request with AWS Signature Version 4 before passing it on. The body is buffered to be hashed, which
/// suits the small JSON requests of AWS APIs. Put it in an <see cref="HttpClient"/> pipeline (as the outermost
/// handler that changes signed headers) or register it with <c>IHttpClientFactory</c>.
/// </summary>
public sealed class SigV4Handler : DelegatingHandler
{
    private readonly IAwsCredentialsProvider _credentials;
    private readonly string? _region;
    private readonly string? _service;
    private readonly SigV4SigningOptions _options;
    private readonly Func<DateTimeOffset> _clock;

    /// <summary>Creates a handler; set <see cref="DelegatingHandler.InnerHandler"/> before use unless a factory does.</summary>
    /// <param name="credentials">Supplies the credentials, once per request.</param>
    /// <param name="region">The signing region; <see langword="null"/> reads it from each request's host (<see cref="AwsEndpoint.RegionFromHost"/>).</param>
    /// <param name="service">The service signing name; <see langword="null"/> reads it from each request's host (<see cref="AwsEndpoint.ServiceFromHost"/>).</param>
    /// <param name="options">Service variations (copied); the defaults suit every service but S3.</param>
    /// <param name="clock">The current time (for tests); <see cref="DateTimeOffset.UtcNow"/> by default.</param>
    public SigV4Handler(
        IAwsCredentialsProvider credentials,
        string? region = null,
        string? service = null,
        SigV4SigningOptions? options = null,
        Func<DateTimeOffset>? clock = null)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _region = NullIfEmpty(region);
        _service = NullIfEmpty(service);
        _options = options?.Clone() ?? new SigV4SigningOptions();
        _clock = clock ?? (static () => DateTimeOffset.UtcNow);
    }

    /// <summary>Creates a handler that passes signed requests to <paramref name="innerHandler"/>.</summary>
    public SigV4Handler(
        HttpMessageHandler innerHandler,
        IAwsCredentialsProvider credentials,
        string? region = null,
        string? service = null,
        SigV4SigningOptions? options = null,
        Func<DateTimeOffset>? clock = null)
        : this(credentials, region, service, options, clock)
    {
        InnerHandler = innerHandler ?? throw new ArgumentNullException(nameof(innerHandler));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("SigV4 signing needs an absolute request URI; set the client's base address.");
        }

        var region = _region ?? AwsEndpoint.RegionFromHost(uri)
            ?? throw new InvalidOperationException("SigV4 signing needs a region, and the host '" + uri.Host + "' does not name one; configure the region.");
        var service = _service ?? AwsEndpoint.ServiceFromHost(uri)
            ?? throw new InvalidOperationException("SigV4 signing needs a service signing name, and the host '" + uri.Host + "' is not an AWS endpoint; configure the service name.");

        var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The AWS credentials provider returned no credentials.");
        await SigV4Signer.SignAsync(request, credentials, region, service, _clock(), _options, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

#if NET5_0_OR_GREATER
    /// <summary>Not supported: signing hashes the body asynchronously, and an unsigned request must never be sent.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("SigV4Handler signs requests asynchronously; use HttpClient.SendAsync.");
#endif

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
