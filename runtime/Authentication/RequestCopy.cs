using System;
using System.Net.Http;
using System.Runtime.InteropServices;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// A new message for a request that was answered <c>401</c>, to send once more with a refreshed token: the same
/// method, URI, headers, options and content. Only content that can be read again is sent again (bytes the runtime
/// built: JSON, text, forms, multipart of those); a stream was consumed by the first send.
/// </summary>
internal static class RequestCopy
{
    // .NET Framework's HttpClient disposes a request's content once it is sent, so no content can be sent twice there.
    private static readonly bool s_contentDisposedAfterSend =
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    /// <summary>The copy, or null when the content cannot be sent again.</summary>
    public static HttpRequestMessage? TryCopy(HttpRequestMessage request)
    {
        if (request.Content is { } content && (s_contentDisposedAfterSend || !ReplayableContent.CanSendAgain(content)))
        {
            return null;
        }

        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content };
        ReplayableContent.CopyMessageSettings(request, copy);
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }
}
