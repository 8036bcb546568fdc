using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Streams;
using Contracts.Runtime;
using Contracts.Runtime.Streaming;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.IntegrationTests.StreamingClient;

/// <summary>
/// The client generated from tests/Contracts.Generator.Tests/Specs/streams.yaml against Kestrel on 127.0.0.1: an
/// OpenAI-like chat stream beside its JSON answer, a stream-only operation, a union whose event names choose the case,
/// JSON Lines and JSON text sequences, each read item by item through the generated methods.
/// </summary>
public sealed class StreamingClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static ChatRequest Question() => new() { Model = "m-1", Messages = [new Message { Role = "user", Content = "Hello?" }] };

    [Fact]
    public async Task The_chat_stream_yields_typed_chunks_and_its_request_asks_for_the_stream()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StartAsync(context, "text/event-stream");
            await SendAsync(context, "data: {\"id\":\"c1\",\"delta\":\"Hel\"}\n\n");
            await SendAsync(context, ": keep-alive\n\ndata: {\"id\":\"c1\",\"delta\":\"lo\"}\n\n");
            await SendAsync(context, "data: {\"id\":\"c1\",\"finish_reason\":\"stop\"}\n\ndata: [DONE]\n\n");
        });
        using var http = new HttpClient();
        var client = new StreamsClient(http, new StreamsClientOptions { BaseAddress = server.BaseAddress });
        var request = Question();

        var chunks = new List<ChatChunk>();
        await foreach (var chunk in client.CreateChatCompletionStreamingAsync(request))
        {
            chunks.Add(chunk);
        }

        Assert.Equal("Hello", string.Concat(chunks.Select(c => c.Delta)));
        Assert.Equal([null, null, "stop"], chunks.Select(c => c.FinishReason));
        var sent = Assert.Single(server.Requests);
        Assert.Equal("text/event-stream", sent.Headers["Accept"]);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
        Assert.Equal("m-1", body.RootElement.GetProperty("model").GetString());

        // The caller's request is left as it was: the streaming method sent a copy.
        Assert.Null(request.Stream);
    }

    [Fact]
    public async Task The_json_method_of_the_same_operation_sends_the_body_as_given_and_reads_json()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"id": "c1", "text": "Hello"}""");
        using var http = new HttpClient();
        var client = new StreamsClient(http, new StreamsClientOptions { BaseAddress = server.BaseAddress });

        var completion = await client.CreateChatCompletionAsync(Question());

        Assert.Equal("Hello", completion.Text);
        var sent = Assert.Single(server.Requests);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.False(body.RootElement.TryGetProperty("stream", out _));
        Assert.False(sent.Headers.TryGetValue("Accept", out var accept) && accept.Contains("event-stream", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_json_method_answered_with_an_event_stream_names_the_streaming_method_without_waiting_for_the_end()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var registration = context.RequestAborted.Register(() => closed.TrySetResult());
            await StartAsync(context, "text/event-stream");
            await SendAsync(context, "data: {\"id\":\"c1\",\"delta\":\"Hel\"}\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = new HttpClient();
        var client = new StreamsClient(http, new StreamsClientOptions { BaseAddress = server.BaseAddress });
        var request = Question() with { Stream = true };

        var error = await Assert.ThrowsAsync<ApiException>(() => client.CreateChatCompletionAsync(request).WaitAsync(Patience));

        Assert.Equal(
            "createChatCompletion failed with HTTP 200: the service answered with an event stream (text/event-stream), which this method does not read; call CreateChatCompletionStreamingAsync to read it event by event",
            error.Message);
        Assert.Null(error.ResponseExcerpt);
        await closed.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_json_method_of_an_operation_without_a_stream_answered_with_one_fails_at_once_too()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StartAsync(context, "text/event-stream");
            await SendAsync(context, "data: {\"name\":\"contracts\"}\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = new HttpClient();
        var client = new Repos.ReposClient(http, new Repos.ReposClientOptions { BaseAddress = server.BaseAddress });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ListReposAsync().WaitAsync(Patience));

        Assert.Equal("the service answered with an event stream (text/event-stream), which this method does not read; the operation does not declare it", error.Reason);
    }

    [Fact]
    public async Task A_stream_only_operation_streams_from_its_own_method_with_each_event_s_metadata()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StartAsync(context, "text/event-stream");
            await SendAsync(context, "id: 1\nretry: 2500\ndata: {\"at\": 1000}\n\n");
            await SendAsync(context, "id: 2\ndata: {\"at\":\ndata: 2000}\n\n");
        });
        using var http = new HttpClient();
        var client = new StreamsClient(http, new StreamsClientOptions { BaseAddress = server.BaseAddress });

        var ticks = client.StreamTicksAsync(every: 5);
        var events = new List<StreamEvent<Tick>>();
        await foreach (var tick in ticks.WithEventInfo())
        {
            events.Add(tick);
        }

        Assert.Equal([1000L, 2000L], events.Select(e => e.Value.At));
        Assert.Equal(["1", "2"], events.Select(e => e.EventId));
        Assert.Equal([0L, 1L], events.Select(e => e.Index));
        Assert.Equal(TimeSpan.FromMilliseconds(2500), events[0].ReconnectionInterval);
        Assert.Equal("2", ticks.LastEventId);
        Assert.Equal(HttpStatusCode.OK, ticks.StatusCode);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("?every=5", sent.QueryString);
        Assert.Equal("text/event-stream", sent.Headers["Accept"]);
    }

    [Fact]
    public async Task The_event_name_chooses_the_case_of_the_union()
    {
        // UserJoined and UserLeft have the same members: only the event's name tells them apart.
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StartAsync(context, "text/event-stream");
            await SendAsync(context, "event: user.left\ndata: {\"user\":\"ann\"}\n\n");
            await SendAsync(context, "event: user.joined\ndata: {\"user\":\"bob\"}\n\n");
            await SendAsync(context, "event: message.posted\ndata: {\"text\":\"hi\"}\n\n");
        });
        using var http = new HttpClient();
        var client = new StreamsClient(http, new StreamsClientOptions { BaseAddress = server.BaseAddress });

        var activity = new List<ActivityEvent>();
        await foreach (var item in client.StreamActivityAsync())
        {
            activity.Add(item);
        }

        Assert.Collection(
            activity,
            item => Assert.Equal("ann", Assert.IsType<ActivityEvent.UserLeft>(item).Value.User),
            item => Assert.Equal("bob", Assert.IsType<ActivityEvent.UserJoined>(item).Value.User),
            item => Assert.Equal("hi", Assert.IsType<ActivityEvent.MessagePosted>(item).Value.Text));
    }

    [Fact]
    public async Task Json_lines_and_json_text_sequences_yield_one_item_each()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/logs")
            {
                await StartAsync(context, "application/x-ndjson");
                await SendAsync(context, "{\"level\":\"info\",\"message\":\"one\"}\r\n{\"level\":\"warn\",");
                await SendAsync(context, "\"message\":\"two\"}\n\n");
                return;
            }

            await StartAsync(context, "application/json-seq");
            await SendAsync(context, "\u001e{\"name\":\"cpu\",\"value\":0.5}\n\u001e{\"name\":\"mem\",");
            await SendAsync(context, "\"value\":12.25}\n");
        });
        using var http = new HttpClient();
        var client = new StreamsClient(http, new StreamsClientOptions { BaseAddress = server.BaseAddress });

        var logs = new List<LogEntry>();
        await foreach (var entry in client.ExportLogsAsync())
        {
            logs.Add(entry);
        }

        var metrics = new List<Metric>();
        await foreach (var metric in client.ExportMetricsAsync())
        {
            metrics.Add(metric);
        }

        Assert.Equal(["info: one", "warn: two"], logs.Select(l => l.Level + ": " + l.Message));
        Assert.Equal(["cpu=0.5", "mem=12.25"], metrics.Select(m => m.Name + "=" + m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["application/x-ndjson", "application/json-seq"], server.Requests.Select(r => r.Headers["Accept"]));
    }

    [Fact]
    public async Task An_error_status_throws_the_declared_error_before_any_item()
    {
        await using var server = await LoopbackServer.StartAsync(400, """{"message": "every must be positive"}""");
        using var http = new HttpClient();
        var client = new StreamsClient(http, new StreamsClientOptions { BaseAddress = server.BaseAddress });

        var items = 0;
        var error = await Assert.ThrowsAsync<ApiException<Error>>(async () =>
        {
            await foreach (var tick in client.StreamTicksAsync(every: -1))
            {
                items++;
            }
        });

        Assert.Equal(0, items);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("every must be positive", error.Error.Message);
    }

    [Fact]
    public async Task Nothing_is_sent_until_enumerated_and_each_enumeration_sends_again()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StartAsync(context, "text/event-stream");
            await SendAsync(context, "data: {\"at\": 1}\n\n");
        });
        using var http = new HttpClient();
        var client = new StreamsClient(http, new StreamsClientOptions { BaseAddress = server.BaseAddress });

        var ticks = client.StreamTicksAsync();
        Assert.Empty(server.Requests);
        var first = await ticks.ToListAsync();
        var second = await ticks.ToListAsync();

        Assert.Equal([1L], first.Select(t => t.At));
        Assert.Equal([1L], second.Select(t => t.At));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Leaving_the_loop_closes_the_connection_while_the_server_still_streams()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var registration = context.RequestAborted.Register(() => closed.TrySetResult());
            await StartAsync(context, "text/event-stream");
            await SendAsync(context, "data: {\"at\": 1}\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = new HttpClient();
        var client = new StreamsClient(http, new StreamsClientOptions { BaseAddress = server.BaseAddress });

        // The first tick arrives while the server holds the response open; leaving the loop closes the connection.
        await foreach (var tick in client.StreamTicksAsync())
        {
            Assert.Equal(1L, tick.At);
            break;
        }

        await closed.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task Cancelling_the_method_s_token_ends_the_stream_and_closes_the_connection()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var registration = context.RequestAborted.Register(() => closed.TrySetResult());
            await StartAsync(context, "application/x-ndjson");
            await SendAsync(context, "{\"level\":\"info\",\"message\":\"one\"}\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = new HttpClient();
        var client = new StreamsClient(http, new StreamsClientOptions { BaseAddress = server.BaseAddress });
        using var cancellation = new CancellationTokenSource();

        var read = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var entry in client.ExportLogsAsync(cancellationToken: cancellation.Token))
            {
                read.Add(entry.Message);
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(["one"], read);
        await closed.Task.WaitAsync(Patience);
    }

    private static async Task StartAsync(HttpContext context, string mediaType)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = mediaType;
        await context.Response.StartAsync(context.RequestAborted);
    }

    private static async Task SendAsync(HttpContext context, string text)
    {
        await context.Response.WriteAsync(text, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}

/// <summary>Collects a stream's items.</summary>
internal static class StreamingResponseExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
