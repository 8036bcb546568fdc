using System;
using System.Collections.Generic;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Paging;

/// <summary>
/// Every item of a paged operation, fetched page after page as the caller enumerates (<c>await foreach</c>): nothing is
/// sent before the first item is asked for, and no page after the caller stops. Each enumeration starts again from
/// the first page. Paging ends on the last page (no next link, token or cursor), and never loops: a token or link seen
/// before, or an empty page where the next cursor would come from its last item, ends it too.
/// </summary>
/// <remarks>
/// Every page is sent with the <see cref="RequestOptions"/> given to the method (headers, timeout, idempotency key,
/// retries), which are not changed. A next page's link may only lead to the client's own origin (scheme, host, port):
/// one to anywhere else fails with an <see cref="ApiException"/> before anything is sent there. An error on a later
/// page throws that page's <see cref="ApiException"/>; the items of the pages before it have been yielded.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Pageable<T> : IAsyncEnumerable<T>
{
    private readonly PageSource<T> _source;
    private readonly CancellationToken _cancellationToken;
    private readonly int? _maxItems;
    private readonly int? _maxPages;

    internal Pageable(PageSource<T> source, CancellationToken cancellationToken, int? maxItems, int? maxPages)
    {
        _source = source;
        _cancellationToken = cancellationToken;
        _maxItems = maxItems;
        _maxPages = maxPages;
    }

    /// <summary>
    /// Enumerates every item. <paramref name="cancellationToken"/> (from <c>WithCancellation</c>) and the token given
    /// to the generated method both cancel it, between pages and during a page's call.
    /// </summary>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => ItemsAsync(cancellationToken);

    /// <summary>
    /// The pages themselves, with their status, headers and <see cref="Page{T}.ContinuationToken"/>: from the first
    /// page, or, given a page's <paramref name="continuationToken"/>, from the page it leads to (resuming where an
    /// earlier enumeration stopped).
    /// </summary>
    public IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null) => PagesAsync(continuationToken, default);

    /// <summary>
    /// A copy that stops after <paramref name="maxItems"/> items and after <paramref name="maxPages"/> pages, whichever
    /// comes first (null: no limit). No page is fetched beyond the limit. <see cref="AsPages"/> yields whole pages: it
    /// stops after the page that reaches <paramref name="maxItems"/>, whose continuation token resumes after it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public Pageable<T> WithLimits(int? maxItems = null, int? maxPages = null)
    {
        if (maxItems is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, "maxItems must be positive (or null for no limit).");
        }

        if (maxPages is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPages), maxPages, "maxPages must be positive (or null for no limit).");
        }

        return new Pageable<T>(_source, _cancellationToken, maxItems, maxPages);
    }

    private async IAsyncEnumerator<T> ItemsAsync(CancellationToken cancellationToken)
    {
        var count = 0L;
        await foreach (var page in PagesAsync(null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
                if (++count == _maxItems)
                {
                    yield break;
                }
            }
        }
    }

    private async IAsyncEnumerable<Page<T>> PagesAsync(string? continuationToken, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = Link(_cancellationToken, cancellationToken, out var token);
        var resumed = !string.IsNullOrEmpty(continuationToken);
        var next = resumed ? continuationToken : _source.FirstToken;

        // Every token and link used so far, not only the last: a service cycling through a few must not page forever.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(next))
        {
            seen.Add(next!);
        }

        var status = HttpStatusCode.OK;
        var pages = 0;
        var items = 0L;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var page = await _source.FetchAsync(next, status, token).ConfigureAwait(false);
            pages++;
            items += page.Items.Count;
            if (page.Source is { } source)
            {
                seen.Add(source);
            }

            next = page.ContinuationToken;
            if (next is not null && !seen.Add(next))
            {
                // A token or link seen before: the page is the last one, and says so.
                yield return new Page<T>(page.StatusCode, page.Headers, page.Items, continuationToken: null);
                yield break;
            }

            yield return page;
            if (next is null || pages == _maxPages || items >= _maxItems)
            {
                yield break;
            }

            status = page.StatusCode;
        }
    }

    // The generated method's token and the enumeration's, as one; the source is disposed with the enumeration.
    private static CancellationTokenSource? Link(CancellationToken method, CancellationToken enumeration, out CancellationToken token)
    {
        if (method.CanBeCanceled && enumeration.CanBeCanceled && method != enumeration)
        {
            var linked = CancellationTokenSource.CreateLinkedTokenSource(method, enumeration);
            token = linked.Token;
            return linked;
        }

        token = method.CanBeCanceled ? method : enumeration;
        return null;
    }
}
