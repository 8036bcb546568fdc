using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;

namespace Contracts.Runtime.Http;

/// <summary>
/// The redirect policy shared by <see cref="SafeRedirectHandler"/> and the AWS protocol. Credentials never leave for
/// another origin (scheme, host and port): a redirect to one is followed without the request's credentials and
/// without its body, or not at all; it never goes from HTTPS to plain HTTP; at most <see cref="MaxRedirects"/> are
/// followed. A redirect that is not followed reaches the call, which fails with an <see cref="ApiException"/> naming it.
/// </summary>
internal static class Redirects
{
    /// <summary>Redirects followed for one call at most (.NET follows 50; an API needs one or two).</summary>
    public const int MaxRedirects = 10;

#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<string> s_notFollowed = new("Contracts.RedirectNotFollowed");
#else
    private const string NotFollowedProperty = "Contracts.RedirectNotFollowed";
#endif

    /// <summary>The absolute target of a redirect response (300, 301, 302, 303, 307 or 308 with a Location), or null for any other response.</summary>
    public static Uri? TargetOf(HttpResponseMessage response)
    {
        if ((int)response.StatusCode is not (300 or 301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        if (location.IsAbsoluteUri)
        {
            return location;
        }

        return response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } from ? new Uri(from, location) : null;
    }

    /// <summary>Scheme, host and port all equal: what the web's same-origin rule trusts alike.</summary>
    public static bool IsSameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>The method of the request that follows, as .NET and browsers choose it: a POST becomes a GET after 300–302, anything but GET and HEAD after 303.</summary>
    public static HttpMethod MethodAfter(HttpStatusCode status, HttpMethod method) => (int)status switch
    {
        300 or 301 or 302 when method == HttpMethod.Post => HttpMethod.Get,
        303 when method != HttpMethod.Get && method != HttpMethod.Head => HttpMethod.Get,
        _ => method,
    };

    /// <summary>
    /// Why the redirect from <paramref name="request"/> to <paramref name="target"/> is not followed (after
    /// <paramref name="followed"/> redirects, sending the body again when <paramref name="keepsBody"/>), or null when it may be.
    /// </summary>
    public static string? Refusal(HttpRequestMessage request, Uri target, bool keepsBody, int followed)
    {
        if (followed >= MaxRedirects)
        {
            return "more than " + MaxRedirects + " redirects";
        }

        if (!string.Equals(target.Scheme, "https", StringComparison.OrdinalIgnoreCase) && !string.Equals(target.Scheme, "http", StringComparison.OrdinalIgnoreCase))
        {
            return "the target is not an HTTP or HTTPS address";
        }

        var from = request.RequestUri!;
        if (string.Equals(from.Scheme, "https", StringComparison.OrdinalIgnoreCase) && string.Equals(target.Scheme, "http", StringComparison.OrdinalIgnoreCase))
        {
            return "it would leave HTTPS for plain HTTP";
        }

        if (keepsBody && !IsSameOrigin(from, target))
        {
            return "it would send the request body to another origin";
        }

        if (keepsBody && !ReplayableContent.CanSendAgain(request.Content!))
        {
            return "the request body is a stream, which cannot be sent a second time";
        }

        return null;
    }

    /// <summary>
    /// The request that follows <paramref name="request"/> to <paramref name="target"/>: its headers but <c>Host</c>, and
    /// for another origin none of its credentials (<see cref="IsCredentialHeader"/>); its body only when
    /// <paramref name="keepsBody"/>. Null when a cross-origin target itself carries one of the request's credentials
    /// beyond a query parameter (which is dropped).
    /// </summary>
    public static HttpRequestMessage? NextRequest(HttpRequestMessage request, Uri target, HttpMethod method, bool keepsBody)
    {
        var crossOrigin = !IsSameOrigin(request.RequestUri!, target);
        if (crossOrigin)
        {
            var credentials = CredentialScrubber.From(request);
            target = WithoutCredentialParameters(target, credentials);
            if (Carries(credentials, target.AbsoluteUri) || Carries(credentials, Uri.UnescapeDataString(target.AbsoluteUri)))
            {
                return null;
            }
        }

        var next = new HttpRequestMessage(method, target);
        ReplayableContent.CopyMessageSettings(request, next);

        foreach (var header in request.Headers)
        {
            // The Host of the old address would send the request to the old site's virtual host.
            if (string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase) || (crossOrigin && (IsCredentialHeader(header.Key) || CarriesMarked(request, header.Value))))
            {
                continue;
            }

            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (keepsBody)
        {
            next.Content = request.Content;
        }

        return next;
    }

    /// <summary>
    /// Headers that carry credentials (or SigV4 material): <c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c>,
    /// every <c>X-Amz-*</c>, and those whose name the scrubber reads as a credential (<c>X-Api-Key</c>, <c>X-Auth-Token</c>…).
    /// </summary>
    public static bool IsCredentialHeader(string name) =>
        string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase)
        || CredentialScrubber.IsSecretName(name);

