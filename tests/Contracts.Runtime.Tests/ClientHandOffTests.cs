using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>
/// What lets a generated client method be a plain method that returns the runtime's task: the senders own (and dispose)
/// the request they are handed, a request that could not be built fails the returned task as an async method would,
/// and the <c>…WithResponseAsync</c> twin wraps the method's task.
/// </summary>
public sealed class ClientHandOffTests
{
    [Fact]
    public async Task The_sender_disposes_the_request_it_was_handed_once_the_call_ends()
    {
        var request = Request("{}");
        using var client = new HttpClient(new Respond(_ => Ok("{}")));

        await ContractsHttp.SendAsync(client, request, "PutNote", errors: null, clientDefaults: null, requestOptions: null, CancellationToken.None);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => request.Content!.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_sender_disposes_the_request_when_the_call_fails()
    {
        var request = Request("{}");
        using var client = new HttpClient(new Respond(_ => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("no") }));

        await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendTextAsync(client, request, "GetNote", errors: null, clientDefaults: null, requestOptions: null, CancellationToken.None));

        await Assert.ThrowsAsync<ObjectDisposedException>(() => request.Content!.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_that_could_not_be_built_fails_the_task_with_its_exception_and_is_disposed()
    {
        var request = Request("{}");
        var thrown = new ArgumentException("bad header");

        var task = ContractsHttp.Fail<string>(request, thrown);

        Assert.True(task.IsFaulted);
        Assert.Same(thrown, await Assert.ThrowsAsync<ArgumentException>(() => task));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => request.Content!.ReadAsStringAsync());
        Assert.True(ContractsHttp.Fail(request: null, thrown).IsFaulted);
    }

    [Fact]
    public async Task A_cancellation_while_building_cancels_the_task_as_an_async_method_would()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        var task = ContractsHttp.Fail(request: null, new OperationCanceledException(source.Token));

        Assert.True(task.IsCanceled);
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(source.Token, exception.CancellationToken);
    }

    [Fact]
    public async Task The_twin_returns_the_captured_response_with_the_result_and_passes_a_failure_through()
    {
        var capture = new ResponseCapture();
        var options = RequestOptions.Capturing(null, capture);
        using var client = new HttpClient(new Respond(_ => Ok("\"hi\"")));
        var call = ContractsHttp.SendTextAsync(client, new HttpRequestMessage(HttpMethod.Get, "https://notes.example.com/n"), "GetNote", null, null, options, CancellationToken.None);

        var response = await capture.ToResponseAsync(call);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"hi\"", response.Value);
        var failed = new ResponseCapture().ToResponseAsync(ContractsHttp.Fail(null, new InvalidOperationException("no")));
        Assert.Equal("no", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed)).Message);
    }

    private static HttpRequestMessage Request(string json) =>
        new(HttpMethod.Put, "https://notes.example.com/n") { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Ok(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };

    private sealed class Respond(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = respond(request);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
