using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Http;

/// <summary>
/// Follows redirects without letting credentials leave for another origin: give it to the <see cref="HttpClient"/> of a
/// generated client, <c>new HttpClient(new SafeRedirectHandler())</c> (the generated <c>services.AddXClient(…)</c>
/// registration makes it the primary handler). .NET's own redirect handling removes only <c>Authorization</c>, so a
/// redirect to another host would receive API-key headers, cookies and AWS session tokens.
/// </summary>
/// <remarks>
/// <para>
/// A redirect (300, 301, 302, 303, 307, 308) to the same origin (scheme, host and port) is followed as .NET follows
/// it: a POST becomes a GET after 300–302, anything but GET and HEAD after 303, with the body dropped; 307 and 308 keep
/// the method and send the body again when it is buffered (JSON, form, text, multipart of those), not a stream.
/// </para>
/// <para>
/// A redirect to another origin is followed without <c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c>,
/// <c>X-Amz-*</c> and the headers whose names hold a credential (<c>X-Api-Key</c>…), without query parameters carrying
/// one of the request's credentials, and never with a body (a 307 or 308 of a request with a body is not followed).
/// </para>
/// <para>
/// Never followed: HTTPS to plain HTTP, a target that is not HTTP, a request signed with SigV4 (the AWS protocol
/// re-signs same-origin redirects itself and follows none to another origin), more than 10 redirects. The redirect
/// response is then the call's response, and a generated client fails with an <see cref="ApiException"/> naming it.
/// Handlers added before this one (authentication, logging) see one request and its final response, as with .NET's
/// automatic redirects; the <c>Host</c> header is never copied to the next request.
/// </para>
/// </remarks>
public sealed class SafeRedirectHandler : DelegatingHandler
{
    /// <summary>Sends through a new <see cref="HttpClientHandler"/> with its defaults, but automatic redirects off.</summary>
    public SafeRedirectHandler()
        : base(new HttpClientHandler { AllowAutoRedirect = false })
    {
    }

    /// <summary>Sends through <paramref name="innerHandler"/>, which must not follow redirects itself.</summary>
    /// <exception cref="ArgumentException">The innermost handler is an <see cref="HttpClientHandler"/> (or <c>SocketsHttpHandler</c>) with <c>AllowAutoRedirect</c> on.</exception>
    public SafeRedirectHandler(HttpMessageHandler innerHandler)
        : base(innerHandler ?? throw new ArgumentNullException(nameof(innerHandler)))
    {
        if (FollowsRedirects(innerHandler))
        {
            throw new ArgumentException(
                "The inner handler follows redirects itself (AllowAutoRedirect is true), so credentials would follow them to other hosts; set AllowAutoRedirect = false.",
                nameof(innerHandler));
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = request;
        for (var followed = 0; ; followed++)
        {
            var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            var next = Next(current, response, followed);
            if (next is null)
            {
                return response;
            }

            response.Dispose();
            current = next;
        }
    }

#if NET5_0_OR_GREATER
    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = request;
        for (var followed = 0; ; followed++)
        {
            var response = base.Send(current, cancellationToken);
            var next = Next(current, response, followed);
            if (next is null)
            {
                return response;
            }

            response.Dispose();
            current = next;
        }
    }
#endif

    /// <summary>The request that follows <paramref name="response"/>, or null when it is not a redirect or is not to be followed (the reason is recorded on <paramref name="request"/>).</summary>
    private static HttpRequestMessage? Next(HttpRequestMessage request, HttpResponseMessage response, int followed)
    {
        if (Redirects.TargetOf(response) is not { } target || request.RequestUri is not { IsAbsoluteUri: true })
        {
            return null;
        }

        // A signature covers the address it was made for: the AWS protocol signs a same-origin target again itself.
        if (Redirects.IsSigned(request))
        {
            Redirects.MarkNotFollowed(request, "a request signed with SigV4 is not sent on to another address");
            return null;
        }

        var method = Redirects.MethodAfter(response.StatusCode, request.Method);
        var keepsBody = request.Content is not null && method == request.Method;
        var refusal = Redirects.Refusal(request, target, keepsBody, followed);
        var next = refusal is null ? Redirects.NextRequest(request, target, method, keepsBody) : null;
        if (next is null)
        {
            Redirects.MarkNotFollowed(request, refusal ?? "the target address carries one of the request's credentials");
        }

        return next;
    }

    private static bool FollowsRedirects(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        return handler switch
        {
            HttpClientHandler clientHandler => clientHandler.AllowAutoRedirect,
#if NET5_0_OR_GREATER
            SocketsHttpHandler socketsHandler => socketsHandler.AllowAutoRedirect,
#endif
            _ => false,
        };
    }
}
