using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Hostile;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.Runtime;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>
/// Servers that misbehave at the connection level, on 127.0.0.1: huge bodies (capped by
/// <see cref="HttpClient.MaxResponseContentBufferSize"/>), bodies cut short or reset, bodies that stall past the timeout
/// or the caller's cancellation. The server side checks that the client let go of the socket.
/// </summary>
public sealed class HostileConnectionTests
{
    private const string JsonHead = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    private const long Endless = 64L << 20;
    private static readonly TimeSpan Patience = RawConnection.Patience;

    [Fact]
    public async Task A_declared_length_over_the_cap_fails_before_reading_and_closes_the_connection()
    {
        var closed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawHttpServer.Start(async connection =>
        {
            await connection.WriteAsync(JsonHead + "Content-Length: 10000000\r\n\r\n{\"id\": ");
            closed.SetResult(await connection.ClientClosedAsync());
        });
        using var http = new HttpClient { MaxResponseContentBufferSize = 4096 };

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(http, server.BaseAddress).GetItemAsync("a").WaitAsync(Patience));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("GetItem", exception.OperationName);
        Assert.Contains("10000000 bytes (its Content-Length)", exception.Reason, StringComparison.Ordinal);
        Assert.Contains("limit of 4096 bytes set by HttpClient.MaxResponseContentBufferSize", exception.Reason, StringComparison.Ordinal);
        Assert.True(await closed.Task.WaitAsync(Patience), "the client kept the connection open");
    }

    [Fact]
    public async Task An_endless_body_stops_at_the_cap_and_the_server_sees_the_connection_go()
    {
        var chunk = Encoding.ASCII.GetBytes("4000\r\n[" + new string('7', 0x4000 - 1) + "\r\n");
        var stopped = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawHttpServer.Start(async connection =>
        {
            // Chunked, without a Content-Length: only the cap can stop the client before the server's 64 MB.
            await connection.WriteAsync(JsonHead + "Transfer-Encoding: chunked\r\n\r\n");
            long written = 0;
            try
            {
                while (written < Endless)
                {
                    await connection.WriteAsync(chunk);
                    written += chunk.Length;
                }
            }
            catch (System.Net.Sockets.SocketException)
            {
                // The client went away: what the test waits for.
            }

            stopped.SetResult(written);
            connection.CloseGracefully();
        });
        using var http = new HttpClient { MaxResponseContentBufferSize = 100_000 };

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(http, server.BaseAddress).GetItemAsync("a").WaitAsync(Patience));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("the response body exceeds the limit of 100000 bytes set by HttpClient.MaxResponseContentBufferSize", exception.Reason);
        Assert.StartsWith("[777", exception.ResponseExcerpt, StringComparison.Ordinal);
        var written = await stopped.Task.WaitAsync(Patience);
        Assert.True(written < Endless, "the server wrote " + written + " bytes");
    }

    [Fact]
    public async Task Text_and_error_bodies_are_capped_too_but_a_binary_stream_is_the_caller_s_to_read()
    {
        var big = new string('n', 50_000);
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path.Value switch
        {
            "/notes/a" => LoopbackServer.Respond(context, 200, big, "text/plain"),
            "/items/a" => LoopbackServer.Respond(context, 502, "<html>" + big + "</html>", "text/html"),
            _ => LoopbackServer.Respond(context, 200, big, "application/octet-stream"),
        });
        using var http = new HttpClient { MaxResponseContentBufferSize = 1000 };
        var client = HostileResponseTests.Client(http, server);

        var text = await Assert.ThrowsAsync<ApiException>(() => client.GetNoteAsync("a"));
        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetItemAsync("a").WaitAsync(Patience));
        await using var blob = await client.GetBlobAsync("a");
        var bytes = await new StreamReader(blob).ReadToEndAsync();

        Assert.Contains("limit of 1000 bytes", text.Reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Contains("limit of 1000 bytes", error.Reason, StringComparison.Ordinal);
        Assert.Equal(big, bytes);
    }

    [Fact]
    public async Task A_body_within_the_cap_is_read()
    {
        var id = new string('i', 3000);
        await using var server = await LoopbackServer.StartAsync(200, "{\"id\": \"" + id + "\", \"count\": 1}");
        using var http = new HttpClient { MaxResponseContentBufferSize = 4096 };

        Assert.Equal(id, (await HostileResponseTests.Client(http, server).GetItemAsync("a")).Id);
    }

    [Fact]
    public async Task A_body_cut_short_names_the_broken_connection_and_keeps_what_arrived()
    {
        await using var server = RawHttpServer.Start(async connection =>
        {
            await connection.WriteAsync(JsonHead + "Content-Length: 1000\r\n\r\n{\"id\": \"abc\", \"co");
            connection.CloseGracefully();
        });
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(http, server.BaseAddress).GetItemAsync("a").WaitAsync(Patience));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("GetItem", exception.OperationName);
        Assert.StartsWith("the connection closed before the response body was complete", exception.Reason, StringComparison.Ordinal);
        Assert.Equal("{\"id\": \"abc\", \"co", exception.ResponseExcerpt);
        Assert.IsAssignableFrom<IOException>(exception.InnerException);
    }

    [Fact]
    public async Task A_connection_reset_mid_body_names_the_broken_connection()
    {
        using var handler = new HeadersArrivedHandler();
        await using var server = RawHttpServer.Start(async connection =>
        {
            await connection.WriteAsync("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n<html>\r\n");
            await handler.HeadersArrived.WaitAsync(Patience);
            connection.Reset();
        });
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(http, server.BaseAddress).GetItemAsync("a").WaitAsync(Patience));

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.StartsWith("the connection closed before the response body was complete", exception.Reason, StringComparison.Ordinal);
        Assert.NotNull(exception.InnerException);
        Assert.Equal("<html>", exception.ResponseExcerpt);
    }

    [Fact]
    public async Task A_body_that_stalls_past_HttpClient_Timeout_times_out_and_releases_the_socket()
    {
        var closed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawHttpServer.Start(async connection =>
        {
            await connection.WriteAsync(JsonHead + "Content-Length: 100\r\n\r\n{\"id\": ");
            closed.SetResult(await connection.ClientClosedAsync());
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };

        // WaitAsync only turns a hang (a timeout not applied to the body) into a failure.
        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => Client(http, server.BaseAddress).GetItemAsync("a").WaitAsync(Patience));

        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.True(await closed.Task.WaitAsync(Patience), "the client kept the connection open");
    }

    [Fact]
    public async Task Headers_that_never_come_time_out_as_HttpClient_does_and_release_the_socket()
    {
        var closed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawHttpServer.Start(async connection => closed.SetResult(await connection.ClientClosedAsync()));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => Client(http, server.BaseAddress).GetItemAsync("a").WaitAsync(Patience));

        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.True(await closed.Task.WaitAsync(Patience), "the client kept the connection open");
    }

    [Fact]
    public async Task Cancelling_while_the_body_is_read_is_honoured_and_releases_the_socket()
    {
        using var handler = new HeadersArrivedHandler();
        using var cancellation = new CancellationTokenSource();
        var closed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawHttpServer.Start(async connection =>
        {
            await connection.WriteAsync(JsonHead + "Content-Length: 100\r\n\r\n{\"id\": ");
            await handler.HeadersArrived.WaitAsync(Patience);
            await cancellation.CancelAsync();
            closed.SetResult(await connection.ClientClosedAsync());
        });
        using var http = new HttpClient(handler);

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Client(http, server.BaseAddress).GetItemAsync("a", cancellationToken: cancellation.Token).WaitAsync(Patience));

        Assert.IsNotType<TimeoutException>(exception.InnerException);
        Assert.True(await closed.Task.WaitAsync(Patience), "the client kept the connection open");
    }

    private static HostileClient Client(HttpClient http, Uri baseAddress) =>
        new(http, new HostileClientOptions { BaseAddress = baseAddress });
}
