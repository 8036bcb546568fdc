using System.Net.Http;

namespace Contracts.Runtime.Http;

/// <summary>
/// Whether a request body can be sent a second time: by a retry (<see cref="RetryHandler"/>, the resilience handler),
/// after a <c>401</c> with a refreshed token, or to a redirect's target. Bytes held in memory (JSON, text, forms, and
/// multipart made only of those) can be written again; a stream may be at its end or not rewindable, and is the caller's.
/// One rule for every place that re-sends, so that none of them sends a body the others would refuse.
/// </summary>
internal static class ReplayableContent
{
    /// <summary>True for no body, or a body held in memory.</summary>
    public static bool CanSendAgain(HttpContent? content)
    {
        switch (content)
        {
            case null:
            case ByteArrayContent:
#if NET5_0_OR_GREATER
            case ReadOnlyMemoryContent:
#endif
                return true;
            case MultipartContent multipart:
                foreach (var part in multipart)
                {
                    if (!CanSendAgain(part))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Gives <paramref name="copy"/> the HTTP version, version policy and options (or properties) of
    /// <paramref name="request"/>: what a new message for the same call must carry besides its method, URI and headers.
    /// </summary>
    public static void CopyMessageSettings(HttpRequestMessage request, HttpRequestMessage copy)
    {
        copy.Version = request.Version;
#if NET5_0_OR_GREATER
        copy.VersionPolicy = request.VersionPolicy;
        var options = (System.Collections.Generic.IDictionary<string, object?>)copy.Options;
        foreach (var option in request.Options)
        {
            options[option.Key] = option.Value;
        }
#else
        foreach (var property in request.Properties)
        {
            copy.Properties[property.Key] = property.Value;
        }
#endif
    }
}
