using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Contracts.VendorTests.Paging;

/// <summary>
/// GitHub's <c>GET /orgs/{org}/repos</c> for one organization, paged the way GitHub pages it, on a
/// <see cref="LoopbackServer"/>. Everything lives under <c>/api/v3/</c>, GitHub Enterprise Server's API root, because
/// Octokit sends every request for a host other than github.com there. GitHub's habits that a paginator has to cope
/// with are kept: <c>per_page</c> defaults to 30 (at most 100), <c>page</c> counts from 1, and the <c>Link</c> header
/// holds absolute URLs in the order <c>prev</c>, <c>next</c>, <c>last</c>, <c>first</c> whose path is the
/// organization's numeric form (<c>/organizations/{id}/repos</c>, not the path asked for) and whose query repeats the
/// request's with <c>page</c> moved to the end. Every response carries the rate-limit headers, counting down.
/// </summary>
public sealed class FakeGitHubOrganization : IAsyncDisposable
{
    /// <summary>GitHub's page size when a request names none.</summary>
    public const int DefaultPageSize = 30;

    public const int RateLimit = 5000;

    /// <summary>When the rate-limit window resets (epoch seconds), the same on every response.</summary>
    public const long RateLimitReset = 1_765_000_000;

    /// <summary>The id of the first repository; the others count up from it.</summary>
    public const long FirstRepositoryId = 1_296_269;

    private const string ApiRoot = "/api/v3/";

    private readonly object _gate = new();
    private readonly string _repositoryTemplate;
    private LoopbackServer _server = null!;
    private int _used;

    private FakeGitHubOrganization(string login, long id, IReadOnlyList<string> repositoryNames)
    {
        Login = login;
        Id = id;
        RepositoryNames = repositoryNames;
        _repositoryTemplate = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Paging", "github-minimal-repository.json"));
    }

    public string Login { get; }

    /// <summary>The organization's numeric id, the form GitHub's <c>Link</c> URLs use.</summary>
    public long Id { get; }

    /// <summary>The organization's repositories, in the order GitHub lists them.</summary>
    public IReadOnlyList<string> RepositoryNames { get; }

    /// <summary>The API root, such as <c>http://127.0.0.1:54321/api/v3/</c>: a generated client's base address.</summary>
    public Uri ApiAddress => new(_server.BaseAddress, ApiRoot);

    /// <summary>The server's root, such as <c>http://127.0.0.1:54321/</c>: what Octokit is given (it adds <c>/api/v3/</c> itself).</summary>
    public Uri ServerAddress => _server.BaseAddress;

    /// <summary>Every request, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>Starts an organization <paramref name="login"/> (numeric id <paramref name="id"/>) holding <paramref name="repositoryNames"/>.</summary>
    public static async Task<FakeGitHubOrganization> StartAsync(string login, long id, IReadOnlyList<string> repositoryNames)
    {
        var fake = new FakeGitHubOrganization(login, id, repositoryNames);
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    /// <summary>Names such as <c>repo-01</c> … for <paramref name="count"/> repositories.</summary>
    public static IReadOnlyList<string> Names(int count) =>
        Enumerable.Range(1, count).Select(i => "repo-" + i.ToString("00", CultureInfo.InvariantCulture)).ToArray();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (request.Method != "GET"
            || (path != ApiRoot + "orgs/" + Login + "/repos" && path != ApiRoot + "organizations/" + Id.ToString(CultureInfo.InvariantCulture) + "/repos"))
        {
            await Respond(context, 404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""");
            return;
        }

        var pageSize = Number(request.Query["per_page"], DefaultPageSize);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var page = Math.Max(1, Number(request.Query["page"], 1));
        var lastPage = Math.Max(1, (RepositoryNames.Count + pageSize - 1) / pageSize);

        var items = new JsonArray();
        for (var index = (page - 1) * pageSize; index < Math.Min(page * pageSize, RepositoryNames.Count); index++)
        {
            items.Add(Repository(RepositoryNames[index], FirstRepositoryId + index));
        }

        // GitHub's order: prev, next, last, first; the first page has no prev/first, the last no next/last.
        var links = new List<string>();
        if (page > 1)
        {
            links.Add(Link(request, Math.Min(page - 1, lastPage), "prev"));
        }

        if (page < lastPage)
        {
            links.Add(Link(request, page + 1, "next"));
            links.Add(Link(request, lastPage, "last"));
        }

        if (page > 1)
        {
            links.Add(Link(request, 1, "first"));
        }

        if (links.Count > 0)
        {
            context.Response.Headers["Link"] = string.Join(", ", links);
        }

        await Respond(context, 200, items.ToJsonString());
    }

    private async Task Respond(HttpContext context, int status, string json)
    {
        int used;
        lock (_gate)
        {
            used = ++_used;
        }

        var headers = context.Response.Headers;
        headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        headers["X-GitHub-Request-Id"] = "C0DE:" + used.ToString("X4", CultureInfo.InvariantCulture) + ":FA11";
        headers["X-RateLimit-Limit"] = RateLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = (RateLimit - used).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = RateLimitReset.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Used"] = used.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Resource"] = "core";
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json));
    }

    // The organization's numeric path on this server's own origin, the request's query with page moved to the end.
    private string Link(HttpRequest request, int page, string rel)
    {
        var query = new StringBuilder();
        foreach (var (name, values) in request.Query)
        {
            if (name == "page")
            {
                continue;
            }

            foreach (var value in values)
            {
                query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty)).Append('&');
            }
        }

        query.Append("page=").Append(page.ToString(CultureInfo.InvariantCulture));
        var target = new Uri(_server.BaseAddress, ApiRoot + "organizations/" + Id.ToString(CultureInfo.InvariantCulture) + "/repos?" + query);
        return "<" + target.AbsoluteUri + ">; rel=\"" + rel + "\"";
    }

    // GitHub's documented minimal-repository example (spec/vendors/github-api-1.1.4.yaml, CC0) renamed.
    private JsonNode Repository(string name, long id)
    {
        var repository = JsonNode.Parse(_repositoryTemplate)!.AsObject();
        repository["id"] = id;
        repository["node_id"] = Convert.ToBase64String(Encoding.ASCII.GetBytes("010:Repository" + id.ToString(CultureInfo.InvariantCulture)));
        repository["name"] = name;
        repository["full_name"] = Login + "/" + name;
        repository["html_url"] = "https://github.com/" + Login + "/" + name;
        repository["url"] = "https://api.github.com/repos/" + Login + "/" + name;
        return repository;
    }

    private static int Number(Microsoft.Extensions.Primitives.StringValues values, int fallback) =>
        int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : fallback;
}
