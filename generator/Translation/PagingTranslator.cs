using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using System.Net.Http;
using OpenApiParameterLocation = Microsoft.OpenApi.ParameterLocation;
using ParameterLocation = Contracts.Generator.Model.ParameterLocation;

namespace Contracts.Generator.Translation;

/// <summary>
/// Recognises paged operations and describes their paginators (<see cref="PagingModel"/>). Two steps: while operations
/// are built, <see cref="Observe"/> keeps what only the document says (<c>x-ms-pageable</c>, <c>format: uri</c>, AWS's
/// "Pagination token" parameters); once the records are finished, <see cref="Recognise"/> matches the rules against the
/// model (the result's members with their C# names and types, the parameters, the request body). The rules, first match
/// wins (docs/paging.md):
/// <list type="number">
/// <item><c>x-ms-pageable</c>: the next link in <c>nextLinkName</c>, the items in <c>itemName</c> (default <c>value</c>); <c>nextLinkName: null</c> is one page.</item>
/// <item>A success response declares a <c>Link</c> header, and the result is an array (or an object with one array member).</item>
/// <item>A boolean <c>has_more</c>/<c>hasMore</c> and a <c>starting_after</c>/<c>after</c> query parameter: from the page's <c>last_id</c> (OpenAI), else the last item's <c>id</c> (Stripe).</item>
/// <item>A string member named like a next token, and a parameter or request body member named like a page token.</item>
/// <item>A string member named like a next link (<c>nextLink</c>, <c>next_url</c>, <c>@odata.nextLink</c>…, or <c>next</c> with <c>format: uri</c> or beside <c>previous</c>).</item>
/// </list>
/// A shape recognised but unusable is CTR120; each paginator is CTR118 (<see cref="Report"/>, once the passes named it).
/// </summary>
internal sealed class PagingTranslator
{
    // Member and parameter names are compared without case and without anything but letters and digits
    // (next_page_token, nextPageToken and NextPageToken are one name).
    private static readonly HashSet<string> s_nextTokenNames = new(StringComparer.Ordinal)
    {
        "nexttoken", "nextpagetoken", "nextcursor", "nextpagecursor", "continuationtoken", "nextcontinuationtoken", "nextmarker",
    };

    private static readonly HashSet<string> s_pageTokenNames = new(StringComparer.Ordinal)
    {
        "pagetoken", "nexttoken", "nextpagetoken", "cursor", "pagecursor", "nextcursor", "continuationtoken", "startingtoken", "marker",
    };

    private static readonly HashSet<string> s_nextLinkNames = new(StringComparer.Ordinal)
    {
        "nextlink", "nexturl", "nextpageurl", "nextpagelink", "nextpageuri", "nexturi", "odatanextlink",
    };

    // A page member holding the cursor the next page starts after (OpenAI's last_id, or a next cursor).
    private static readonly HashSet<string> s_pageCursorNames = new(StringComparer.Ordinal) { "lastid", "next", "nextcursor" };

    private static readonly HashSet<string> s_hasMoreNames = new(StringComparer.Ordinal) { "hasmore" };

    private static readonly HashSet<string> s_cursorParameterNames = new(StringComparer.Ordinal) { "startingafter", "after" };

    // Where several arrays could hold the items, one of these names decides.
    private static readonly HashSet<string> s_itemsNames = new(StringComparer.Ordinal)
    {
        "items", "data", "value", "values", "results", "result", "entries", "records", "elements", "content",
    };

    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, OperationFacts> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnionModel> _unions = new(StringComparer.Ordinal);

