using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.IntegrationTests.PagedApi;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.IntegrationTests.PagingClient;

/// <summary>
/// The paginators generated for tests/Contracts.Generator.Tests/Specs/paging.yaml, one per recognised rule, against
/// Kestrel on 127.0.0.1: each reads every item of several pages in order, sending what the rule says (the Link header's
/// URL, the last item's id, the token in the query or in the body, the body's next link), with the caller's other
/// arguments on every page.
/// </summary>
public sealed class GeneratedPaginatorTests
{
    [Fact]
    public async Task Link_headers_are_followed_page_after_page_with_the_callers_query()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var page = int.Parse(context.Request.Query["page"].FirstOrDefault() ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            var origin = context.Request.Scheme + "://" + context.Request.Host;
            var links = new List<string>();
            if (page < 3)
            {
                links.Add("<" + origin + "/orgs/acme/repos?per_page=2&page=" + (page + 1) + ">; rel=\"next\"");
            }

            links.Add("<" + origin + "/orgs/acme/repos?per_page=2&page=3>; rel=\"last\"");
            context.Response.Headers["Link"] = string.Join(", ", links);
            var names = page < 3 ? new[] { "r" + (2 * page - 1), "r" + (2 * page) } : new[] { "r5" };
            await LoopbackServer.Respond(context, 200, "[" + string.Join(", ", names.Select((n, i) => "{\"id\": " + i + ", \"name\": \"" + n + "\"}")) + "]");
        });
        using var http = new HttpClient();
        var client = new PagedClient(http, new PagedClientOptions { BaseAddress = server.BaseAddress });

        var names = new List<string>();
        await foreach (var repo in client.ListOrgReposAllAsync("acme", perPage: 2))
        {
            names.Add(repo.Name);
        }

        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], names);
        Assert.Equal(
            ["/orgs/acme/repos?per_page=2", "/orgs/acme/repos?per_page=2&page=2", "/orgs/acme/repos?per_page=2&page=3"],
            server.Requests.Select(r => r.Path + r.QueryString));
    }

    [Fact]
    public async Task A_has_more_flag_pages_from_the_last_items_id()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var after = context.Request.Query["starting_after"].FirstOrDefault();
            var (ids, more) = after switch
            {
                null => (new[] { "cus_1", "cus_2" }, true),
                "cus_2" => (new[] { "cus_3", "cus_4" }, true),
                _ => (new[] { "cus_5" }, false),
            };
            await LoopbackServer.Respond(context, 200, StripeList(more, ids));
        });
        using var http = new HttpClient();
        var client = new PagedClient(http, new PagedClientOptions { BaseAddress = server.BaseAddress });

        var ids = await ToListAsync(client.ListCustomersAllAsync(limit: 2));

        Assert.Equal(["cus_1", "cus_2", "cus_3", "cus_4", "cus_5"], ids.Select(c => c.Id));
        Assert.Equal(
            ["?limit=2", "?limit=2&starting_after=cus_2", "?limit=2&starting_after=cus_4"],
            server.Requests.Select(r => r.QueryString));
    }

    [Fact]
    public async Task A_next_token_goes_back_in_the_query_from_the_callers_first_token()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var token = context.Request.Query["pageToken"].FirstOrDefault();
            var body = token switch
            {
                "start" => """{"items": [{"name": "a"}], "nextPageToken": "t2"}""",
                "t2" => """{"items": [{"name": "b"}, {"name": "c"}], "nextPageToken": "t3"}""",
                _ => """{"items": [{"name": "d"}], "nextPageToken": null}""",
            };
            await LoopbackServer.Respond(context, 200, body);
        });
        using var http = new HttpClient();
        var client = new PagedClient(http, new PagedClientOptions { BaseAddress = server.BaseAddress });

        var items = await ToListAsync(client.ListItemsAllAsync(pageSize: 5, pageToken: "start"));

        Assert.Equal(["a", "b", "c", "d"], items.Select(i => i.Name));
        Assert.Equal(
            ["?pageSize=5&pageToken=start", "?pageSize=5&pageToken=t2", "?pageSize=5&pageToken=t3"],
            server.Requests.Select(r => r.QueryString));
    }

    [Fact]
    public async Task A_next_token_goes_back_in_the_request_body_with_the_callers_other_members()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var request = await JsonDocument.ParseAsync(context.Request.Body);
            var token = request.RootElement.TryGetProperty("NextToken", out var value) ? value.GetString() : null;
            var body = token is null ? """{"Hits": ["h1", "h2"], "NextToken": "n2"}""" : """{"Hits": ["h3"]}""";
            await LoopbackServer.Respond(context, 200, body);
        });
        using var http = new HttpClient();
        var client = new PagedClient(http, new PagedClientOptions { BaseAddress = server.BaseAddress });
        var search = new SearchRequest { Query = "cats" };

        var hits = await ToListAsync(client.SearchAllAsync(search));

        Assert.Equal(["h1", "h2", "h3"], hits);
        Assert.Equal(["""{"query":"cats"}""", """{"query":"cats","NextToken":"n2"}"""], server.Requests.Select(r => r.BodyText));
        Assert.All(server.Requests, r => Assert.Equal("POST", r.Method));

        // The caller's body is never changed: each page's is a copy.
        Assert.Null(search.NextToken);
    }

    [Fact]
    public async Task Next_links_in_the_body_are_followed_and_x_ms_pageable_names_its_own_members()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var origin = context.Request.Scheme + "://" + context.Request.Host;
            var second = context.Request.QueryString.Value == "?page=2";
            var body = context.Request.Path.Value switch
            {
                "/events" => "{\"results\": [{\"kind\": \"" + (second ? "e2" : "e1") + "\"}], \"next\": " + (second ? "null" : "\"" + origin + "/events?page=2\"") + ", \"count\": 2}",
                _ => "{\"vaults\": [\"" + (second ? "v2" : "v1") + "\"]" + (second ? string.Empty : ", \"@odata.nextLink\": \"/vaults?page=2\"") + "}",
            };
            await LoopbackServer.Respond(context, 200, body);
        });
        using var http = new HttpClient();
        var client = new PagedClient(http, new PagedClientOptions { BaseAddress = server.BaseAddress });

        var events = await ToListAsync(client.ListEventsAllAsync());
        var vaults = await ToListAsync(client.ListVaultsAllAsync());

        Assert.Equal(["e1", "e2"], events.Select(e => e.Kind));
        Assert.Equal(["v1", "v2"], vaults);
        Assert.Equal(["/events", "/events?page=2", "/vaults", "/vaults?page=2"], server.Requests.Select(r => r.Path + r.QueryString));
    }

    [Fact]
    public async Task Nothing_is_sent_before_the_enumeration_and_a_missing_required_argument_throws_at_once()
    {
        await using var server = await LoopbackServer.StartAsync(200, "[]");
        using var http = new HttpClient();
        var client = new PagedClient(http, new PagedClientOptions { BaseAddress = server.BaseAddress });

        var pageable = client.ListOrgReposAllAsync("acme");

        Assert.Throws<ArgumentNullException>(() => client.ListOrgReposAllAsync(null!));
        Assert.Throws<ArgumentNullException>(() => client.SearchAllAsync(null!));
        Assert.Empty(server.Requests);
        Assert.Empty(await ToListAsync(pageable));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_token_that_comes_back_again_ends_the_paging()
    {
        // A service that answers the same token forever: the second page repeats it, and paging stops there.
        await using var server = await LoopbackServer.StartAsync(200, """{"items": [{"name": "again"}], "nextPageToken": "same"}""");
        using var http = new HttpClient();
        var client = new PagedClient(http, new PagedClientOptions { BaseAddress = server.BaseAddress });

        var items = await ToListAsync(client.ListItemsAllAsync());

        Assert.Equal(["again", "again"], items.Select(i => i.Name));
        Assert.Equal(["", "?pageToken=same"], server.Requests.Select(r => r.QueryString));
    }

    [Fact]
    public async Task Pages_carry_their_headers_and_continuation_and_a_limit_stops_early()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var after = context.Request.Query["starting_after"].FirstOrDefault();
            var next = after is null ? 1 : int.Parse(after.Substring(4), System.Globalization.CultureInfo.InvariantCulture) + 1;
            context.Response.Headers["Request-Id"] = "req_" + next;
            await LoopbackServer.Respond(context, 200, StripeList(true, "cus_" + next));
        });
        using var http = new HttpClient();
        var client = new PagedClient(http, new PagedClientOptions { BaseAddress = server.BaseAddress });

        var pages = new List<Runtime.Paging.Page<Customer>>();
        await foreach (var page in client.ListCustomersAllAsync().WithLimits(maxPages: 2).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(["req_1", "req_2"], pages.Select(p => p.Headers.GetString("Request-Id")));
        Assert.Equal(["cus_1", "cus_2"], pages.Select(p => p.ContinuationToken));
        Assert.Equal(2, server.Requests.Count);

        var three = await ToListAsync(client.ListCustomersAllAsync().WithLimits(maxItems: 3));
        Assert.Equal(["cus_1", "cus_2", "cus_3"], three.Select(c => c.Id));
        Assert.Equal(5, server.Requests.Count);
    }

    // The project reads JSON without reflection, so test bodies are written as text.
    private static string StripeList(bool hasMore, params string[] ids) =>
        "{\"object\": \"list\", \"url\": \"/v1/customers\", \"has_more\": " + (hasMore ? "true" : "false") + ", \"data\": ["
        + string.Join(", ", ids.Select(id => "{\"id\": \"" + id + "\"}")) + "]}";

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
