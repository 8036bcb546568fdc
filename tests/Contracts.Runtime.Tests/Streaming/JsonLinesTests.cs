using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.Runtime.Streaming;
using Xunit;

namespace Contracts.Runtime.Tests.Streaming;

/// <summary>JSON Lines (NDJSON) and JSON text sequences (RFC 7464) read through <c>ContractsHttp.StreamAsync</c> from Kestrel on 127.0.0.1.</summary>
public sealed class JsonLinesTests
{
    [Fact]
    public async Task Json_lines_split_across_chunks_are_read_one_item_per_line_with_blank_lines_skipped_and_crlf_accepted()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context, "application/x-ndjson");
            await StreamServer.SendAsync(context, "\uFEFF{\"text\":\"a\"}\n{\"te");
            await StreamServer.SendAsync(context, "xt\":\"b\"}\r");
            await StreamServer.SendAsync(context, "\n\n   \n{\"text\":");
            await StreamServer.SendAsync(context, "\"c\"}");
        });
        using var http = new HttpClient();

        var events = new List<StreamEvent<Chunk>>();
        await foreach (var item in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, StreamFormat.JsonLines).WithEventInfo())
        {
            events.Add(item);
        }

        Assert.Equal(["a", "b", "c"], events.ConvertAll(item => item.Value.Text));
        Assert.Equal([0L, 1L, 2L], events.ConvertAll(item => item.Index));
        Assert.All(events, item => Assert.Null(item.EventType));
    }

    [Fact]
    public async Task A_json_sequence_is_cut_at_each_record_separator()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context, "application/json-seq");
            await StreamServer.SendAsync(context, "\u001E{\"text\":\"a\"}\n\u001E{\"te");
            await StreamServer.SendAsync(context, "xt\":\n  \"b\"\n}\n\u001E\n");
            await StreamServer.SendAsync(context, "\u001E{\"text\":\"d\"}\n");
        });
        using var http = new HttpClient();

        var items = new List<string>();
        await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, StreamFormat.JsonSequence))
        {
            items.Add(chunk.Text);
        }

        Assert.Equal(["a", "b", "d"], items);
    }

    [Fact]
    public async Task A_line_that_is_not_an_item_fails_naming_its_index_and_an_excerpt()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context, "application/jsonl");
            await StreamServer.SendAsync(context, "{\"text\":\"a\"}\n<html>oops</html>\n{\"text\":\"c\"}\n");
        });
        using var http = new HttpClient();

        var items = new List<string>();
        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, StreamFormat.JsonLines))
            {
                items.Add(chunk.Text);
            }
        });

        Assert.Equal(["a"], items);
        Assert.Contains("StreamThings failed with HTTP 200: the item at index 1 could not be read", exception.Message, StringComparison.Ordinal);
        Assert.Equal("<html>oops</html>", exception.ResponseExcerpt);
    }

    [Fact]
    public async Task A_line_longer_than_the_cap_fails_and_the_lines_before_it_are_read()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await StreamServer.StartAsync(context, "application/jsonl");
            for (var i = 0; i < 20; i++)
            {
                await StreamServer.SendAsync(context, "{\"text\":\"" + new string('a', 200) + "\"}\n");
            }

            await StreamServer.SendAsync(context, "{\"text\":\"" + new string('b', 5000) + "\"}\n");
        });
        using var http = new HttpClient();
        var options = new RequestOptions { MaxResponseContentBufferSize = 1000 };

        var count = 0;
        var exception = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var chunk in StreamServer.Stream(http, server.BaseAddress, StreamJson.Default.Chunk, StreamFormat.JsonLines, requestOptions: options))
            {
                count++;
            }
        });

        Assert.Equal(20, count);
        Assert.Contains("the item at index 20 exceeds the limit of 1000 bytes", exception.Message, StringComparison.Ordinal);
    }
}