    public PagingTranslator(DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>What the document says about the paging of the operation that became <paramref name="methodName"/>.</summary>
    public void Observe(string methodName, OpenApiOperation operation, string pointer)
    {
        var uriMembers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var response in operation.ResponseMap().Where(r => r.Key.StartsWith("2", StringComparison.Ordinal)))
        {
            foreach (var media in response.Value?.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>())
            {
                foreach (var member in MembersOf(media?.Schema, depth: 0))
                {
                    if (Resolve(member.Value) is { Format: "uri" or "url" or "uri-reference" })
                    {
                        uriMembers.Add(member.Key);
                    }
                }
            }
        }

        // AWS descriptions (APIs-guru) mark a paged operation with a query parameter described "Pagination token"; the
        // AWS JSON protocol sends the body member of the same name instead.
        var tokenNames = operation.Parameters
            .Where(p => p?.In == OpenApiParameterLocation.Query && p.Name is not null && string.Equals(p.Description?.Trim(), "Pagination token", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Name ?? string.Empty)
            .ToList();
        _facts[methodName] = new OperationFacts(pointer, ReadPageable(operation), uriMembers, tokenNames);
    }

    /// <summary>The client with a <see cref="PagingModel"/> on each operation whose paging is recognised.</summary>
    public ClientModel Recognise(ClientModel client, IReadOnlyList<RecordModel> records, IReadOnlyList<UnionModel> unions)
    {
        var byName = new Dictionary<string, RecordModel>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            byName[record.Name] = record;
        }

        _unions.Clear();
        foreach (var union in unions)
        {
            _unions[union.Name] = union;
        }

        var operations = client.Operations.Select(o => _facts.TryGetValue(o.MethodName, out var facts) && Recognise(o, facts, byName) is { } paging ? o with { Paging = paging } : o);
        return client with { Operations = operations.ToEquatableArray() };
    }

    /// <summary>CTR118 for each operation that got a paginator, naming it; after the passes, which name the methods.</summary>
    public static void Report(SpecModel model, DiagnosticBag diagnostics)
    {
        foreach (var operation in model.Client.Operations)
        {
            if (operation.Paging is { } paging)
            {
                diagnostics.Add(DiagnosticDescriptors.PaginatorGenerated, paging.Pointer, operation.OperationId, paging.MethodName, paging.Rule);
            }
        }
    }

    private PagingModel? Recognise(OperationModel operation, OperationFacts facts, Dictionary<string, RecordModel> records)
    {
        var response = operation.Response;
        var page = response is { Kind: ResponseKind.Json, Type: { Kind: TypeKind.Object } type } && records.TryGetValue(type.Name!, out var found) ? found : null;
        if (facts.Pageable is { } pageable)
        {
            return Pageable(operation, facts, pageable, page);
        }

        if (operation.WithResponse?.Headers.Any(h => string.Equals(h.WireName, "Link", StringComparison.OrdinalIgnoreCase)) == true)
        {
            return LinkHeader(operation, facts, page);
        }

        // The body rules read names only, so they look at reads alone: GET, and POST (AWS JSON, search endpoints). Google's
        // fitness datasets.patch sends and answers a Dataset that has a nextPageToken; a PATCH is never a page.
        if (page is null || operation.HttpMethod is not ("GET" or "POST"))
        {
            return null;
        }

        return Cursor(operation, facts, page, records) ?? NextToken(operation, facts, page, records) ?? NextLink(operation, facts, page);
    }

    private PagingModel? Pageable(OperationModel operation, OperationFacts facts, PageableExtension pageable, RecordModel? page)
    {
        const string Rule = "x-ms-pageable";
        if (pageable.NextLinkName is null)
        {
            // nextLinkName: null declares a result that is never more than one page.
            return null;
        }

        if (page is null)
        {
            return Unusable(operation, facts, Rule, "the result is not a JSON object");
        }

        var items = Member(page, pageable.ItemName);
        if (items is not { Type.Kind: TypeKind.Array })
        {
            return Unusable(operation, facts, Rule, "the result has no array member '" + pageable.ItemName + "'");
        }

        var next = Member(page, pageable.NextLinkName);
        if (next is not { Type.Kind: TypeKind.String })
        {
            return Unusable(operation, facts, Rule, "the result has no string member '" + pageable.NextLinkName + "'");
        }

        return new PagingModel(PagingKind.NextLink, Rule + " (next link in '" + next.JsonName + "')", facts.Pointer, items.Type.Element!, items.Type.ElementAllowsNull, items.Name, NextProperty: next.Name);
    }

