using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Paging;
using Xunit;

namespace Contracts.Runtime.Tests.Paging;

/// <summary>
/// What <see cref="Pageable{T}"/> does with the pages a fetch returns: laziness, limits, loop guards, resuming,
/// cancellation, errors. The fetches here are functions (no HTTP); Contracts.IntegrationTests/Paging pages over HTTP.
/// </summary>
public sealed class PageableTests
{
    private sealed record TokenPage(int[]? Items, string? Next);

    private sealed record CursorPage(Item[]? Data, bool? HasMore);

    private sealed record Item(int Number, string? Id);

    /// <summary>A service paging by token: page "t{n}" holds the items of <paramref name="pages"/>[n]; the last has no token.</summary>
    private sealed class TokenService(params int[][] pages)
    {
        public List<string?> Tokens { get; } = [];

        public List<RequestOptions> Options { get; } = [];

        public Task<TokenPage> FetchAsync(string? token, RequestOptions options, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Tokens.Add(token);
            Options.Add(options);
            var index = token is null ? 0 : int.Parse(token.Substring(1));
            return Task.FromResult(new TokenPage(pages[index], index + 1 < pages.Length ? "t" + (index + 1) : null));
        }
    }

    private static Pageable<int> Tokens(TokenService service, string? firstToken = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Contracts.Runtime.Paging.Paging.NextToken<TokenPage, int>(service.FetchAsync, firstToken, page => page.Items, page => page.Next, options, cancellationToken);

    [Fact]
    public async Task Every_item_of_every_page_is_yielded_in_order()
    {
        var service = new TokenService([1, 2], [3], [4, 5]);

        Assert.Equal([1, 2, 3, 4, 5], await ToListAsync(Tokens(service)));
        Assert.Equal([null, "t1", "t2"], service.Tokens);
    }

    [Fact]
    public async Task Nothing_is_fetched_before_the_first_item_is_asked_for()
    {
        var service = new TokenService([1, 2], [3]);
        var pageable = Tokens(service);
        await using var items = pageable.GetAsyncEnumerator();

        Assert.Empty(service.Tokens);
        Assert.True(await items.MoveNextAsync());
        Assert.Single(service.Tokens);
    }

    [Fact]
    public async Task No_page_is_fetched_after_the_consumer_stops()
    {
        var service = new TokenService([1, 2], [3]);

        await foreach (var item in Tokens(service))
        {
            if (item == 2)
            {
                // The last item of the first page: the second page is not fetched.
                break;
            }
        }

        Assert.Equal([null], service.Tokens);
    }

    [Fact]
    public async Task Each_enumeration_starts_from_the_first_page()
    {
        var service = new TokenService([1], [2]);
        var pageable = Tokens(service);

        Assert.Equal([1, 2], await ToListAsync(pageable));
        Assert.Equal([1, 2], await ToListAsync(pageable));
        Assert.Equal([null, "t1", null, "t1"], service.Tokens);
    }

    [Fact]
    public async Task The_first_page_is_fetched_with_the_callers_token()
    {
        var service = new TokenService([1], [2], [3]);

        Assert.Equal([2, 3], await ToListAsync(Tokens(service, firstToken: "t1")));
        Assert.Equal(["t1", "t2"], service.Tokens);
    }

    [Fact]
    public async Task Pages_carry_their_items_and_the_token_of_the_next()
    {
        var service = new TokenService([1, 2], [3]);

        var pages = await ToListAsync(Tokens(service).AsPages());

        Assert.Equal(2, pages.Count);
        Assert.Equal([1, 2], pages[0].Items);
        Assert.Equal("t1", pages[0].ContinuationToken);
        Assert.Equal([3], pages[1].Items);
        Assert.Null(pages[1].ContinuationToken);
    }

    [Fact]
    public async Task AsPages_resumes_from_a_pages_token()
    {
        var service = new TokenService([1], [2], [3]);
        var first = await FirstAsync(Tokens(service).AsPages());
        service.Tokens.Clear();

        var rest = await ToListAsync(Tokens(service).AsPages(first.ContinuationToken));

        Assert.Equal([[2], [3]], rest.Select(page => page.Items.ToArray()));
        Assert.Equal(["t1", "t2"], service.Tokens);
    }

    [Fact]
    public async Task A_token_that_comes_back_ends_paging()
    {
        var fetched = new List<string?>();
        var pageable = Contracts.Runtime.Paging.Paging.NextToken<TokenPage, int>(
            (token, _, _) =>
            {
                fetched.Add(token);
                Assert.True(fetched.Count < 10, "Paging did not stop.");
                return Task.FromResult(new TokenPage([fetched.Count], "same"));
            },
            null,
            page => page.Items,
            page => page.Next,
            null,
            default);

        Assert.Equal([1, 2], await ToListAsync(pageable));
        Assert.Equal([null, "same"], fetched);
    }

    [Fact]
    public async Task A_cycle_of_tokens_ends_paging_on_the_first_token_seen_again()
    {
        // a → b → c → a: keeping only the last token would page forever.
        var next = new Dictionary<string, string> { ["start"] = "a", ["a"] = "b", ["b"] = "c", ["c"] = "a" };
        var fetched = new List<string?>();
        var pageable = Contracts.Runtime.Paging.Paging.NextToken<TokenPage, int>(
            (token, _, _) =>
            {
                fetched.Add(token);

                // Without the guard this would page forever: fail instead of hanging.
                Assert.True(fetched.Count < 10, "Paging did not stop.");
                return Task.FromResult(new TokenPage([fetched.Count], next[token ?? "start"]));
            },
            null,
            page => page.Items,
            page => page.Next,
            null,
            default);

        var pages = await ToListAsync(pageable.AsPages());

        Assert.Equal([null, "a", "b", "c"], fetched);

        // The page whose token was seen before is the last one, and says so.
        Assert.Null(pages[^1].ContinuationToken);
    }

    [Fact]
    public async Task A_service_returning_the_callers_own_token_is_fetched_once()
    {
        var fetched = 0;
        var pageable = Contracts.Runtime.Paging.Paging.NextToken<TokenPage, int>(
            (_, _, _) => Task.FromResult(new TokenPage([++fetched], "mine")),
            "mine",
            page => page.Items,
            page => page.Next,
            null,
            default);

        Assert.Equal([1], await ToListAsync(pageable));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_null_or_empty_token_ends_paging(string? last)
    {
        var fetched = 0;
        var pageable = Contracts.Runtime.Paging.Paging.NextToken<TokenPage, int>(
            (_, _, _) => Task.FromResult(new TokenPage([++fetched], fetched == 1 ? "t" : last)),
            null,
            page => page.Items,
            page => page.Next,
            null,
            default);

        Assert.Equal([1, 2], await ToListAsync(pageable));
    }

    [Fact]
    public async Task A_null_page_has_no_items_and_ends_paging()
    {
        var fetched = 0;
        var pageable = Contracts.Runtime.Paging.Paging.NextToken<TokenPage?, int>(
            (_, _, _) => Task.FromResult<TokenPage?>(++fetched == 1 ? new TokenPage([1], "t") : null),
            null,
            page => page!.Items,
            page => page!.Next,
            null,
            default);

        var pages = await ToListAsync(pageable.AsPages());

        Assert.Equal(2, fetched);
        Assert.Empty(pages[1].Items);
        Assert.Null(pages[1].ContinuationToken);
    }

    [Fact]
    public async Task A_page_without_items_but_with_a_token_goes_on()
    {
        // AWS services answer empty pages with a NextToken while they search further.
        var service = new TokenService([1], [], [], [2]);

        Assert.Equal([1, 2], await ToListAsync(Tokens(service)));
    }

    [Fact]
    public async Task A_cursor_comes_from_the_last_item_while_there_is_more()
    {
        var pages = new Dictionary<string, CursorPage>
        {
            ["start"] = new([new(1, "a"), new(2, "b")], true),
            ["b"] = new([new(3, "c")], true),
            ["c"] = new([new(4, "d")], false),
        };
        var fetched = new List<string?>();

        var items = await ToListAsync(Cursor(pages, fetched));

        Assert.Equal([1, 2, 3, 4], items.Select(item => item.Number));
        Assert.Equal([null, "b", "c"], fetched);
    }

    [Fact]
    public async Task An_empty_page_that_says_there_is_more_ends_cursor_paging()
    {
        var pages = new Dictionary<string, CursorPage>
        {
            ["start"] = new([new(1, "a")], true),
            ["a"] = new([], true),
        };
        var fetched = new List<string?>();

        Assert.Single(await ToListAsync(Cursor(pages, fetched)));
        Assert.Equal([null, "a"], fetched);
    }

    [Fact]
    public async Task A_last_item_without_a_cursor_ends_cursor_paging()
    {
        var pages = new Dictionary<string, CursorPage> { ["start"] = new([new(1, "a"), new(2, null)], true) };
        var fetched = new List<string?>();

        Assert.Equal(2, (await ToListAsync(Cursor(pages, fetched))).Count);
        Assert.Equal([null], fetched);
    }

    [Fact]
    public async Task A_missing_has_more_flag_pages_on_while_pages_have_items()
    {
        var pages = new Dictionary<string, CursorPage>
        {
            ["start"] = new([new(1, "a")], null),
            ["a"] = new([new(2, "b")], null),
            ["b"] = new(null, null),
        };
        var fetched = new List<string?>();

        Assert.Equal(2, (await ToListAsync(Cursor(pages, fetched))).Count);
        Assert.Equal([null, "a", "b"], fetched);
    }

    [Fact]
    public async Task An_item_limit_stops_within_a_page_and_fetches_no_further()
    {
        var service = new TokenService([1, 2], [3, 4], [5, 6]);

        Assert.Equal([1, 2, 3], await ToListAsync(Tokens(service).WithLimits(maxItems: 3)));
        Assert.Equal([null, "t1"], service.Tokens);
    }

    [Fact]
    public async Task An_item_limit_reached_at_the_end_of_a_page_fetches_no_further()
    {
        var service = new TokenService([1, 2], [3, 4]);

        Assert.Equal([1, 2], await ToListAsync(Tokens(service).WithLimits(maxItems: 2)));
        Assert.Equal([null], service.Tokens);
    }

    [Fact]
    public async Task A_page_limit_stops_after_that_many_pages()
    {
        var service = new TokenService([1], [2], [3], [4]);

        Assert.Equal([1, 2], await ToListAsync(Tokens(service).WithLimits(maxPages: 2)));
        Assert.Equal([null, "t1"], service.Tokens);
    }

    [Fact]
    public async Task Limited_pages_are_whole_and_the_last_one_resumes_after_it()
    {
        var service = new TokenService([1, 2], [3, 4], [5, 6]);
        var limited = Tokens(service).WithLimits(maxItems: 3);

        var pages = await ToListAsync(limited.AsPages());
        var rest = await ToListAsync(Tokens(service).AsPages(pages[^1].ContinuationToken));

        Assert.Equal([[1, 2], [3, 4]], pages.Select(page => page.Items.ToArray()));
        Assert.Equal("t2", pages[^1].ContinuationToken);
        Assert.Equal([5, 6], rest.Single().Items);
    }

    [Fact]
    public void WithLimits_returns_a_copy()
    {
        var service = new TokenService([1], [2]);
        var pageable = Tokens(service);

        Assert.NotSame(pageable, pageable.WithLimits(maxItems: 1));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, null)]
    [InlineData(null, 0)]
    [InlineData(null, -5)]
    public void Limits_must_be_positive(int? maxItems, int? maxPages)
    {
        var pageable = Tokens(new TokenService([1]));

        Assert.Throws<ArgumentOutOfRangeException>(() => pageable.WithLimits(maxItems, maxPages));
    }

    [Fact]
    public async Task Each_page_gets_a_copy_of_the_callers_options_which_stay_unchanged()
    {
        var service = new TokenService([1], [2]);
        var options = new RequestOptions { IdempotencyKey = "key-1", Timeout = TimeSpan.FromSeconds(7) };
        options.Headers["X-Trace"] = "t";

        _ = await ToListAsync(Tokens(service, options: options));

        Assert.Equal(2, service.Options.Count);
        Assert.All(service.Options, copy =>
        {
            Assert.NotSame(options, copy);
            Assert.Equal("key-1", copy.IdempotencyKey);
            Assert.Equal(TimeSpan.FromSeconds(7), copy.Timeout);
            Assert.Equal("t", copy.Headers["X-Trace"]);
            Assert.NotNull(copy.Capture);
        });
        Assert.NotSame(service.Options[0], service.Options[1]);
        Assert.Null(options.Capture);
        Assert.Single(options.Headers);
    }

    [Fact]
    public async Task The_methods_token_cancels_between_pages()
    {
        using var cancel = new CancellationTokenSource();
        var service = new TokenService([1], [2]);
        var fetched = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Tokens(service, cancellationToken: cancel.Token))
            {
                fetched.Add(item);
                cancel.Cancel();
            }
        });

        Assert.Equal([1], fetched);
        Assert.Equal([null], service.Tokens);
    }

    [Fact]
    public async Task The_enumerations_token_cancels_between_pages()
    {
        using var cancel = new CancellationTokenSource();
        var service = new TokenService([1], [2]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Tokens(service).WithCancellation(cancel.Token))
            {
                cancel.Cancel();
            }
        });

        Assert.Equal([null], service.Tokens);
    }

    [Fact]
    public async Task Both_tokens_reach_the_fetch()
    {
        using var method = new CancellationTokenSource();
        using var enumeration = new CancellationTokenSource();
        var seen = new List<CancellationToken>();
        var pageable = Contracts.Runtime.Paging.Paging.NextToken<TokenPage, int>(
            (_, _, token) =>
            {
                seen.Add(token);
                return Task.FromResult(new TokenPage([1], null));
            },
            null,
            page => page.Items,
            page => page.Next,
            null,
            method.Token);

        await foreach (var _ in pageable.WithCancellation(enumeration.Token))
        {
        }

        // A linked token: cancelling either source cancels the token the fetch was given.
        Assert.False(seen.Single().IsCancellationRequested);
        Assert.NotEqual(method.Token, seen.Single());
        Assert.NotEqual(enumeration.Token, seen.Single());
    }

    [Fact]
    public async Task An_error_on_a_later_page_is_thrown_after_the_earlier_items()
    {
        var fetched = 0;
        var yielded = new List<int>();
        var pageable = Contracts.Runtime.Paging.Paging.NextToken<TokenPage, int>(
            (_, _, _) => ++fetched == 1
                ? Task.FromResult(new TokenPage([1, 2], "t"))
                : throw new ApiException("ListThings", HttpStatusCode.InternalServerError, "the service returned an error status"),
            null,
            page => page.Items,
            page => page.Next,
            null,
            default);

        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var item in pageable)
            {
                yielded.Add(item);
            }
        });

        Assert.Equal([1, 2], yielded);
        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
    }

    [Fact]
    public void The_factories_refuse_missing_delegates()
    {
        Assert.Throws<ArgumentNullException>(() => Contracts.Runtime.Paging.Paging.NextToken<TokenPage, int>(null!, null, page => page.Items, page => page.Next, null, default));
        Assert.Throws<ArgumentNullException>(() => Contracts.Runtime.Paging.Paging.LinkHeader<TokenPage, int>((_, _) => Task.FromResult(new TokenPage(null, null)), null!, null, default));
        Assert.Throws<ArgumentNullException>(() => Contracts.Runtime.Paging.Paging.Cursor<CursorPage, Item>((_, _, _) => Task.FromResult(new CursorPage(null, null)), null, page => page.Data, page => page.HasMore, null!, null, default));
        Assert.Throws<ArgumentNullException>(() => Contracts.Runtime.Paging.Paging.NextLink<TokenPage, int>((_, _) => Task.FromResult(new TokenPage(null, null)), page => page.Items, null!, null, default));
    }

    [Fact]
    public async Task A_fetch_that_drops_its_options_cannot_follow_a_link()
    {
        // A link paginator whose fetch does not pass the options on would fetch the first page again and again.
        var fetched = 0;
        var pageable = Contracts.Runtime.Paging.Paging.NextLink<TokenPage, int>(
            (_, _) => Task.FromResult(new TokenPage([++fetched], "https://api.example.com/things?page=2")),
            page => page.Items,
            page => page.Next,
            null,
            default);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => ToListAsync(pageable));

        Assert.Equal(2, fetched);
        Assert.Contains("did not send its request with the options it was given", exception.Message);
    }

    private static Pageable<Item> Cursor(Dictionary<string, CursorPage> pages, List<string?> fetched) =>
        Contracts.Runtime.Paging.Paging.Cursor<CursorPage, Item>(
            (cursor, _, _) =>
            {
                fetched.Add(cursor);
                return Task.FromResult(pages[cursor ?? "start"]);
            },
            null,
            page => page.Data,
            page => page.HasMore,
            item => item.Id,
            null,
            default);

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
