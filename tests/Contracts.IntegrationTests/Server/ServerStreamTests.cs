using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Streams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Contracts.IntegrationTests.Server;

/// <summary>
/// streams.yaml served: a handler returns an <see cref="IAsyncEnumerable{T}"/> and the endpoint writes each item as it
/// comes (server-sent events, JSON lines, JSON text sequences); the generated client's stream methods read them.
/// </summary>
public sealed class ServerStreamTests : IAsyncLifetime
{
    private ServedApp _served = null!;
    private HttpClient _http = null!;
    private StreamsClient _client = null!;

    public async Task InitializeAsync()
    {
        _served = await ServedApp.StartAsync(
            services =>
            {
                services.AddSingleton<IStreamsHandler, StreamingHandler>();
            },
            app =>
            {
                app.MapStreams();
            });
        _http = _served.Http;
        _client = new StreamsClient(_http, new StreamsClientOptions { BaseAddress = _http.BaseAddress });
    }

    public async Task DisposeAsync()
    {
        await _served.DisposeAsync();
    }

    [Fact]
    public async Task Server_sent_events_reach_the_clients_stream_method_item_by_item()
    {
        var ticks = new List<long>();
        await foreach (var tick in _client.StreamTicksAsync(every: 3))
        {
            ticks.Add(tick.At);
        }

        Assert.Equal([3L, 6L, 9L], ticks);
    }

    [Fact]
    public async Task Server_sent_events_are_text_event_stream()
    {
        using var response = await _http.GetAsync("ticks?every=1", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data: {\"at\":1}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_and_json_sequences_reach_the_client()
    {
        var logs = new List<LogEntry>();
        await foreach (var entry in _client.ExportLogsAsync())
        {
            logs.Add(entry);
        }

        var metrics = new List<Metric>();
        await foreach (var metric in _client.ExportMetricsAsync())
        {
            metrics.Add(metric);
        }

        Assert.Equal(["a", "b"], logs.Select(l => l.Message));
        Assert.Equal([1.5, 2.5], metrics.Select(m => m.Value));
    }

    [Fact]
    public async Task A_declared_error_of_a_stream_operation_is_written_as_json()
    {
        var exception = await Assert.ThrowsAnyAsync<Contracts.Runtime.ApiException>(async () =>
        {
            await foreach (var _ in _client.StreamTicksAsync(every: 0))
            {
            }
        });

        Assert.Equal(400, (int)exception.StatusCode);
    }

    private sealed class StreamingHandler : IStreamsHandler
    {
        public Task<CreateChatCompletionResult> CreateChatCompletionAsync(ChatRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<StreamTicksResult> StreamTicksAsync(int? every, CancellationToken cancellationToken) =>
            Task.FromResult(every is 0 ? StreamTicksResult.BadRequest(new Error { Message = "every must be positive" }) : StreamTicksResult.Ok(Ticks(every ?? 1)));

        public Task<ExportLogsResult> ExportLogsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
            Task.FromResult(ExportLogsResult.Ok(Items(new LogEntry { Level = "info", Message = "a" }, new LogEntry { Level = "warn", Message = "b" })));

        public Task<ExportMetricsResult> ExportMetricsAsync(CancellationToken cancellationToken) =>
            Task.FromResult(ExportMetricsResult.Ok(Items(new Metric { Name = "x", Value = 1.5 }, new Metric { Name = "y", Value = 2.5 })));

        private static async IAsyncEnumerable<Tick> Ticks(int every, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 1; i <= 3; i++)
            {
                await Task.Yield();
                yield return new Tick { At = i * every };
            }
        }

        private static async IAsyncEnumerable<T> Items<T>(params T[] items)
        {
            foreach (var item in items)
            {
                await Task.Yield();
                yield return item;
            }
        }
    }
}