    /// <summary>True when a header value holds a credential the request was marked with (an API key under a header name that does not say so).</summary>
    private static bool CarriesMarked(HttpRequestMessage request, IEnumerable<string> values)
    {
        var marked = ContractsHttp.MarkedCredentials(request);
        if (marked.Count == 0)
        {
            return false;
        }

        foreach (var value in values)
        {
            foreach (var credential in marked)
            {
                if (value.IndexOf(credential, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the request carries a SigV4 signature (in its Authorization header or its query): it is valid for its own address only.</summary>
    public static bool IsSigned(HttpRequestMessage request)
    {
        // The raw values: a value the typed Authorization property cannot parse still signs the request.
        if (request.Headers.TryGetValues("Authorization", out var values))
        {
            foreach (var value in values)
            {
                if (value.StartsWith("AWS4-", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return (request.RequestUri?.Query.IndexOf("X-Amz-Signature=", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0;
    }

    /// <summary>Records on the request that got a redirect why it was not followed, for the exception the call throws.</summary>
    public static void MarkNotFollowed(HttpRequestMessage request, string reason)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(s_notFollowed, reason);
#else
        request.Properties[NotFollowedProperty] = reason;
#endif
    }

    /// <summary>The exception of a call whose response is a redirect nobody followed.</summary>
    public static ApiException NotFollowed(string operationName, HttpResponseMessage response, Uri target)
    {
        string? reason = null;
        if (response.RequestMessage is { } request)
        {
#if NET5_0_OR_GREATER
            request.Options.TryGetValue(s_notFollowed, out reason);
#else
            reason = request.Properties.TryGetValue(NotFollowedProperty, out var value) ? value as string : null;
#endif
        }

        return NotFollowed(operationName, response.StatusCode, target, reason ?? "the HttpClient's handler does not follow redirects");
    }

    public static ApiException NotFollowed(string operationName, HttpStatusCode status, Uri target, string reason)
    {
        // The address is the service's text: escaped by Uri (no control characters) and bounded like an excerpt.
        var address = target.AbsoluteUri;
        if (address.Length > ResponseText.MaxExcerptLength)
        {
            address = address.Substring(0, ResponseText.MaxExcerptLength) + "…";
        }

        return new ApiException(operationName, status, "the service redirected to " + address + ", which was not followed: " + reason);
    }

    /// <summary>The target without the query parameters whose value is one of the request's credentials (a service echoing a key into its Location).</summary>
    private static Uri WithoutCredentialParameters(Uri target, CredentialScrubber credentials)
    {
        var query = target.Query;
        if (query.Length <= 1 || credentials.IsEmpty)
        {
            return target;
        }

        var kept = new List<string>();
        foreach (var pair in query.Substring(1).Split('&'))
        {
            var value = pair.Substring(pair.IndexOf('=') + 1);
            if (!Carries(credentials, value) && !Carries(credentials, Uri.UnescapeDataString(value.Replace('+', ' '))))
            {
                kept.Add(pair);
            }
        }

        var builder = new UriBuilder(target) { Query = string.Join("&", kept), Fragment = string.Empty };
        return builder.Uri;
    }

    /// <summary>True when <paramref name="text"/> contains one of the credentials <paramref name="credentials"/> holds.</summary>
    private static bool Carries(CredentialScrubber credentials, string text)
    {
        // Scrub replaces whole credentials, and also a credential's start at the very end of a text (an excerpt may be
        // cut inside one); after a line feed, which no header or query value contains, only whole credentials count.
        var probe = text + "\n";
        return !string.Equals(credentials.Scrub(probe), probe, StringComparison.Ordinal);
    }
}
