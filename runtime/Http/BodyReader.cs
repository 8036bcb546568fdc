using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Http;

/// <summary>
/// Reads a response body into memory, at most <see cref="ResponseLimit.Bytes"/>. .NET applies
/// <see cref="HttpClient.MaxResponseContentBufferSize"/> only when it buffers the response itself, which generated
/// clients do not (they send with <see cref="HttpCompletionOption.ResponseHeadersRead"/>), so the limit is applied here:
/// a declared <c>Content-Length</c> over it fails before reading, any other body (a decompressed one included) fails
/// as soon as it crosses it.
/// A connection that breaks after the headers arrived fails with the status and the bytes received so far.
/// The body stays in the pooled buffer it was read into (<see cref="PooledBody"/>): no copy is made for the caller.
/// </summary>
internal static class BodyReader
{
    private const int FirstBufferSize = 16 * 1024;

    public static async Task<PooledBody> ReadAsync(HttpResponseMessage response, ResponseLimit responseLimit, string operationName, CancellationToken cancellationToken)
    {
        var limit = responseLimit.Bytes;
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit)
        {
            throw TooLarge(response, operationName, responseLimit, "of " + declared.Value.ToString(CultureInfo.InvariantCulture) + " bytes (its Content-Length) ", Array.Empty<byte>(), 0);
        }

        if (declared == 0)
        {
            return PooledBody.Empty;
        }

        cancellationToken.ThrowIfCancellationRequested();
#if NET5_0_OR_GREATER
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif

        // One more byte than a declared length, so the end of the body shows without a second buffer.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared + 1 ?? FirstBufferSize, Math.Min(limit + 1, FirstBufferSize * 64L)));
        var count = 0;
        var owned = false;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    buffer = Grow(buffer, count, limit);
                }

                int read;
                try
                {
#if NET5_0_OR_GREATER
                    // The Memory overload completes without allocating a Task when the bytes are already there.
                    read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
#else
                    read = await stream.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false);
#endif
                }
                catch (Exception exception) when (exception is IOException or HttpRequestException && cancellationToken.IsCancellationRequested)
                {
                    // Some handlers abort the connection to cancel a read: that is the cancellation, not a broken connection.
                    throw new OperationCanceledException(exception.Message, exception, cancellationToken);
                }
                catch (Exception exception) when (exception is IOException or HttpRequestException)
                {
                    throw new ApiException(
                        operationName,
                        response.StatusCode,
                        "the connection closed before the response body was complete (" + count.ToString(CultureInfo.InvariantCulture) + " bytes received)",
                        responseExcerpt: ResponseText.Excerpt(buffer, count),
                        innerException: exception);
                }

                if (read == 0)
                {
                    break;
                }

                count += read;
                if (count > limit)
                {
                    throw TooLarge(response, operationName, responseLimit, string.Empty, buffer, count);
                }
            }

            owned = true;
            return new PooledBody(buffer, count);
        }
        finally
        {
            if (!owned)
            {
                // Bodies hold secrets (a created key, a token): wiped before the buffer is reused. A failed read may
                // have written past what it reported, so the whole buffer is cleared.
                ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            }
        }
    }

    private static byte[] Grow(byte[] buffer, int count, long limit)
    {
        // Never more than the limit allows (plus the byte that shows it was crossed), nor more than an array can hold.
        var size = (int)Math.Min(Math.Min((long)buffer.Length * 2, limit + 1), 0x7FFFFFC7);
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(size, count + 1));
        Buffer.BlockCopy(buffer, 0, larger, 0, count);
        new PooledBody(buffer, count).Dispose(); // full: count == buffer.Length
        return larger;
    }

    private static ApiException TooLarge(HttpResponseMessage response, string operationName, ResponseLimit limit, string size, byte[] buffer, int count) =>
        new(
            operationName,
            response.StatusCode,
            "the response body " + size + "exceeds " + limit.Describe(),
            responseExcerpt: ResponseText.Excerpt(buffer, count));
}