    private static PagingModel? LinkHeader(OperationModel operation, OperationFacts facts, RecordModel? page)
    {
        const string Rule = "a Link header with rel=\"next\"";
        if (operation.Response is { Kind: ResponseKind.Json, Type: { Kind: TypeKind.Array } list })
        {
            return new PagingModel(PagingKind.LinkHeader, Rule, facts.Pointer, list.Element!, list.ElementAllowsNull, ItemsProperty: null);
        }

        // GitHub's {total_count, repositories: [...]} pages the same way. A result with several arrays (GitHub's
        // requested reviewers: users and teams, paged together) or none is left alone without a warning: the header
        // alone does not say where the items are, and nothing in the document could be fixed to say it.
        var arrays = page?.Members.Where(p => p.Type.Kind == TypeKind.Array).ToList();
        return arrays is { Count: 1 }
            ? new PagingModel(PagingKind.LinkHeader, Rule, facts.Pointer, arrays[0].Type.Element!, arrays[0].Type.ElementAllowsNull, arrays[0].Name)
            : null;
    }

    private PagingModel? Cursor(OperationModel operation, OperationFacts facts, RecordModel page, Dictionary<string, RecordModel> records)
    {
        var hasMore = page.Members.FirstOrDefault(p => p.Type.Kind == TypeKind.Boolean && s_hasMoreNames.Contains(Normalize(p.JsonName)));
        var cursor = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.Type.Kind == TypeKind.String && s_cursorParameterNames.Contains(Normalize(p.WireName)));
        if (hasMore is null || cursor is null)
        {
            return null;
        }

        var rule = "a has-more flag '" + hasMore.JsonName + "' with the cursor parameter '" + cursor.WireName + "'";

        // The page names its own cursor (OpenAI's last_id): the next page starts after it while has_more holds.
        if (page.Members.FirstOrDefault(p => p.Type.Kind == TypeKind.String && !facts.UriMembers.Contains(p.JsonName) && s_pageCursorNames.Contains(Normalize(p.JsonName))) is { } pageCursor)
        {
            return Items(page) is { } listed
                ? new PagingModel(
                    PagingKind.NextToken, rule + ", starting after '" + pageCursor.JsonName + "'", facts.Pointer, listed.Type.Element!, listed.Type.ElementAllowsNull, listed.Name,
                    NextProperty: pageCursor.Name, HasMoreProperty: hasMore.Name, TokenParameter: cursor.ParameterName, TokenIsNonNullable: cursor.IsRequired)
                : Unusable(operation, facts, rule, "the result has no single array member holding the items");
        }

        // Else the last item's id (Stripe); items of a union (Stripe's bank accounts or cards) each case's id.
        EquatableArray<string>? IdsOf(PropertyModel items)
        {
            var element = items.Type.Element!;
            var cases = element.Kind == TypeKind.Union && _unions.TryGetValue(element.Name!, out var union) ? union.Cases.Select(c => c.Type).ToList() : new List<TypeRef> { element };
            var ids = new List<string>();
            foreach (var type in cases)
            {
                if (type is not { Kind: TypeKind.Object, Name: { } name } || !records.TryGetValue(name, out var item)
                    || item.Members.FirstOrDefault(p => p.JsonName == "id" && p.Type.Kind == TypeKind.String) is not { } id)
                {
                    return null;
                }

                ids.Add(id.Name);
            }

            return ids.ToEquatableArray();
        }

        var candidates = page.Members.Where(p => p.Type.Kind == TypeKind.Array && IdsOf(p) is not null).ToList();
        var chosen = candidates.Count == 1 ? candidates[0] : Preferred(candidates);
        if (chosen is null)
        {
            return Unusable(operation, facts, rule, "no array member of the result holds objects with a string 'id'");
        }

