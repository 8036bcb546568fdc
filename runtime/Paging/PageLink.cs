using System;
using System.Net;
using System.Net.Http;

namespace Contracts.Runtime.Paging;

/// <summary>
/// The next page's link a paginator sends a call to (<see cref="RequestOptions.PageLink"/>): <see cref="Http.HttpCall"/>
/// puts it on the request the generated method built, in place of that request's address, before anything is sent.
/// The link may only lead to the origin (scheme, host, port) of the request it replaces, which is the client's own:
/// the request carries the client's credentials, so a link to anywhere else is refused.
/// </summary>
internal sealed class PageLink
{
    /// <summary>Creates the link; <paramref name="status"/> is the status of the response that gave it (what a refusal reports).</summary>
    public PageLink(string link, HttpStatusCode status)
    {
        Link = link;
        Status = status;
    }

    /// <summary>The link as the paginator holds it: absolute once resolved, or relative to the request's address.</summary>
    public string Link { get; }

    /// <summary>The status of the response that gave the link.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Whether a request was sent to the link (a fetch that drops the options it is given never sends one).</summary>
    public bool Applied { get; private set; }

    /// <summary>Sends <paramref name="request"/> to the link.</summary>
    /// <exception cref="ApiException">The link is not a URI, is not HTTP(S), or leads to another origin than the request's.</exception>
    public void ApplyTo(HttpRequestMessage request, string operationName)
    {
        var current = request.RequestUri;
        if (current is null || !current.IsAbsoluteUri)
        {
            // HttpClient resolves such a request against its BaseAddress; generated requests are always absolute.
            throw new InvalidOperationException("A request sent to the next page's link must have an absolute address.");
        }

        if (!Uri.TryCreate(current, Link, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            // The link itself is not repeated: a service may put anything in it.
            throw new ApiException(operationName, Status, "the next page's link is not an HTTP address; it was not followed");
        }

        if (!Http.Redirects.IsSameOrigin(current, target))
        {
            throw new ApiException(
                operationName,
                Status,
                "the next page's link leads to " + PageLinks.Origin(target) + ", another origin than the client's "
                    + PageLinks.Origin(current) + "; it was not followed, so that the client's credentials are not sent there");
        }

        request.RequestUri = target;
        Applied = true;
    }
}
