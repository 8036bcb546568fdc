using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Contracts.Runtime.Streaming;
using Xunit;

namespace Contracts.Runtime.Tests.Streaming;

/// <summary>Server-sent events read through <c>ContractsHttp.StreamAsync</c> from Kestrel on 127.0.0.1.</summary>
public sealed class ServerSentEventsTests
{
    [Fact]
    public async Task Each_event_is_read_as_an_item_through_the_json_context()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"Hel\"}\n\n");
            await StreamServer.SendAsync(context, "data: {\"text\":\"lo\"}\n\n");
        });
        using var http = new HttpClient();

        var items = new List<string>();
        await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk))
        {
            items.Add(chunk.Text);
        }

        Assert.Equal(["Hel", "lo"], items);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_first_event_reaches_the_caller_while_the_server_holds_the_response_open()
    {
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"first\"}\n\n");

            // The rest of the body waits until the caller has the first event: a client that buffered the body would
            // never get it, and this wait would give up.
            await firstRead.Task.WaitAsync(RawConnection.Patience);
            await StreamServer.SendAsync(context, "data: {\"text\":\"second\"}\n\n");
        });
        using var http = new HttpClient();

        await using var items = StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("first", items.Current.Text);
        firstRead.SetResult();
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("second", items.Current.Text);
        Assert.False(await items.MoveNextAsync());
    }

    [Fact]
    public async Task Comments_multi_line_data_and_the_event_id_and_retry_fields_are_read_as_the_specification_says()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(
                context,
                "\uFEFF: a comment the server sends to keep the connection alive\n\n"
                    + "event: delta\r\nid: 7\r\nretry: 1500\r\ndata: {\"text\":\r\ndata: \"two lines\"}\r\n\r\n"
                    + ": another comment\rdata:{\"text\":\"cr only\"}\r\r"
                    + "id\nevent: empty\ndata\n\n"
                    + "id: 9\ndata: {\"text\":\"last\"}\n\n");
        });
        using var http = new HttpClient();
        var stream = StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk);

        var events = new List<StreamEvent<Chunk>>();
        await foreach (var item in stream.WithEventInfo())
        {
            events.Add(item);
        }

        Assert.Collection(
            events,
            first =>
            {
                Assert.Equal("two lines", first.Value.Text);
                Assert.Equal("delta", first.EventType);
                Assert.Equal("7", first.EventId);
                Assert.Equal(TimeSpan.FromMilliseconds(1500), first.ReconnectionInterval);
                Assert.Equal(0, first.Index);
            },
            second =>
            {
                // No event field: the specification's default type; no id of its own.
                Assert.Equal("cr only", second.Value.Text);
                Assert.Equal("message", second.EventType);
                Assert.Null(second.EventId);
                Assert.Null(second.ReconnectionInterval);
                Assert.Equal(1, second.Index);
            },
            third =>
            {
                // The event with empty data between them is skipped, and does not take an index.
                Assert.Equal("last", third.Value.Text);
                Assert.Equal("9", third.EventId);
                Assert.Equal(2, third.Index);
            });
        Assert.Equal("9", stream.LastEventId);
    }

    [Fact]
    public async Task The_done_marker_ends_the_stream_and_closes_the_connection_without_reading_further()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"only\"}\n\ndata: [DONE]\n\ndata: {\"text\":\"after the end\"}\n\n");
            using var registration = context.RequestAborted.Register(() => aborted.TrySetResult());
            await aborted.Task.WaitAsync(RawConnection.Patience);
        });
        using var http = StreamServer.DrainingClient();

        var items = new List<string>();
        await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk))
        {
            items.Add(chunk.Text);
        }

        Assert.Equal(["only"], items);
        await aborted.Task.WaitAsync(RawConnection.Patience);
    }

    [Fact]
    public async Task An_event_that_is_not_an_item_fails_naming_the_operation_the_event_its_index_and_an_excerpt()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"fine\"}\n\nevent: delta\nid: e-2\ndata: {\"text\": nonsense}\n\ndata: {\"text\":\"never read\"}\n\n");
        });
        using var http = new HttpClient();

        var items = new List<string>();
        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk))
            {
                items.Add(chunk.Text);
            }
        });

        Assert.Equal(["fine"], items);
        Assert.Equal("StreamThings", exception.OperationName);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("item at index 1 (event 'delta', id 'e-2') could not be read", exception.Message, StringComparison.Ordinal);
        Assert.Equal("{\"text\": nonsense}", exception.ResponseExcerpt);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task A_credential_the_server_echoes_in_a_malformed_event_is_scrubbed_from_the_exception()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "id: sk-live-0123456789abcdef\ndata: {\"text\": sk-live-0123456789abcdef}\n\n");
        });
        using var http = new HttpClient();
        var options = new RequestOptions { Headers = { ["Authorization"] = "Bearer sk-live-0123456789abcdef" } };

        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var unused in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, requestOptions: options))
            {
            }
        });

        Assert.DoesNotContain("sk-live-0123456789abcdef", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-live-0123456789abcdef", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains("***", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_with_null_data_is_not_an_item()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: null\n\n");
        });
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var unused in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk))
            {
            }
        });

        Assert.Contains("item at index 0 (event 'message') could not be read: its data is null", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_name_of_an_event_chooses_its_type_through_the_map_and_other_events_are_read_as_the_stream_type()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(
                context,
                "event: delta\ndata: {\"text\":\"Hi\"}\n\nevent: done\ndata: {\"reason\":\"stop\"}\n\ndata: {\"chunk\":{\"text\":\"plain\"}}\n\n");
        });
        using var http = new HttpClient();
        var map = new EventTypeMap<Update>()
            .Add("delta", StreamJson.Default.Chunk, chunk => new Update(chunk, null))
            .Add("done", StreamJson.Default.Finished, finished => new Update(null, finished));

        var items = new List<Update>();
        await foreach (var update in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Update, eventTypes: map))
        {
            items.Add(update);
        }

        Assert.Equal([new Update(new Chunk("Hi"), null), new Update(null, new Finished("stop")), new Update(new Chunk("plain"), null)], items);
    }

    [Fact]
    public void An_event_name_is_mapped_once()
    {
        var map = new EventTypeMap<Update>().Add("delta", StreamJson.Default.Chunk, chunk => new Update(chunk, null));

        Assert.Throws<ArgumentException>(() => map.Add("delta", StreamJson.Default.Chunk, chunk => new Update(chunk, null)));
        Assert.Throws<ArgumentException>(() => map.Add(string.Empty, StreamJson.Default.Chunk, chunk => new Update(chunk, null)));
    }

    [Fact]
    public async Task An_error_status_throws_the_declared_error_before_any_item()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            LoopbackServer.Respond(context, 400, "{\"code\":\"bad_model\",\"message\":\"No such model\"}"));
        using var http = new HttpClient();
        var errors = new ErrorResponses().Add("4XX", StreamJson.Default.StreamError);
        var stream = StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, errors: errors);

        await using var items = stream.GetAsyncEnumerator();
        var exception = await Assert.ThrowsAsync<ApiException<StreamError>>(async () => await items.MoveNextAsync());

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(new StreamError("bad_model", "No such model"), exception.Error);
        Assert.Null(stream.StatusCode);
    }

    [Fact]
    public async Task An_error_status_without_a_declared_error_throws_the_untyped_exception_with_an_excerpt()
    {
        await using var server = await LoopbackServer.StartAsync(503, "overloaded", "text/plain");
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var unused in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk))
            {
            }
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal("overloaded", exception.ResponseExcerpt);
    }

    [Fact]
    public async Task A_json_body_where_events_were_asked_for_fails_with_its_excerpt_instead_of_being_an_empty_stream()
    {
        // A server that ignored the stream flag answers with the whole result: read as events, it holds none.
        await using var server = await LoopbackServer.StartAsync(200, "{\"text\":\"the whole answer\"}");
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var unused in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk))
            {
            }
        });

        Assert.Contains("the response is 'application/json', not an event stream", exception.Message, StringComparison.Ordinal);
        Assert.Equal("{\"text\":\"the whole answer\"}", exception.ResponseExcerpt);
    }

    [Fact]
    public async Task Each_enumeration_sends_the_request_again_and_the_status_and_headers_are_those_of_the_current_response()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var call = Interlocked.Increment(ref calls);
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"call " + call + "\"}\n\n");
        });
        using var http = new HttpClient();
        var stream = StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk);
        Assert.Null(stream.StatusCode);
        Assert.Null(stream.Headers);

        var first = new List<string>();
        await foreach (var chunk in stream)
        {
            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            Assert.Equal("req-1", stream.Headers!.GetString("X-Request-Id"));
            first.Add(chunk.Text);
        }

        var second = new List<string>();
        await foreach (var chunk in stream)
        {
            second.Add(chunk.Text);
        }

        Assert.Equal(["call 1"], first);
        Assert.Equal(["call 2"], second);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_event_larger_than_the_cap_fails_before_it_is_read_whole_and_closes_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"small\"}\n\ndata: {\"text\":\"");

            // An event that never ends: the client must give up on its own, after the cap.
            var block = new string('x', 4096);
            try
            {
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    await StreamServer.SendAsync(context, block);
                }
            }
            catch (Exception) when (context.RequestAborted.IsCancellationRequested)
            {
            }

            aborted.TrySetResult();
        });
        using var http = new HttpClient();
        var options = new RequestOptions { MaxResponseContentBufferSize = 64 * 1024 };

        var items = new List<string>();
        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, requestOptions: options))
            {
                items.Add(chunk.Text);
            }
        });

        Assert.Equal(["small"], items);
        Assert.Contains("the item at index 1 exceeds the limit of 65536 bytes set by RequestOptions.MaxResponseContentBufferSize for this call", exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("xxxx", exception.ResponseExcerpt, StringComparison.Ordinal);
        await aborted.Task.WaitAsync(RawConnection.Patience);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task The_cap_applies_to_each_event_and_not_to_the_whole_stream(string newline)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            for (var i = 0; i < 40; i++)
            {
                await StreamServer.SendAsync(context, ": keep-alive" + newline + newline + "data: {\"text\":\"" + new string('y', 100) + "\"}" + newline + newline);
            }
        });
        using var http = new HttpClient();
        var options = new RequestOptions { MaxResponseContentBufferSize = 1024 };

        var count = 0;
        await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, requestOptions: options))
        {
            count++;
        }

        Assert.Equal(40, count);
    }

    [Fact]
    public async Task A_stream_that_goes_silent_ends_with_the_idle_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"then nothing\"}\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = new HttpClient();
        var options = new RequestOptions { StreamIdleTimeout = TimeSpan.FromSeconds(1) };

        var items = new List<string>();
        var exception = await Assert.ThrowsAsync<TaskCanceledException>(async () =>
        {
            await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, requestOptions: options))
            {
                items.Add(chunk.Text);
            }
        });

        Assert.Equal(["then nothing"], items);
        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.Contains("the idle timeout set by RequestOptions.StreamIdleTimeout for this call", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_time_the_caller_spends_between_items_does_not_count_as_silence()
    {
        var secondAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"one\"}\n\n");
            await secondAsked.Task.WaitAsync(RawConnection.Patience);
            await StreamServer.SendAsync(context, "data: {\"text\":\"two\"}\n\n");
        });
        using var http = new HttpClient();
        var options = new RequestOptions { StreamIdleTimeout = TimeSpan.FromSeconds(1) };

        var items = new List<string>();
        await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, requestOptions: options))
        {
            items.Add(chunk.Text);
            if (items.Count == 1)
            {
                // Slow work on the first item, longer than the idle timeout: the connection was not asked for anything.
                await Task.Delay(TimeSpan.FromSeconds(2));
                secondAsked.SetResult();
            }
        }

        Assert.Equal(["one", "two"], items);
    }

    [Fact]
    public async Task The_client_timeout_limits_the_wait_for_each_read_and_not_the_whole_stream()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context);
            for (var i = 0; i < 4; i++)
            {
                // A slow stream: 4 × 700 ms is longer than the client's timeout, each pause is shorter.
                await Task.Delay(700, context.RequestAborted);
                await StreamServer.SendAsync(context, "data: {\"text\":\"" + i + "\"}\n\n");
            }
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };

        var items = new List<string>();
        await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk))
        {
            items.Add(chunk.Text);
        }

        Assert.Equal(["0", "1", "2", "3"], items);
    }

    [Fact]
    public async Task Leaving_the_loop_early_closes_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var registration = context.RequestAborted.Register(() => aborted.TrySetResult());
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"one\"}\n\ndata: {\"text\":\"two\"}\n\n");
            await aborted.Task.WaitAsync(RawConnection.Patience);
        });
        using var http = StreamServer.DrainingClient();

        await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk))
        {
            Assert.Equal("one", chunk.Text);
            break;
        }

        await aborted.Task.WaitAsync(RawConnection.Patience);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancelling_closes_the_connection_and_throws_the_cancellation(bool cancelTheMethodsToken)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var registration = context.RequestAborted.Register(() => aborted.TrySetResult());
            await StreamServer.StartAsync(context);
            await StreamServer.SendAsync(context, "data: {\"text\":\"one\"}\n\n");
            await aborted.Task.WaitAsync(RawConnection.Patience);
        });
        using var http = new HttpClient();
        using var cancel = new CancellationTokenSource();
        var stream = cancelTheMethodsToken
            ? StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, cancellationToken: cancel.Token)
            : StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk);

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in stream.WithCancellation(cancelTheMethodsToken ? default : cancel.Token))
            {
                // The next read is pending when the token is cancelled.
                cancel.CancelAfter(TimeSpan.FromMilliseconds(50));
            }
        });

        Assert.Equal(cancel.Token, exception.CancellationToken);
        await aborted.Task.WaitAsync(RawConnection.Patience);
    }
}
