using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.Runtime.Tests.Streaming;

/// <summary>Streams whose connection ends in the middle of an event, written byte by byte on a raw socket on 127.0.0.1.</summary>
public sealed class BrokenStreamTests
{
    [Fact]
    public async Task A_body_that_ends_in_the_middle_of_an_event_ends_the_stream_without_that_event()
    {
        // The end of a body whose length is its connection (no Content-Length, no chunks) is a clean end: the WHATWG
        // algorithm drops the incomplete event.
        await using var server = RawHttpServer.Start(async connection =>
        {
            await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
            await connection.WriteAsync("data: {\"text\":\"whole\"}\n\ndata: {\"text\":\"half\"}\n");
            connection.CloseGracefully();
        });
        using var http = new HttpClient();

        var items = new List<string>();
        await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk))
        {
            items.Add(chunk.Text);
        }

        Assert.Equal(["whole"], items);
    }

    [Fact]
    public async Task A_body_cut_short_by_a_reset_is_an_error_after_the_events_before_it()
    {
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawHttpServer.Start(async connection =>
        {
            await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
            await connection.WriteAsync("18\r\ndata: {\"text\":\"whole\"}\n\n\r\n");

            // A reset drops what the client has not read yet: the cut comes once the first event was read.
            await firstRead.Task.WaitAsync(RawConnection.Patience);
            await connection.WriteAsync("10\r\ndata: {\"text\":\"h");
            connection.Reset();
        });
        using var http = new HttpClient();

        var items = new List<string>();
        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk))
            {
                items.Add(chunk.Text);
                firstRead.TrySetResult();
            }
        });

        Assert.Equal(["whole"], items);
        Assert.Contains("the connection closed before the stream ended, after 1 item", exception.Message, StringComparison.Ordinal);
    }
}
