using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.Runtime;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// The client's methods hand the call to the runtime and return its task: they are not <c>async</c> (no state machine
/// for the compiler to build), yet they behave as the async methods did: what building the request throws reaches the
/// caller through the task, nothing is sent then, and the sent request is disposed when the call ends.
/// </summary>
public sealed class LeanClientMethodTests
{
    private const string Client = "Contracts.Tests.Files.FilesClient";

    [Fact]
    public void Methods_and_their_twins_are_not_compiled_as_state_machines()
    {
        using var output = LoadFiles();
        var methods = output.Type(Client).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name is "GetFileAsync" or "GetFileWithResponseAsync" or "PutNoteAsync" or "PutNoteWithResponseAsync" or "UploadAsync" or "GetStylesAsync")
            .ToList();

        Assert.Equal(6, methods.Count);
        Assert.All(methods, m => Assert.Null(m.GetCustomAttribute<AsyncStateMachineAttribute>()));
    }

    [Fact]
    public async Task A_null_argument_fails_the_returned_task_not_the_call_and_nothing_is_sent()
    {
        using var output = LoadFiles();
        var sent = new List<HttpRequestMessage>();
        var client = output.Create(Client, [new HttpClient(new Respond(sent, _ => Json("{}"))), null]);
        var method = client.GetType().GetMethod("GetFileAsync")!;

        var task = (Task)method.Invoke(client, [null, null, null, null, CancellationToken.None, null])!;

        Assert.True(task.IsFaulted);
        Assert.Equal("name", (await Assert.ThrowsAsync<ArgumentNullException>(() => task)).ParamName);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task A_value_refused_after_the_request_was_created_fails_the_task_and_nothing_is_sent()
    {
        using var output = LoadFiles();
        var sent = new List<HttpRequestMessage>();
        var client = output.Create(Client, [new HttpClient(new Respond(sent, _ => Json("{}"))), null]);
        var method = client.GetType().GetMethod("GetFileAsync")!;

        var task = (Task)method.Invoke(client, ["f", new List<string> { "a\r\nX-Injected: 1" }, null, null, CancellationToken.None, null])!;

        await Assert.ThrowsAsync<ArgumentException>(() => task);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task The_sent_request_is_disposed_when_the_call_ends_and_the_twin_still_reports_the_response()
    {
        using var output = LoadFiles();
        var sent = new List<HttpRequestMessage>();
        var client = output.Create(Client, [new HttpClient(new Respond(sent, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("stored", Encoding.UTF8, "text/plain") })), null]);

        var response = (ApiResponse<string>)(await LoadedOutput.InvokeAsync(client, "PutNoteWithResponseAsync", 7, "hi", CancellationToken.None))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("stored", response.Value);
        var request = Assert.Single(sent);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => request.Content!.ReadAsStringAsync());
    }

    private static LoadedOutput LoadFiles() =>
        LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/operations.yaml", "Contracts.Tests.Files", "FilesClient")));

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class Respond(List<HttpRequestMessage> sent, Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add(request);
            return Task.FromResult(respond(request));
        }
    }
}
