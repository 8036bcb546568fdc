using System;
using System.Globalization;

namespace Contracts.Runtime.Paging;

/// <summary>Origins and resolution of the links paginators follow.</summary>
internal static class PageLinks
{
    /// <summary><c>scheme://host:port</c> of <paramref name="uri"/>: never its user information, path or query, which may hold a secret.</summary>
    public static string Origin(Uri uri) =>
        uri.Scheme + "://" + uri.IdnHost + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="link"/> resolved against <paramref name="requestUri"/> (the address of the response that gave
    /// it), as text; unchanged when there is no such address or the link is not a URI (the request it is applied to
    /// resolves or refuses it then).
    /// </summary>
    public static string Resolve(string link, Uri? requestUri) =>
        requestUri is { IsAbsoluteUri: true } && Uri.TryCreate(requestUri, link, out var resolved) ? resolved.AbsoluteUri : link;
}
