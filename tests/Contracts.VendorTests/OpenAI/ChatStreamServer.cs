using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.VendorTests.OpenAI;

/// <summary>
/// OpenAI's chat completions endpoint on 127.0.0.1, answering <c>stream: true</c> with a recorded-shape event stream
/// (<c>Responses/openai-chat-stream.txt</c>: a role chunk, content chunks, a finish chunk, a usage chunk, then
/// <c>data: [DONE]</c>). Each event is written and flushed on its own, as the service sends them.
/// </summary>
internal static class ChatStreamServer
{
    public const string ApiKey = "sk-proj-test-4eC39HqLyjWDarjtT1zdp7dc";
    public const string Model = "gpt-4o-mini";
    public const string SystemPrompt = "You are terse.";
    public const string UserPrompt = "How do server-sent events arrive?";

    /// <summary>The canned stream's text: what every reader must put together from the content chunks.</summary>
    public const string ExpectedText = "Server-sent events arrive one chunk at a time: each `data:` line is JSON, and \"quotes\" or émojis 🙂 survive.";

    /// <summary>The chunks whose delta carries text (the role chunk's empty content is not one).</summary>
    public const int ExpectedContentChunks = 23;

    public static string Body => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", "openai-chat-stream.txt"));

    public static Task<LoopbackServer> StartAsync() => LoopbackServer.StartAsync(async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        foreach (var sseEvent in Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            await context.Response.WriteAsync(sseEvent + "\n\n", Encoding.UTF8);
            await context.Response.Body.FlushAsync();
        }
    });

    /// <summary>The URI both clients are pointed at: the server's <c>/v1</c>, as OpenAI's own base URL.</summary>
    public static Uri Endpoint(LoopbackServer server) => new(server.BaseAddress, "v1");

    /// <summary>What both clients must send: the chat completions call with <c>stream: true</c>, the model, the two messages and the key.</summary>
    public static void AssertStreamingRequest(RecordedRequest request)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + ApiKey, request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.True(root.GetProperty("stream").GetBoolean());
        Assert.True(root.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Equal(Model, root.GetProperty("model").GetString());
        var messages = root.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").ToString())).ToArray();
        Assert.Equal(new (string?, string)[] { ("system", SystemPrompt), ("user", UserPrompt) }, messages);
    }
}
