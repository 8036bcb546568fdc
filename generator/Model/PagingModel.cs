using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>
/// The paginator of a paged operation: <c>Pageable&lt;TItem&gt; …AllAsync</c> beside its method, calling it once per page.
/// Every name is a C# member or parameter name, decided by translation; the emitter only prints them.
/// </summary>
/// <param name="Kind">How the next page is found.</param>
/// <param name="Rule">The recognition rule that matched, in words (for CTR118 and the method's docs).</param>
/// <param name="Pointer">Where the operation is in the document (CTR118 is reported there, once the method is named).</param>
/// <param name="ItemType">The type of each item.</param>
/// <param name="ItemAllowsNull">The items may be null (<c>items: {nullable: true}</c>): the item type is <c>T?</c>.</param>
/// <param name="ItemsProperty">The page's member holding the items; null when the page is the list itself.</param>
/// <param name="NextProperty">The page's member holding the next link or token (<see cref="PagingKind.NextLink"/>, <see cref="PagingKind.NextToken"/>).</param>
/// <param name="HasMoreProperty">The page's boolean member that says more pages follow (<see cref="PagingKind.Cursor"/>; with <see cref="PagingKind.NextToken"/>, the token is only read while it is true).</param>
/// <param name="CursorProperty">The item's member that the next page starts after (<see cref="PagingKind.Cursor"/> over records).</param>
/// <param name="CursorCaseProperties">For <see cref="PagingKind.Cursor"/> over a union: each case's id member, in case order.</param>
/// <param name="TokenParameter">The method parameter that carries the token or cursor; for a body member, the body's parameter.</param>
/// <param name="TokenBodyProperty">The request body's member that carries the token (AWS JSON: <c>body with { NextToken = token }</c>); null when <paramref name="TokenParameter"/> carries it itself.</param>
/// <param name="TokenIsNonNullable">The token's parameter or body member is a non-nullable string (a required one): the value passed is never null, so it is written <c>token!</c>.</param>
/// <param name="MethodName">The paginator's name, set by <see cref="Passes.MethodSignatures"/> (empty before it runs).</param>
internal sealed record PagingModel(
    PagingKind Kind,
    string Rule,
    string Pointer,
    TypeRef ItemType,
    bool ItemAllowsNull,
    string? ItemsProperty,
    string? NextProperty = null,
    string? HasMoreProperty = null,
    string? CursorProperty = null,
    string? TokenParameter = null,
    string? TokenBodyProperty = null,
    bool TokenIsNonNullable = false,
    EquatableArray<string> CursorCaseProperties = default,
    string MethodName = "");
