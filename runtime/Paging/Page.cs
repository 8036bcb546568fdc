using System;
using System.Collections.Generic;
using System.Net;

namespace Contracts.Runtime.Paging;

/// <summary>
/// One page of a paged operation: its items, what fetches the next page, and the status and headers of the page's
/// response. <see cref="Pageable{T}.AsPages"/> returns them.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T> : ApiResponse
{
    /// <summary>Creates a page (for tests and hand-written clients).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> or <paramref name="items"/> is null.</exception>
    public Page(HttpStatusCode statusCode, ResponseHeaders headers, IReadOnlyList<T> items, string? continuationToken)
        : base(statusCode, headers)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        ContinuationToken = continuationToken;
    }

    /// <summary>The page's items, in the order of the response (empty when the response had none).</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>
    /// What fetches the next page: the next page's link (absolute), the next token or the cursor, as the operation
    /// pages. Null on the last page. Pass it to <see cref="Pageable{T}.AsPages"/> to resume from the next page later.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary>The address the page came from, for paging by links (a link back to it is a loop); null otherwise.</summary>
    internal string? Source { get; init; }
}
