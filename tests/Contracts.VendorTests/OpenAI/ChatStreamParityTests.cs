using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.VendorTests.OpenAI;

/// <summary>
/// OpenAI's chat stream (<c>stream: true</c>) served over HTTP on 127.0.0.1 event by event, read by the client generated
/// from OpenAI's description (spec/vendors/openai) and by the official OpenAI .NET SDK: both send the same request and
/// put together the same text, chunk count and finish reason.
/// </summary>
public sealed class ChatStreamParityTests
{
    private static readonly ChatStreamReading Expected = new(ChatStreamServer.ExpectedText, ChatStreamServer.ExpectedContentChunks, 26, "stop", 42);

    [Fact]
    public async Task The_official_sdk_reads_the_canned_stream_and_sends_the_streaming_request()
    {
        await using var server = await ChatStreamServer.StartAsync();

        var reading = await OpenAISdkChatStream.ReadAsync(ChatStreamServer.Endpoint(server));

        ChatStreamServer.AssertStreamingRequest(Assert.Single(server.Requests));
        Assert.Equal(Expected, reading);
    }

    [Fact]
    public async Task The_generated_client_reads_the_same_stream_as_the_official_sdk()
    {
        await using var server = await ChatStreamServer.StartAsync();
        using var http = new HttpClient();
        var client = GeneratedChatStream.CreateClient(http, ChatStreamServer.Endpoint(server));

        var ours = await GeneratedChatStream.ReadAsync(client);
        var sdk = await OpenAISdkChatStream.ReadAsync(ChatStreamServer.Endpoint(server));

        Assert.Equal(2, server.Requests.Count);
        foreach (var request in server.Requests)
        {
            ChatStreamServer.AssertStreamingRequest(request);
        }

        // Ours asks for the stream by its media type; the SDK sends its own Accept.
        Assert.Equal("text/event-stream", server.Requests[0].Headers["Accept"]);
        Assert.Equal(sdk, ours);
        Assert.Equal(Expected, ours);
    }

    [Fact]
    public async Task The_generated_client_yields_each_chunk_with_its_position_and_the_response_status()
    {
        await using var server = await ChatStreamServer.StartAsync();
        using var http = new HttpClient();
        var client = GeneratedChatStream.CreateClient(http, ChatStreamServer.Endpoint(server));
        var stream = client.CreateChatCompletionStreamingAsync(GeneratedChatStream.Request());

        var events = await stream.WithEventInfo().ToListAsync();

        Assert.Equal(Enumerable.Range(0, 26).Select(i => (long)i), events.Select(e => e.Index));
        // OpenAI names no events: each has the specification's default type.
        Assert.All(events, e => Assert.Equal("message", e.EventType));
        Assert.Equal(System.Net.HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("assistant", events[0].Value.Choices[0].Delta.Role?.Value);
        Assert.Empty(events[^1].Value.Choices);
    }
}
