using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>
/// The HTTP calls of the container and instance metadata providers: link-local or loopback endpoints that answer in
/// milliseconds or not at all. They go direct (an <c>HTTP_PROXY</c> must never see the metadata service's answers, and
/// would not reach 169.254.x.x anyway), follow no redirect, and give up after a short timeout so that code off EC2 or
/// ECS does not hang on them.
/// </summary>
internal static class MetadataHttp
{
    private static readonly Lazy<HttpClient> s_client = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The client to use: the environment's own (tests, hosts with their own handlers), else a direct one.</summary>
    public static HttpClient ClientFor(AwsEnvironment environment) => environment.HttpClient ?? s_client.Value;

    /// <summary>
    /// Sends <paramref name="request"/> and reads the whole answer within <paramref name="timeout"/>. A timeout or a
    /// transport error becomes an <see cref="AwsCredentialsException"/> naming <paramref name="source"/>; the caller's
    /// own cancellation stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<(int Status, byte[] Body)> SendAsync(
        HttpClient client, HttpRequestMessage request, TimeSpan timeout, string source, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeoutSource.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return ((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsCredentialsException(source + " did not answer within " + timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s.");
        }
        catch (HttpRequestException exception)
        {
            // The transport's message names the host and the reason (connection refused, no route), never a credential.
            throw new AwsCredentialsException(source + " could not be reached: " + exception.Message);
        }
    }

    private static HttpClient Create()
    {
#if NET5_0_OR_GREATER
        var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(1) };
#else
        var handler = new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false };
#endif
        // Each call sets its own, shorter timeout; this one only bounds a call whose caller set none.
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
