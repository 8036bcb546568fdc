namespace Contracts.Generator.Model;

/// <summary>How a paged operation says where the next page is; each kind is one factory of <c>Contracts.Runtime.Paging.Paging</c>.</summary>
internal enum PagingKind
{
    /// <summary>An RFC 8288 <c>Link</c> header with <c>rel="next"</c> (GitHub): <c>Paging.LinkHeader</c>.</summary>
    LinkHeader,

    /// <summary>The next page's URL in a member of the body (<c>nextLink</c>, <c>x-ms-pageable</c>): <c>Paging.NextLink</c>.</summary>
    NextLink,

    /// <summary>A token in a member of the body, sent back in a parameter or a request body member: <c>Paging.NextToken</c>.</summary>
    NextToken,

    /// <summary>A has-more flag, the next page starting after the last item's id (Stripe's <c>starting_after</c>): <c>Paging.Cursor</c>.</summary>
    Cursor,
}
