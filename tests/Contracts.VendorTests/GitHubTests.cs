using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.VendorTests.GitHub;
using Xunit;

namespace Contracts.VendorTests;

/// <summary>The client generated from GitHub's REST description (spec/vendors), called over HTTP on 127.0.0.1.</summary>
public sealed class GitHubTests
{
    [Fact]
    public async Task Get_repository_reads_the_documented_full_repository_example()
    {
        var example = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", "github-full-repository.json"));
        await using var server = await LoopbackServer.StartAsync(200, example);
        using var http = new HttpClient();
        var client = new GitHubClient(http, new GitHubClientOptions { BaseAddress = server.BaseAddress });

        var repository = await client.ReposGetAsync("octocat", "Hello-World");

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/repos/octocat/Hello-World", request.Path);
        Assert.Equal(1296269, repository.Id);
        Assert.Equal("octocat/Hello-World", repository.FullName);
        Assert.Equal("octocat", repository.Owner!.Login);
        Assert.Equal(new DateTimeOffset(2011, 1, 26, 19, 1, 12, TimeSpan.Zero), repository.CreatedAt);
        Assert.Equal("master", repository.DefaultBranch);
    }

    [Fact]
    public async Task Path_values_cannot_leave_their_segment()
    {
        await using var server = await LoopbackServer.StartAsync(200, System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", "github-full-repository.json")));
        using var http = new HttpClient();
        var client = new GitHubClient(http, new GitHubClientOptions { BaseAddress = server.BaseAddress });

        await client.ReposGetAsync("../admin", "a/b?c#d");

        // Kestrel decodes every escape but %2F: the two values stay two segments, and nothing reached the query.
        var request = Assert.Single(server.Requests);
        Assert.Equal("/repos/..%2Fadmin/a%2Fb?c#d", request.Path);
        Assert.Equal(string.Empty, request.QueryString);
    }
}
