using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.IntegrationTests.Requests;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>
/// A required path value that is empty (or styled into a dot segment) is refused before sending, naming the
/// parameter, in every style and shape: the server on 127.0.0.1 sees no request. Otherwise <c>""</c> sends
/// <c>/things/</c> (another route) and label style turns it into <c>.</c>, which the URI resolves away.
/// </summary>
public sealed class PathValueTests
{
    private static readonly Dictionary<string, string> NoMembers = new();

    public static TheoryData<string, Func<RequestsClient, Task>> EmptyValues => new()
    {
        { "simple string", client => client.GetSimpleAsync(string.Empty) },
        { "label string", client => client.GetLabelAsync(string.Empty) },
        { "matrix string", client => client.GetMatrixAsync(string.Empty) },
        { "simple empty list", client => client.GetSimpleListAsync([]) },
        { "label empty list", client => client.GetLabelListAsync([]) },
        { "matrix empty list", client => client.GetMatrixListAsync([]) },
        { "simple list of empty strings", client => client.GetSimpleListAsync(["", ""]) },
        { "label list of empty strings", client => client.GetLabelListAsync(["", ""]) },
        { "label list of one empty string", client => client.GetLabelListAsync([""]) },
        { "matrix list of empty strings", client => client.GetMatrixListAsync([""]) },
        { "simple empty object", client => client.GetSimpleObjectAsync(NoMembers) },
        { "label empty object", client => client.GetLabelObjectAsync(NoMembers) },
        { "matrix empty object", client => client.GetMatrixObjectAsync(NoMembers) },
        { "simple credential", client => client.GetKeyAsync(string.Empty) },
    };

    [Theory]
    [MemberData(nameof(EmptyValues))]
    public async Task An_empty_required_path_value_is_refused_before_sending(string @case, Func<RequestsClient, Task> call)
    {
        await using var server = await LoopbackServer.StartAsync(204, string.Empty);
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => call(Client(http, server)));

        Assert.True(exception.ParamName is "v" or "apiKey", @case + ": " + exception.ParamName);
        Assert.Contains("'" + exception.ParamName + "'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("empty", exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_empty_union_path_value_is_refused_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync(200, "{}");
        using var http = new HttpClient();
        var client = new Unions.UnionsClient(http, new Unions.UnionsClientOptions { BaseAddress = server.BaseAddress });

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.ListWorkflowRunsAsync(string.Empty));

        Assert.Equal("workflow_id", exception.ParamName);
        Assert.Empty(server.Requests);
    }

    public static TheoryData<string, Func<RequestsClient, Task>> DotSegments => new()
    {
        { "label dot", client => client.GetLabelAsync(".") },
        { "label object with a dot key", client => client.GetLabelObjectAsync(new Dictionary<string, string> { ["."] = "a" }) },
        { "label object with a dot value", client => client.GetLabelObjectAsync(new Dictionary<string, string> { ["a"] = ".." }) },
        { "matrix object with a dot key", client => client.GetMatrixObjectAsync(new Dictionary<string, string> { [".."] = "a" }) },
        { "simple object with a dot value", client => client.GetSimpleObjectAsync(new Dictionary<string, string> { ["a"] = "." }) },
        { "simple list with a dot item", client => client.GetSimpleListAsync(["..", "a"]) },
    };

    [Theory]
    [MemberData(nameof(DotSegments))]
    public async Task A_dot_segment_in_any_style_is_refused_before_sending(string @case, Func<RequestsClient, Task> call)
    {
        await using var server = await LoopbackServer.StartAsync(204, string.Empty);
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => call(Client(http, server)));

        Assert.True(exception.ParamName == "v", @case + ": " + exception.ParamName);
        Assert.Contains("relative path segment", exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    public static TheoryData<Func<RequestsClient, Task>, string> Sent => new()
    {
        // Values that are not empty arrive as the style spells them, empty items included.
        { client => client.GetLabelAsync("a.b"), "/label/.a.b" },
        { client => client.GetMatrixAsync("x"), "/matrix/;v=x" },
        { client => client.GetLabelListAsync(["a", ""]), "/label-list/.a." },
        { client => client.GetSimpleListAsync(["", "b"]), "/simple-list/,b" },
        { client => client.GetMatrixListAsync(["", "b"]), "/matrix-list/;v=,b" },
        { client => client.GetLabelObjectAsync(new Dictionary<string, string> { ["k"] = "" }), "/label-object/.k," },
        { client => client.GetMatrixObjectAsync(new Dictionary<string, string> { ["k"] = "" }), "/matrix-object/;k=" },
        { client => client.GetSimpleObjectAsync(new Dictionary<string, string> { ["k"] = "v" }), "/simple-object/k=v" },
    };

    [Theory]
    [MemberData(nameof(Sent))]
    public async Task A_value_with_content_is_sent_as_styled(Func<RequestsClient, Task> call, string expectedTarget)
    {
        await using var server = await LoopbackServer.StartAsync(204, string.Empty);
        using var http = new HttpClient();

        await call(Client(http, server));

        Assert.Equal(expectedTarget, Assert.Single(server.Requests).RawTarget);
    }

    internal static RequestsClient Client(HttpClient http, LoopbackServer server) =>
        new(http, new RequestsClientOptions { BaseAddress = server.BaseAddress });
}
