using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.Runtime.Tests.Streaming;

/// <summary>What <see cref="RequestOptions"/> does to a stream: the idle timeout and where it comes from, per-call headers, the call's timeout.</summary>
public sealed class StreamOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void An_idle_timeout_that_is_not_positive_is_refused(int milliseconds)
    {
        var options = new RequestOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.StreamIdleTimeout = TimeSpan.FromMilliseconds(milliseconds));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.StreamIdleTimeout = TimeSpan.FromDays(30));
        options.StreamIdleTimeout = Timeout.InfiniteTimeSpan;
        options.StreamIdleTimeout = TimeSpan.FromSeconds(1);
        Assert.Equal(TimeSpan.FromSeconds(1), options.StreamIdleTimeout);
        options.StreamIdleTimeout = null;
        Assert.Null(options.StreamIdleTimeout);
    }

    [Fact]
    public void A_capturing_copy_keeps_the_idle_timeout()
    {
        var original = new RequestOptions { StreamIdleTimeout = TimeSpan.FromSeconds(7) };

        var copy = RequestOptions.Capturing(original, new ResponseCapture());

        Assert.Equal(TimeSpan.FromSeconds(7), copy.StreamIdleTimeout);
    }

    [Theory]
    [InlineData("call", "RequestOptions.Timeout for this call")]
    [InlineData("client", "Timeout in the client's options")]
    [InlineData("client idle", "StreamIdleTimeout in the client's options")]
    public async Task Without_an_idle_timeout_for_the_call_the_next_setting_applies_and_is_named(string setting, string named)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"then nothing\"}\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = new HttpClient();
        var silence = TimeSpan.FromSeconds(1);
        var client = setting switch
        {
            "client" => new RequestOptions { Timeout = silence },
            "client idle" => new RequestOptions { StreamIdleTimeout = silence, Timeout = Timeout.InfiniteTimeSpan },
            _ => null,
        };
        var call = setting == "call" ? new RequestOptions { Timeout = silence } : null;

        var items = new List<string>();
        var exception = await Assert.ThrowsAsync<TaskCanceledException>(async () =>
        {
            await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, clientDefaults: client, requestOptions: call))
            {
                items.Add(chunk.Text);
            }
        });

        // The call's own timeout ended with the headers: the first event came, then the silence timed out.
        Assert.Equal(["then nothing"], items);
        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.Contains("the idle timeout set by " + named, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calls_timeout_covers_the_wait_for_the_headers()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            // No headers until the test has seen the timeout.
            await release.Task.WaitAsync(RawConnection.Patience);
        });
        using var http = new HttpClient();
        var options = new RequestOptions { Timeout = TimeSpan.FromMilliseconds(200), StreamIdleTimeout = Timeout.InfiniteTimeSpan };

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(async () =>
        {
            await foreach (var unused in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, requestOptions: options))
            {
            }
        });
        release.SetResult();

        Assert.Contains("set by RequestOptions.Timeout for this call", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_call_headers_go_on_the_stream_request()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"x\"}\n\n");
        });
        using var http = new HttpClient();
        var options = new RequestOptions { Headers = { ["X-Trace"] = "t-1" }, IdempotencyKey = "k-1" };

        await foreach (var unused in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, requestOptions: options))
        {
        }

        var request = server.Requests.Single();
        Assert.Equal("t-1", request.Headers["X-Trace"]);
        Assert.Equal("k-1", request.Headers["Idempotency-Key"]);
    }
}
