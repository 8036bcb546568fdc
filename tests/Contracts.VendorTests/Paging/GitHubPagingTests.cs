using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.Runtime.Paging;
using Contracts.VendorTests.GitHub;
using Xunit;
using OctokitSdk = global::Octokit;

namespace Contracts.VendorTests.Paging;

/// <summary>
/// GitHub's organization repository list, paged with <c>Link</c> headers by <see cref="FakeGitHubOrganization"/>:
/// the paginator generated from GitHub's description (<c>ReposListForOrgAllAsync</c>) against Octokit's
/// <c>GetAllForOrg</c>, GitHub's .NET SDK, over the same server.
/// </summary>
public sealed class GitHubPagingTests
{
    private const string Org = "octo-org";
    private const long OrgId = 9919;

    [Fact]
    public async Task Octokit_follows_the_Link_headers_through_every_page()
    {
        // 70 repositories at GitHub's default 30 a page: three pages, the last one short.
        await using var github = await FakeGitHubOrganization.StartAsync(Org, OrgId, FakeGitHubOrganization.Names(70));

        var repositories = await OctokitClient(github).Repository.GetAllForOrg(Org);

        Assert.Equal(github.RepositoryNames, repositories.Select(r => r.Name));
        Assert.Equal(
            ["/api/v3/orgs/octo-org/repos", "/api/v3/organizations/9919/repos?page=2", "/api/v3/organizations/9919/repos?page=3"],
            Targets(github.Requests));
    }

    [Fact]
    public async Task The_generated_paginator_lists_what_Octokit_lists_with_the_same_requests()
    {
        await using var github = await FakeGitHubOrganization.StartAsync(Org, OrgId, FakeGitHubOrganization.Names(70));
        var octokitNames = (await OctokitClient(github).Repository.GetAllForOrg(Org)).Select(r => r.Name).ToList();
        var octokitRequests = Targets(github.Requests);

        var names = new List<string>();
        using var http = new HttpClient();
        await foreach (var repository in Client(http, github).ReposListForOrgAllAsync(Org))
        {
            names.Add(repository.Name);
        }

        Assert.Equal(octokitNames, names);
        Assert.Equal(octokitRequests, Targets(github.Requests.Skip(octokitRequests.Count)));
        Assert.Equal(3, octokitRequests.Count);
    }

    [Fact]
    public async Task A_page_size_is_kept_in_every_link_as_Octokit_keeps_it()
    {
        // 8 repositories, 3 a page: per_page travels in the Link URLs GitHub builds, not in the client.
        await using var github = await FakeGitHubOrganization.StartAsync(Org, OrgId, FakeGitHubOrganization.Names(8));
        var octokitNames = (await OctokitClient(github).Repository.GetAllForOrg(Org, new OctokitSdk.ApiOptions { PageSize = 3 })).Select(r => r.Name).ToList();
        var octokitRequests = Targets(github.Requests);

        using var http = new HttpClient();
        var names = new List<string>();
        await foreach (var repository in Client(http, github).ReposListForOrgAllAsync(Org, perPage: 3))
        {
            names.Add(repository.Name);
        }

        Assert.Equal(github.RepositoryNames, octokitNames);
        Assert.Equal(octokitNames, names);
        Assert.Equal(
            ["/api/v3/orgs/octo-org/repos?per_page=3", "/api/v3/organizations/9919/repos?per_page=3&page=2", "/api/v3/organizations/9919/repos?per_page=3&page=3"],
            octokitRequests);
        Assert.Equal(octokitRequests, Targets(github.Requests.Skip(octokitRequests.Count)));
    }