        var cursors = IdsOf(chosen)!.Value;
        var isUnion = chosen.Type.Element!.Kind == TypeKind.Union;
        return new PagingModel(
            PagingKind.Cursor, rule, facts.Pointer, chosen.Type.Element!, chosen.Type.ElementAllowsNull, chosen.Name,
            HasMoreProperty: hasMore.Name, CursorProperty: isUnion ? null : cursors[0], TokenParameter: cursor.ParameterName, TokenIsNonNullable: cursor.IsRequired,
            CursorCaseProperties: isUnion ? cursors : EquatableArray<string>.Empty);
    }

    private PagingModel? NextToken(OperationModel operation, OperationFacts facts, RecordModel page, Dictionary<string, RecordModel> records)
    {
        var hinted = new HashSet<string>(facts.TokenParameterNames.Select(Normalize), StringComparer.Ordinal);
        var bodyRecord = operation.Body is { Kind: BodyKind.Json, Type: { Kind: TypeKind.Object, Name: { } requestName } } ? FindRecord(requestName) : null;
        var next = page.Members.FirstOrDefault(p => p.Type.Kind == TypeKind.String && !facts.UriMembers.Contains(p.JsonName)
            && (s_nextTokenNames.Contains(Normalize(p.JsonName)) || hinted.Contains(Normalize(p.JsonName)) || hinted.Contains(Normalize("Next" + p.JsonName))
                || (StartOf(p.JsonName) is { } start && bodyRecord?.Members.Any(m => Normalize(m.JsonName) == start) == true)));
        if (next is null)
        {
            return null;
        }

        var pairedStart = StartOf(next.JsonName);
        bool IsTokenName(string name) => s_pageTokenNames.Contains(Normalize(name)) || hinted.Contains(Normalize(name)) || Normalize(name) == pairedStart;
        var parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.Type.Kind == TypeKind.String && IsTokenName(p.WireName));
        string? bodyProperty = null;
        string? rule = null;
        var nonNullable = parameter?.IsRequired == true;
        if (parameter is not null)
        {
            rule = "a next token '" + next.JsonName + "' sent back in the query parameter '" + parameter.WireName + "'";
        }
        else if (operation.Body is { } body
            && bodyRecord is not null
            && bodyRecord.Members.FirstOrDefault(p => p.Type.Kind == TypeKind.String && p.Access != MemberAccess.ReadOnly && IsTokenName(p.JsonName)) is { } member)
        {
            rule = "a next token '" + next.JsonName + "' sent back in the request body member '" + member.JsonName + "'";
            if (!body.IsRequired)
            {
                return Unusable(operation, facts, rule, "the request body that carries the token is optional");
            }

            bodyProperty = member.Name;
            nonNullable = !member.IsNullable;
        }

        if (rule is null)
        {
            return null;
        }

        if (Items(page) is not { } items)
        {
            return Unusable(operation, facts, rule, "the result has no single array member holding the items");
        }

        return new PagingModel(
            PagingKind.NextToken, rule, facts.Pointer, items.Type.Element!, items.Type.ElementAllowsNull, items.Name,
            NextProperty: next.Name, TokenParameter: parameter?.ParameterName ?? operation.Body!.ParameterName, TokenBodyProperty: bodyProperty, TokenIsNonNullable: nonNullable);

        RecordModel? FindRecord(string name) => records.TryGetValue(name, out var record) ? record : null;
    }

    /// <summary>
    /// DynamoDB pages by the last key it evaluated: a result's <c>LastEvaluatedTableName</c> is sent back as the request's
    /// <c>ExclusiveStartTableName</c>. The normalized request member name paired with <paramref name="next"/>, or null.
    /// </summary>
    private static string? StartOf(string next)
    {
        const string Evaluated = "lastevaluated";
        var name = Normalize(next);
        return name.Length > Evaluated.Length && name.StartsWith(Evaluated, StringComparison.Ordinal) ? "exclusivestart" + name.Substring(Evaluated.Length) : null;
    }

    private PagingModel? NextLink(OperationModel operation, OperationFacts facts, RecordModel page)
    {
        // A bare 'next' is a link in Django REST framework's {count, next, previous, results} even without format: uri
        // (drchrono's 'next' beside a 'cursor' parameter is such a URL, not the cursor).
        var hasPrevious = page.Members.Any(p => Normalize(p.JsonName) is "previous" or "prev");
        var next = page.Members.FirstOrDefault(p => p.Type.Kind == TypeKind.String
            && (s_nextLinkNames.Contains(Normalize(p.JsonName)) || (Normalize(p.JsonName) == "next" && (facts.UriMembers.Contains(p.JsonName) || hasPrevious))));
        if (next is null)
        {
            return null;
        }

        var rule = "a next link '" + next.JsonName + "'";
        if (Items(page) is not { } items)
        {
            return Unusable(operation, facts, rule, "the result has no single array member holding the items");
        }

        return new PagingModel(PagingKind.NextLink, rule, facts.Pointer, items.Type.Element!, items.Type.ElementAllowsNull, items.Name, NextProperty: next.Name);
    }

    private PagingModel? Unusable(OperationModel operation, OperationFacts facts, string rule, string reason)
    {
        _diagnostics.Add(DiagnosticDescriptors.PagingNotUsable, facts.Pointer, operation.OperationId, rule, reason);
        return null;
    }

    /// <summary>The items: the result's one array member, else the one of several named like <c>items</c>, <c>data</c>, <c>value</c>….</summary>
    private static PropertyModel? Items(RecordModel page)
    {
        var arrays = page.Members.Where(p => p.Type.Kind == TypeKind.Array).ToList();
        if ((arrays.Count == 1 ? arrays[0] : Preferred(arrays)) is { } chosen)
        {
            return chosen;
        }

        // Google's lists answer {services: [...], nextPageToken, unreachable: ["..."]}: the one array of objects holds the items.
        var objects = arrays.Where(p => p.Type.Element!.Kind is TypeKind.Object or TypeKind.Union).ToList();
        return objects.Count == 1 ? objects[0] : null;
    }

    private static PropertyModel? Preferred(List<PropertyModel> arrays)
    {
        var named = arrays.Where(p => s_itemsNames.Contains(Normalize(p.JsonName))).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    private static PropertyModel? Member(RecordModel record, string jsonName) => record.Members.FirstOrDefault(p => p.JsonName == jsonName);

    private static string Normalize(string name)
    {
        var chars = name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        return new string(chars);
    }

    /// <summary><c>x-ms-pageable</c> on the operation: absent, one page (<c>nextLinkName: null</c>), or the next link's and the items' members.</summary>
    private static PageableExtension? ReadPageable(OpenApiOperation operation)
    {
        if (!operation.ExtensionMap().TryGetValue("x-ms-pageable", out var extension) || JsonValues.Of(extension) is not JsonObject declared)
        {
            return null;
        }

        var next = declared.TryGetPropertyValue("nextLinkName", out var nextValue) && JsonValues.AsString(nextValue) is { Length: > 0 } nextName ? nextName : null;
        var items = declared.TryGetPropertyValue("itemName", out var itemValue) && JsonValues.AsString(itemValue) is { Length: > 0 } itemName ? itemName : "value";
        return new PageableExtension(next, items);
    }

    /// <summary>The members of an object schema, its own and those of its <c>allOf</c> parts (a few levels deep).</summary>
    private static IEnumerable<KeyValuePair<string, IOpenApiSchema>> MembersOf(IOpenApiSchema? schema, int depth)
    {
        if (schema is null || depth > 8)
        {
            yield break;
        }

        foreach (var member in schema.PropertyMap())
        {
            yield return member;
        }

        foreach (var part in schema.AllOfList())
        {
            foreach (var member in MembersOf(part, depth + 1))
            {
                yield return member;
            }
        }
    }

    /// <summary>A member's schema through its <c>allOf: [$ref, {description}]</c> wrapper.</summary>
    private static IOpenApiSchema? Resolve(IOpenApiSchema? schema)
    {
        for (var i = 0; i < 8 && schema is not null; i++)
        {
            if (schema.Format is not null || SchemaShapes.Unwrap(schema) is not { } inner)
            {
                return schema;
            }

            schema = inner.Schema;
        }

        return schema;
    }

    private sealed record PageableExtension(string? NextLinkName, string ItemName);

    private sealed record OperationFacts(string Pointer, PageableExtension? Pageable, HashSet<string> UriMembers, List<string> TokenParameterNames);
}
