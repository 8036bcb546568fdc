using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Paging;

/// <summary>
/// Creates the <see cref="Pageable{T}"/> a generated <c>…AllAsync</c> method returns, one factory per way an API pages.
/// Each takes <c>fetch</c>, a call of the operation's own <c>…Async</c> method with the options it is given (a copy
/// of the caller's that captures the page's response and, for links, carries the next page's address), so that every
/// protocol pages the same way. A fetch may return null: that page has no items and is the last. Nothing is fetched
/// before the result is enumerated. Generated code calls these; they are plumbing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Paging
{
    /// <summary>
    /// Paging by the <c>Link</c> response header (RFC 8288, <c>rel="next"</c>, as GitHub pages): the next page is the
    /// link's target, resolved against the page's address; paging ends on a page without one.
    /// </summary>
    public static Pageable<TItem> LinkHeader<TPage, TItem>(
        Func<RequestOptions, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        NotNull(fetch, nameof(fetch));
        NotNull(items, nameof(items));
        return Create(
            (_, options, token) => fetch(options, token),
            tokenIsLink: true,
            firstToken: null,
            items,
            static (_, _, capture) => capture.HasResponse && global::Contracts.Runtime.Paging.LinkHeader.Find(capture.Headers.GetValues("Link"), "next") is { } link
                ? PageLinks.Resolve(link, capture.RequestUri)
                : null,
            requestOptions,
            cancellationToken);
    }

    /// <summary>
    /// Paging by a next page's link in the body (<c>next</c>, <c>nextLink</c>, <c>x-ms-pageable</c>'s
    /// <c>nextLinkName</c>): the link is resolved against the page's address; paging ends on a null or empty link.
    /// </summary>
    public static Pageable<TItem> NextLink<TPage, TItem>(
        Func<RequestOptions, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?> nextLink,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        NotNull(fetch, nameof(fetch));
        NotNull(items, nameof(items));
        NotNull(nextLink, nameof(nextLink));
        return Create(
            (_, options, token) => fetch(options, token),
            tokenIsLink: true,
            firstToken: null,
            items,
            (page, _, capture) => nextLink(page) is { Length: > 0 } link ? PageLinks.Resolve(link, capture.RequestUri) : null,
            requestOptions,
            cancellationToken);
    }

    /// <summary>
    /// Paging by a next token in the body (<c>nextToken</c>, <c>next_page_token</c>, AWS's <c>NextToken</c>…) that the
    /// fetch sends back (a query parameter or a body member): the first page is fetched with
    /// <paramref name="firstToken"/> (the caller's value of the token parameter); paging ends on a null or empty token.
    /// </summary>
    public static Pageable<TItem> NextToken<TPage, TItem>(
        Func<string?, RequestOptions, CancellationToken, Task<TPage>> fetch,
        string? firstToken,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?> nextToken,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        NotNull(fetch, nameof(fetch));
        NotNull(items, nameof(items));
        NotNull(nextToken, nameof(nextToken));
        return Create(fetch, tokenIsLink: false, firstToken, items, (page, _, _) => nextToken(page), requestOptions, cancellationToken);
    }

    /// <summary>
    /// Paging by a cursor taken from the last item, with a has-more flag (Stripe's <c>has_more</c> and
    /// <c>starting_after</c>): the next page is fetched with the cursor of the page's last item while the flag is not
    /// false; paging ends on a page without items, or whose last item has no cursor. The first page is fetched with
    /// <paramref name="firstCursor"/> (the caller's value of the cursor parameter).
    /// </summary>
    public static Pageable<TItem> Cursor<TPage, TItem>(
        Func<string?, RequestOptions, CancellationToken, Task<TPage>> fetch,
        string? firstCursor,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, bool?> hasMore,
        Func<TItem, string?> cursorOf,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        NotNull(fetch, nameof(fetch));
        NotNull(items, nameof(items));
        NotNull(hasMore, nameof(hasMore));
        NotNull(cursorOf, nameof(cursorOf));
        return Create(
            fetch,
            tokenIsLink: false,
            firstCursor,
            items,
            (page, pageItems, _) => pageItems.Count > 0 && hasMore(page) != false ? cursorOf(pageItems[pageItems.Count - 1]) : null,
            requestOptions,
            cancellationToken);
    }

    private static Pageable<TItem> Create<TPage, TItem>(
        Func<string?, RequestOptions, CancellationToken, Task<TPage>> fetch,
        bool tokenIsLink,
        string? firstToken,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, IReadOnlyList<TItem>, ResponseCapture, string?> next,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken) =>
        new(new PageSource<TPage, TItem>(fetch, tokenIsLink, firstToken, items, next, requestOptions), cancellationToken, maxItems: null, maxPages: null);

    private static void NotNull(object value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }
}