    [Fact]
    public async Task Each_page_carries_its_Link_and_rate_limit_headers_and_the_next_link()
    {
        await using var github = await FakeGitHubOrganization.StartAsync(Org, OrgId, FakeGitHubOrganization.Names(70));
        using var http = new HttpClient();

        var pages = new List<Page<MinimalRepository>>();
        await foreach (var page in Client(http, github).ReposListForOrgAllAsync(Org).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([30, 30, 10], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        var api = github.ApiAddress.AbsoluteUri;
        Assert.Equal([api + "organizations/9919/repos?page=2", api + "organizations/9919/repos?page=3", null], pages.Select(p => p.ContinuationToken));
        Assert.Equal(
            "<" + api + "organizations/9919/repos?page=2>; rel=\"next\", <" + api + "organizations/9919/repos?page=3>; rel=\"last\"",
            pages[0].Headers.GetString("Link"));
        Assert.Equal(
            "<" + api + "organizations/9919/repos?page=2>; rel=\"prev\", <" + api + "organizations/9919/repos?page=1>; rel=\"first\"",
            pages[2].Headers.GetString("Link"));
        Assert.Equal([4999L, 4998L, 4997L], pages.Select(p => p.Headers.GetInt64("X-RateLimit-Remaining")));
        Assert.All(pages, p => Assert.Equal(FakeGitHubOrganization.RateLimitReset, p.Headers.GetInt64("X-RateLimit-Reset")));
        Assert.Equal(["repo-01", "repo-31", "repo-61"], pages.Select(p => p.Items[0].Name));
    }

    [Fact]
    public async Task Paging_resumes_from_a_pages_continuation_token()
    {
        await using var github = await FakeGitHubOrganization.StartAsync(Org, OrgId, FakeGitHubOrganization.Names(70));
        using var http = new HttpClient();
        var client = Client(http, github);
        string? token = null;
        await foreach (var page in client.ReposListForOrgAllAsync(Org).AsPages())
        {
            token = page.ContinuationToken;
            break;
        }

        var names = new List<string>();
        await foreach (var page in client.ReposListForOrgAllAsync(Org).AsPages(token))
        {
            names.AddRange(page.Items.Select(r => r.Name));
        }

        Assert.Equal(github.RepositoryNames.Skip(30), names);
        Assert.Equal(
            ["/api/v3/orgs/octo-org/repos", "/api/v3/organizations/9919/repos?page=2", "/api/v3/organizations/9919/repos?page=3"],
            Targets(github.Requests));
    }

    [Fact]
    public async Task A_limit_stops_the_paging_before_the_last_page()
    {
        await using var github = await FakeGitHubOrganization.StartAsync(Org, OrgId, FakeGitHubOrganization.Names(70));
        using var http = new HttpClient();
        var client = Client(http, github);

        var first35 = new List<string>();
        await foreach (var repository in client.ReposListForOrgAllAsync(Org).WithLimits(maxItems: 35))
        {
            first35.Add(repository.Name);
        }

        Assert.Equal(github.RepositoryNames.Take(35), first35);
        Assert.Equal(2, github.Requests.Count);

        var onePage = new List<string>();
        await foreach (var repository in client.ReposListForOrgAllAsync(Org).WithLimits(maxPages: 1))
        {
            onePage.Add(repository.Name);
        }

        Assert.Equal(github.RepositoryNames.Take(30), onePage);
        Assert.Equal(3, github.Requests.Count);
    }

    [Fact]
    public async Task Nothing_is_sent_before_the_enumeration_starts()
    {
        await using var github = await FakeGitHubOrganization.StartAsync(Org, OrgId, FakeGitHubOrganization.Names(70));
        using var http = new HttpClient();

        var all = Client(http, github).ReposListForOrgAllAsync(Org);
        Assert.Empty(github.Requests);

        await using var enumerator = all.GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("repo-01", enumerator.Current.Name);
        Assert.Single(github.Requests);
    }

    private static OctokitSdk.GitHubClient OctokitClient(FakeGitHubOrganization github) =>
        new(new OctokitSdk.ProductHeaderValue("contracts-vendor-tests"), github.ServerAddress);

    private static GitHubClient Client(HttpClient http, FakeGitHubOrganization github) =>
        new(http, new GitHubClientOptions { BaseAddress = github.ApiAddress });

    private static List<string> Targets(IEnumerable<RecordedRequest> requests) => requests.Select(r => r.Path + r.QueryString).ToList();
}
