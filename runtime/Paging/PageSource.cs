using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Paging;

/// <summary>Fetches one page of a <see cref="Pageable{T}"/> for a continuation token (null: the first page as the caller asked for it).</summary>
/// <typeparam name="T">The item type.</typeparam>
internal abstract class PageSource<T>
{
    /// <summary>The token the first page is fetched with: the caller's token or cursor parameter; null for links.</summary>
    public abstract string? FirstToken { get; }

    /// <summary>
    /// Fetches the page <paramref name="token"/> leads to; <paramref name="status"/> is the status of the page that gave
    /// the token (a refused link reports it).
    /// </summary>
    public abstract Task<Page<T>> FetchAsync(string? token, HttpStatusCode status, CancellationToken cancellationToken);
}

/// <summary>
/// A <see cref="PageSource{T}"/> over the generated method's own call: each page is fetched with a copy of the caller's
/// options that captures the response (and, for links, carries the next page's link), read with the operation's
/// delegates.
/// </summary>
internal sealed class PageSource<TPage, TItem> : PageSource<TItem>
{
    private static readonly TItem[] s_none = new TItem[0];

    private readonly Func<string?, RequestOptions, CancellationToken, Task<TPage>> _fetch;
    private readonly bool _tokenIsLink;
    private readonly string? _firstToken;
    private readonly Func<TPage, IEnumerable<TItem>?> _items;
    private readonly Func<TPage, IReadOnlyList<TItem>, ResponseCapture, string?> _next;
    private readonly RequestOptions? _requestOptions;

    /// <summary>
    /// Creates the source. With <paramref name="tokenIsLink"/> the token is the next page's link, sent through the
    /// options (the fetch is given null); otherwise the fetch is given the token. <paramref name="next"/> reads what
    /// fetches the next page from a page, its items and its response.
    /// </summary>
    public PageSource(
        Func<string?, RequestOptions, CancellationToken, Task<TPage>> fetch,
        bool tokenIsLink,
        string? firstToken,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, IReadOnlyList<TItem>, ResponseCapture, string?> next,
        RequestOptions? requestOptions)
    {
        _fetch = fetch;
        _tokenIsLink = tokenIsLink;
        _firstToken = firstToken;
        _items = items;
        _next = next;
        _requestOptions = requestOptions;
    }

    public override string? FirstToken => _firstToken;

    public override async Task<Page<TItem>> FetchAsync(string? token, HttpStatusCode status, CancellationToken cancellationToken)
    {
        // A fresh copy for every page: the caller's options are never changed, and each page captures its own response.
        var capture = new ResponseCapture();
        TPage page;
        if (_tokenIsLink)
        {
            var link = token is null ? null : new PageLink(token, status);
            page = await _fetch(null, RequestOptions.CapturingPage(_requestOptions, capture, link), cancellationToken).ConfigureAwait(false);
            if (link is { Applied: false })
            {
                // Otherwise the first page would come again in place of the next one.
                throw new InvalidOperationException("The page's fetch did not send its request with the options it was given, so the next page's link was not followed.");
            }
        }
        else
        {
            page = await _fetch(token, RequestOptions.Capturing(_requestOptions, capture), cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<TItem> items = page is null ? s_none : ToList(_items(page));
        var next = page is null ? null : _next(page, items, capture);
        var received = capture.HasResponse;
        return new Page<TItem>(
            received ? capture.StatusCode : default,
            received ? capture.Headers : ResponseHeaders.Empty,
            items,
            string.IsNullOrEmpty(next) ? null : next)
        {
            Source = _tokenIsLink ? capture.RequestUri?.AbsoluteUri : null,
        };
    }

    private static IReadOnlyList<TItem> ToList(IEnumerable<TItem>? items) => items switch
    {
        null => s_none,
        IReadOnlyList<TItem> list => list,
        _ => new List<TItem>(items),
    };
}
