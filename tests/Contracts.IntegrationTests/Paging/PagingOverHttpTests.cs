using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Repos;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Contracts.Runtime.Paging;
using Microsoft.AspNetCore.Http;
using Xunit;
using Pager = Contracts.Runtime.Paging.Paging;

namespace Contracts.IntegrationTests.Paging;

/// <summary>
/// The paginators of <see cref="Pager"/> over real HTTP on 127.0.0.1 (Kestrel), each fetch written as a generated
/// <c>…AllAsync</c> method writes it: a call of the operation's own method (the generated <see cref="ReposClient"/>,
/// or a request sent through <see cref="ContractsHttp"/>) with the options the paginator hands it.
/// </summary>
public sealed class PagingOverHttpTests
{
    private static readonly string[] Names = ["contracts", "runtime", "generator", "cli", "docs"];

    [Fact]
    public async Task Link_headers_are_followed_absolute_and_relative_until_a_page_has_no_next()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var page = int.Parse(context.Request.Query["page"].FirstOrDefault() ?? "1");
            context.Response.Headers["Link"] = page switch
            {
                // GitHub's form (absolute links), then a relative one, then only "prev" and "first": the end.
                1 => $"<{Root(context)}repos?page=2&per_page=2>; rel=\"next\", <{Root(context)}repos?page=3&per_page=2>; rel=\"last\"",
                2 => "</repos?page=1&per_page=2>; rel=\"prev\", </repos?page=3&per_page=2>; rel=\"next\"",
                _ => "</repos?page=2&per_page=2>; rel=\"prev\", </repos?page=1&per_page=2>; rel=\"first\"",
            };
            return RespondRepos(context, page);
        });
        using var http = new HttpClient();
        var client = new ReposClient(http, new ReposClientOptions { BaseAddress = server.BaseAddress });

        var repos = Pager.LinkHeader(
            (options, token) => client.ListReposAsync(page: null, cancellationToken: token, requestOptions: options),
            (IReadOnlyList<Repo> page) => page,
            requestOptions: null,
            CancellationToken.None);

        Assert.Equal(Names, (await ToListAsync(repos)).Select(repo => repo.Name));
        Assert.Equal(["/repos", "/repos?page=2&per_page=2", "/repos?page=3&per_page=2"], server.Requests.Select(Target));
    }

    [Fact]
    public async Task Pages_carry_their_status_headers_and_the_absolute_link_to_the_next()
    {
        await using var server = await GitHubStyleServer();
        using var http = new HttpClient();

        var pages = await ToListAsync(GitHubStyle(http, server.BaseAddress).AsPages());

        Assert.Equal(3, pages.Count);
        Assert.All(pages, page => Assert.Equal(HttpStatusCode.OK, page.StatusCode));
        Assert.Equal(["1", "2", "3"], pages.Select(page => page.Headers.GetString("X-Page")));
        Assert.Equal(server.BaseAddress + "things?per_page=2&page=2", pages[0].ContinuationToken);
        Assert.Equal(server.BaseAddress + "things?per_page=2&page=3", pages[1].ContinuationToken);
        Assert.Null(pages[2].ContinuationToken);
        Assert.Equal([2, 2, 1], pages.Select(page => page.Items.Count));
    }

    [Fact]
    public async Task AsPages_resumes_from_a_pages_continuation_token()
    {
        await using var server = await GitHubStyleServer();
        using var http = new HttpClient();
        var first = await FirstAsync(GitHubStyle(http, server.BaseAddress).AsPages());

        var rest = await ToListAsync(GitHubStyle(http, server.BaseAddress).AsPages(first.ContinuationToken));

        Assert.Equal([3, 4, 5], rest.SelectMany(page => page.Items).Select(thing => thing.Number));
        Assert.Equal(["/things?per_page=2", "/things?per_page=2&page=2", "/things?per_page=2&page=3"], server.Requests.Select(Target));
    }

    [Fact]
    public async Task Limits_stop_paging_before_the_next_request()
    {
        await using var server = await GitHubStyleServer();
        using var http = new HttpClient();

        var three = await ToListAsync(GitHubStyle(http, server.BaseAddress).WithLimits(maxItems: 3));
        var requestsForThree = server.Requests.Count;
        var onePage = await ToListAsync(GitHubStyle(http, server.BaseAddress).WithLimits(maxPages: 1));

        Assert.Equal([1, 2, 3], three.Select(thing => thing.Number));
        Assert.Equal(2, requestsForThree);
        Assert.Equal([1, 2], onePage.Select(thing => thing.Number));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task The_next_link_may_come_in_a_second_link_header()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var page = int.Parse(context.Request.Query["page"].FirstOrDefault() ?? "1");
            if (page == 1)
            {
                // Two header lines: the first without a next link.
                context.Response.Headers.Append("Link", "</things?per_page=2&page=2>; rel=\"last\"");
                context.Response.Headers.Append("Link", "</things?per_page=2&page=2>; rel=\"next\"");
            }

            return RespondThings(context, (2 * page) - 1, 2, next: null);
        });
        using var http = new HttpClient();

        Assert.Equal([1, 2, 3, 4], (await ToListAsync(GitHubStyle(http, server.BaseAddress))).Select(thing => thing.Number));
        Assert.Equal(["/things?per_page=2", "/things?per_page=2&page=2"], server.Requests.Select(Target));
    }

    [Fact]
    public async Task A_link_back_to_the_page_itself_ends_paging()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["Link"] = "</things?per_page=2>; rel=\"next\"";
            return RespondThings(context, 1, 2, next: null);
        });
        using var http = new HttpClient();

        var things = await ToListAsync(GitHubStyle(http, server.BaseAddress));

        Assert.Equal(2, things.Count);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Stripe_style_cursor_paging_starts_after_the_last_items_id()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var after = context.Request.Query["starting_after"].FirstOrDefault();
            var start = after is null ? 1 : int.Parse(after.Substring("cus_".Length)) + 1;
            var numbers = Enumerable.Range(start, Math.Min(2, 6 - start)).ToArray();
            var data = string.Join(",", numbers.Select(n => $$"""{"id":"cus_{{n}}","number":{{n}}}"""));
            return LoopbackServer.Respond(context, 200, $$"""{"object":"list","data":[{{data}}],"has_more":{{(numbers[^1] < 5 ? "true" : "false")}},"url":"/v1/customers"}""");
        });
        using var http = new HttpClient();

        var customers = Pager.Cursor(
            (cursor, options, token) => Send(http, server.BaseAddress, "/v1/customers?limit=2" + (cursor is null ? "" : "&starting_after=" + Uri.EscapeDataString(cursor)), PagingJson.Default.StripeList, options, token),
            firstCursor: null,
            page => page!.Data,
            page => page!.HasMore,
            thing => thing.Id,
            requestOptions: null,
            CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5], (await ToListAsync(customers)).Select(thing => thing.Number));
        Assert.Equal(
            ["/v1/customers?limit=2", "/v1/customers?limit=2&starting_after=cus_2", "/v1/customers?limit=2&starting_after=cus_4"],
            server.Requests.Select(Target));
    }

    [Fact]
    public async Task A_next_token_in_the_body_goes_back_as_a_query_parameter()
    {
        // Opaque tokens, as services hand them out.
        var tokens = new[] { null, "eyJvZmZzZXQiOjJ9", "eyJvZmZzZXQiOjR9" };
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var page = Array.IndexOf(tokens, context.Request.Query["page_token"].FirstOrDefault()) + 1;
            return RespondThings(context, (2 * page) - 1, page == 3 ? 1 : 2, next: null, nextToken: page < 3 ? tokens[page] : null);
        });
        using var http = new HttpClient();

        var things = Pager.NextToken(
            (token, options, cancellationToken) => Send(http, server.BaseAddress, "/things" + (token is null ? "" : "?page_token=" + Uri.EscapeDataString(token)), PagingJson.Default.ThingsPage, options, cancellationToken),
            firstToken: null,
            page => page!.Items,
            page => page!.NextPageToken,
            requestOptions: null,
            CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5], (await ToListAsync(things)).Select(thing => thing.Number));
        Assert.Equal(["/things", "/things?page_token=eyJvZmZzZXQiOjJ9", "/things?page_token=eyJvZmZzZXQiOjR9"], server.Requests.Select(Target));
    }

    [Fact]
    public async Task An_aws_style_next_token_goes_back_in_the_request_body()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var request = JsonSerializer.Deserialize(context.Request.Body, PagingJson.Default.AwsListRequest)!;
            var start = request.NextToken is null ? 1 : int.Parse(request.NextToken.Substring("after-".Length)) + 1;
            var numbers = Enumerable.Range(start, Math.Min(request.MaxResults, 6 - start)).ToArray();
            var things = string.Join(",", numbers.Select(n => $$"""{"id":"t{{n}}","number":{{n}}}"""));
            var next = numbers[^1] < 5 ? $",\"NextToken\":\"after-{numbers[^1]}\"" : string.Empty;
            return LoopbackServer.Respond(context, 200, $$"""{"Things":[{{things}}]{{next}}}""", "application/x-amz-json-1.1");
        });
        using var http = new HttpClient();

        var things = Pager.NextToken(
            (token, options, cancellationToken) =>
            {
                var request = ContractsHttp.CreateRequest(HttpMethod.Post, server.BaseAddress, "/");
                request.Content = ContractsHttp.CreateJsonContent(new AwsListRequest(2, token), PagingJson.Default.AwsListRequest, "application/x-amz-json-1.1");
                return ContractsHttp.SendAsync(http, request, "ListThings", PagingJson.Default.AwsListResponse, errors: null, allowEmpty: false, clientDefaults: null, options, cancellationToken);
            },
            firstToken: null,
            page => page!.Things,
            page => page!.NextToken,
            requestOptions: null,
            CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5], (await ToListAsync(things)).Select(thing => thing.Number));
        Assert.Equal(
            ["""{"MaxResults":2}""", """{"MaxResults":2,"NextToken":"after-2"}""", """{"MaxResults":2,"NextToken":"after-4"}"""],
            server.Requests.Select(request => request.BodyText));
    }

    [Fact]
    public async Task A_next_link_in_the_body_is_followed_absolute_and_relative()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var page = int.Parse(context.Request.Query["cursor"].FirstOrDefault() ?? "1");
            var next = page switch
            {
                1 => Root(context) + "items?cursor=2",
                2 => "/items?cursor=3",
                _ => null,
            };
            return RespondThings(context, (2 * page) - 1, page == 3 ? 1 : 2, next);
        });
        using var http = new HttpClient();

        var things = Pager.NextLink(
            (options, token) => Send(http, server.BaseAddress, "/items", PagingJson.Default.ThingsPage, options, token),
            page => page!.Items,
            page => page!.Next,
            requestOptions: null,
            CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5], (await ToListAsync(things)).Select(thing => thing.Number));
        Assert.Equal(["/items", "/items?cursor=2", "/items?cursor=3"], server.Requests.Select(Target));
    }

    [Fact]
    public async Task A_service_returning_the_same_token_forever_is_asked_twice()
    {
        await using var server = await LoopbackServer.StartAsync(context => RespondThings(context, 1, 2, next: null, nextToken: "again"));
        using var http = new HttpClient();

        var things = Pager.NextToken(
            (token, options, cancellationToken) => Send(http, server.BaseAddress, "/things" + (token is null ? "" : "?page_token=" + token), PagingJson.Default.ThingsPage, options, cancellationToken),
            firstToken: null,
            page => page!.Items,
            page => page!.NextPageToken,
            requestOptions: null,
            CancellationToken.None);

        Assert.Equal(4, (await ToListAsync(things)).Count);
        Assert.Equal(["/things", "/things?page_token=again"], server.Requests.Select(Target));
    }

    [Fact]
    public async Task A_service_returning_the_same_link_forever_is_asked_twice()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["Link"] = "</things?per_page=2&page=2>; rel=\"next\"";
            return RespondThings(context, 1, 2, next: null);
        });
        using var http = new HttpClient();

        Assert.Equal(4, (await ToListAsync(GitHubStyle(http, server.BaseAddress))).Count);
        Assert.Equal(["/things?per_page=2", "/things?per_page=2&page=2"], server.Requests.Select(Target));
    }

    [Theory]
    [InlineData("other")]
    [InlineData("other-relative-to-scheme")]
    [InlineData("https-on-the-same-port")]
    public async Task A_next_link_to_another_origin_is_refused_before_anything_is_sent_there(string where)
    {
        await using var other = await LoopbackServer.StartAsync(200, """{"items":[]}""");
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["Link"] = where switch
            {
                "other" => $"<{other.BaseAddress}steal?access_token=s3cr3t-in-the-link>; rel=\"next\"",
                "other-relative-to-scheme" => $"<//{other.BaseAddress.Authority}/steal?access_token=s3cr3t-in-the-link>; rel=\"next\"",
                _ => $"<https://{context.Request.Host}/things?access_token=s3cr3t-in-the-link>; rel=\"next\"",
            };
            return RespondThings(context, 1, 2, next: null);
        });
        using var http = new HttpClient();
        var yielded = new List<int>();

        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var thing in GitHubStyle(http, server.BaseAddress))
            {
                yielded.Add(thing.Number);
            }
        });

        Assert.Equal([1, 2], yielded);
        Assert.Empty(other.Requests);
        Assert.Single(server.Requests);
        Assert.Equal("ListThings", exception.OperationName);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("another origin", exception.Message);
        Assert.DoesNotContain("s3cr3t", exception.ToString());
    }

    [Fact]
    public async Task A_continuation_token_leading_to_another_origin_is_refused_too()
    {
        await using var other = await LoopbackServer.StartAsync(200, """{"items":[]}""");
        await using var server = await GitHubStyleServer();
        using var http = new HttpClient();

        // A token is text a caller may have stored anywhere: resuming from it keeps to the client's origin as well.
        var exception = await Assert.ThrowsAsync<ApiException>(() => ToListAsync(GitHubStyle(http, server.BaseAddress).AsPages(other.BaseAddress + "things?page=2")));

        Assert.Contains("another origin", exception.Message);
        Assert.Empty(other.Requests);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_callers_options_apply_to_every_page_and_stay_unchanged()
    {
        await using var server = await GitHubStyleServer();
        using var http = new HttpClient();
        var options = new RequestOptions { IdempotencyKey = "list-7", Timeout = TimeSpan.FromMinutes(1) };
        options.Headers["X-Trace-Id"] = "trace-1";

        _ = await ToListAsync(GitHubStyle(http, server.BaseAddress, options));

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, request =>
        {
            Assert.Equal("trace-1", request.Headers["X-Trace-Id"]);
            Assert.Equal("list-7", request.Headers["Idempotency-Key"]);
        });
        Assert.Equal(["X-Trace-Id"], options.Headers.Keys);
        Assert.Equal("list-7", options.IdempotencyKey);
    }

    [Fact]
    public async Task An_error_on_a_later_page_is_that_pages_api_exception_after_the_earlier_items()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Query.ContainsKey("page"))
            {
                return LoopbackServer.Respond(context, 503, """{"message":"try later"}""");
            }

            context.Response.Headers["Link"] = "</things?per_page=2&page=2>; rel=\"next\"";
            return RespondThings(context, 1, 2, next: null);
        });
        using var http = new HttpClient();
        var yielded = new List<int>();

        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var thing in GitHubStyle(http, server.BaseAddress))
            {
                yielded.Add(thing.Number);
            }
        });

        Assert.Equal([1, 2], yielded);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Contains("try later", exception.ResponseExcerpt);
    }

    [Fact]
    public async Task Cancelling_during_a_page_ends_paging_and_closes_that_request()
    {
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondAborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (!context.Request.Query.ContainsKey("page"))
            {
                context.Response.Headers["Link"] = "</things?per_page=2&page=2>; rel=\"next\"";
                await RespondThings(context, 1, 2, next: null);
                return;
            }

            // The second page never comes: the server waits until the client gives up on it.
            secondArrived.SetResult();
            var aborted = new TaskCompletionSource();
            using (context.RequestAborted.Register(() => aborted.SetResult()))
            {
                await aborted.Task;
            }

            secondAborted.SetResult();
        });
        using var http = new HttpClient();
        using var cancel = new CancellationTokenSource();
        var yielded = new List<int>();

        var enumerating = Task.Run(async () =>
        {
            await foreach (var thing in GitHubStyle(http, server.BaseAddress).WithCancellation(cancel.Token))
            {
                yielded.Add(thing.Number);
            }
        });
        await secondArrived.Task;
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => enumerating);
        await secondAborted.Task;
        Assert.Equal([1, 2], yielded);
    }

    private static Task<LoopbackServer> GitHubStyleServer() =>
        LoopbackServer.StartAsync(context =>
        {
            var page = int.Parse(context.Request.Query["page"].FirstOrDefault() ?? "1");
            context.Response.Headers["X-Page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (page < 3)
            {
                context.Response.Headers["Link"] = $"</things?per_page=2&page={page + 1}>; rel=\"next\", </things?per_page=2&page=3>; rel=\"last\"";
            }
            else
            {
                context.Response.Headers["Link"] = "</things?per_page=2&page=2>; rel=\"prev\", </things?per_page=2&page=1>; rel=\"first\"";
            }

            return RespondThings(context, (2 * page) - 1, page == 3 ? 1 : 2, next: null);
        });

    // A GitHub-style list operation: GET /things?per_page=2, pages by Link headers.
    private static Pageable<Thing> GitHubStyle(HttpClient http, Uri baseAddress, RequestOptions? requestOptions = null) =>
        Pager.LinkHeader(
            (options, token) => Send(http, baseAddress, "/things?per_page=2", PagingJson.Default.ThingsPage, options, token),
            page => page!.Items,
            requestOptions,
            CancellationToken.None);

    // What a generated method sends: a request under the base address through ContractsHttp, with the options given.
    private static Task<T?> Send<T>(HttpClient http, Uri baseAddress, string relativeUri, JsonTypeInfo<T> typeInfo, RequestOptions options, CancellationToken cancellationToken) =>
        ContractsHttp.SendAsync(
            http,
            ContractsHttp.CreateRequest(HttpMethod.Get, baseAddress, relativeUri),
            "ListThings",
            typeInfo,
            errors: null,
            allowEmpty: false,
            clientDefaults: null,
            options,
            cancellationToken);

    private static Task RespondThings(HttpContext context, int first, int count, string? next, string? nextToken = null)
    {
        var items = string.Join(",", Enumerable.Range(first, count).Select(n => $$"""{"id":"t{{n}}","number":{{n}}}"""));
        var body = $$"""{"items":[{{items}}],"next":{{Json(next)}},"next_page_token":{{Json(nextToken)}}}""";
        return LoopbackServer.Respond(context, 200, body);
    }

    private static Task RespondRepos(HttpContext context, int page)
    {
        var names = Names.Skip((page - 1) * 2).Take(2).Select(name => $$"""{"name":"{{name}}"}""");
        return LoopbackServer.Respond(context, 200, "[" + string.Join(",", names) + "]");
    }

    private static string Json(string? value) => value is null ? "null" : JsonSerializer.Serialize(value, PagingJsonStrings.Default.String);

    private static string Root(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/";

    private static string Target(RecordedRequest request) => request.Path + request.QueryString;

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task<T> FirstAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var item in items)
        {
            return item;
        }

        throw new InvalidOperationException("No item.");
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class PagingJsonStrings : System.Text.Json.Serialization.JsonSerializerContext;
