using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
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
}
