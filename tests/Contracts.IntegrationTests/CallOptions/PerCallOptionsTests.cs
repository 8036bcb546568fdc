using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.IntegrationTests.CallOptions;

/// <summary>
/// <see cref="RequestOptions"/> per call, over real HTTP on 127.0.0.1: extra headers and the idempotency key arrive,
/// refused values never leave the process, and a per-call timeout ends a call the server holds (the server waits on
/// a signal that only the test's end gives, so the timeout is the only way out).
/// </summary>
public sealed class PerCallOptionsTests
{
    [Fact]
    public async Task Extra_headers_and_the_idempotency_key_arrive_and_the_calls_values_win()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.Respond(context, 200, "{\"Id\":\"a\",\"Count\":1}"));
        using var http = new HttpClient();
        var request = ContractsHttp.CreateRequest(HttpMethod.Post, server.BaseAddress, "/charges");
        ContractsHttp.AddHeader(request, "X-Trace", "from-parameter");
        request.Content = ContractsHttp.CreateTextContent("amount=5", "text/plain");
        var client = new RequestOptions { Headers = { ["X-Tenant"] = "client-tenant", ["X-Trace"] = "client-trace" } };
        var call = new RequestOptions
        {
            Headers = { ["X-Trace"] = "call-trace", ["Content-Language"] = "fr" },
            IdempotencyKey = "5f0c7c2e-0d1a-4c44-9d55-6a1c1f3e2b10",
        };

        var item = await ContractsHttp.SendAsync(http, request, "CreateCharge", CallOptionsJson.Default.Item, errors: null, allowEmpty: false, client, call, CancellationToken.None);

        var received = Assert.Single(server.Requests);
        Assert.Equal("a", item!.Id);
        Assert.Equal("call-trace", received.Headers["X-Trace"]);
        Assert.Equal("client-tenant", received.Headers["X-Tenant"]);
        Assert.Equal("5f0c7c2e-0d1a-4c44-9d55-6a1c1f3e2b10", received.Headers["Idempotency-Key"]);
        Assert.Equal("fr", received.Headers["Content-Language"]);
        Assert.Equal("amount=5", received.BodyText);
    }

    [Theory]
    [InlineData("X-Note", "a\r\nX-Injected: yes")]
    [InlineData("Host", "other.example")]
    [InlineData("Transfer-Encoding", "chunked")]
    public async Task A_refused_header_is_refused_before_anything_is_sent(string name, string value)
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.Respond(context, 204, string.Empty));
        using var http = new HttpClient();
        var options = new RequestOptions { Headers = { [name] = value } };

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => ContractsHttp.SendAsync(http, ContractsHttp.CreateRequest(HttpMethod.Get, server.BaseAddress, "/items"), "GetItems", errors: null, clientDefaults: null, options, CancellationToken.None));

        Assert.Contains("'" + name + "'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);

        // The same client and server work for a call without the refused header: the refusal was the only reason.
        await ContractsHttp.SendAsync(http, ContractsHttp.CreateRequest(HttpMethod.Get, server.BaseAddress, "/items"), "GetItems", errors: null, clientDefaults: null, requestOptions: null, CancellationToken.None);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_per_call_timeout_ends_a_call_whose_headers_never_come()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await release.Task;
            await LoopbackServer.Respond(context, 200, "{}");
        });
        using var http = new HttpClient();
        try
        {
            var exception = await Assert.ThrowsAsync<TaskCanceledException>(
                () => ContractsHttp.SendAsync(
                    http,
                    ContractsHttp.CreateRequest(HttpMethod.Get, server.BaseAddress, "/slow"),
                    "GetSlow",
                    CallOptionsJson.Default.Item,
                    errors: null,
                    allowEmpty: false,
                    clientDefaults: new RequestOptions { Timeout = TimeSpan.FromMinutes(10) },
                    new RequestOptions { Timeout = TimeSpan.FromMilliseconds(200) },
                    CancellationToken.None).WaitAsync(RawConnection.Patience));

            Assert.Equal("The request was canceled due to the timeout of 0.2 seconds set by RequestOptions.Timeout for this call elapsing.", exception.Message);
            Assert.IsType<TimeoutException>(exception.InnerException);
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task A_per_call_timeout_covers_the_body_and_the_clients_timeout_is_named_as_the_clients()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            // The headers and the start of the body, then nothing until the test ends.
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"Id\":");
            await context.Response.Body.FlushAsync();
            await release.Task;
        });
        using var http = new HttpClient();
        try
        {
            var exception = await Assert.ThrowsAsync<TaskCanceledException>(
                () => ContractsHttp.SendAsync(
                    http,
                    ContractsHttp.CreateRequest(HttpMethod.Get, server.BaseAddress, "/stalls"),
                    "GetStalling",
                    CallOptionsJson.Default.Item,
                    errors: null,
                    allowEmpty: false,
                    clientDefaults: new RequestOptions { Timeout = TimeSpan.FromMilliseconds(300) },
                    requestOptions: new RequestOptions(),
                    CancellationToken.None).WaitAsync(RawConnection.Patience));

            Assert.Equal("The request was canceled due to the timeout of 0.3 seconds set by Timeout in the client's options elapsing.", exception.Message);
            Assert.IsType<TimeoutException>(exception.InnerException);
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task The_callers_cancellation_stays_the_callers()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            arrived.SetResult();
            await release.Task;
        });
        using var http = new HttpClient();
        using var cancel = new CancellationTokenSource();
        try
        {
            var call = ContractsHttp.SendAsync(
                http,
                ContractsHttp.CreateRequest(HttpMethod.Get, server.BaseAddress, "/slow"),
                "GetSlow",
                errors: null,
                clientDefaults: null,
                new RequestOptions { Timeout = TimeSpan.FromMinutes(10) },
                cancel.Token);
            await arrived.Task.WaitAsync(RawConnection.Patience);
            cancel.Cancel();

            var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(RawConnection.Patience));

            Assert.IsNotType<TimeoutException>(exception.InnerException);
            Assert.DoesNotContain("RequestOptions.Timeout", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            release.SetResult();
        }
    }
}
