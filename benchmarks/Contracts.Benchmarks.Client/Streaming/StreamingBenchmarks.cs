using System;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Contracts.Runtime.Authentication;
using OpenAI;
using OpenAI.Chat;
using Ours = Contracts.Benchmarks.Client.OpenAIChat;

namespace Contracts.Benchmarks.Client.Streaming;

/// <summary>
/// Issue 16: one streamed chat completion of <see cref="ContentChunks"/> content chunks (OpenAI's <c>stream: true</c>
/// answer, served from memory by <see cref="StreamingHandler"/>), read to the end: our client generated from OpenAI's
/// description (trimmed to <c>/chat/completions</c>, see <c>trim-openai-chat.py</c>) against the official OpenAI .NET SDK
/// 2.15.0's <c>CompleteChatStreamingAsync</c>. Each operation is one event (<c>OperationsPerInvoke</c>), so the time
/// and the allocated bytes BenchmarkDotNet prints are per event, the request included in its share.
/// </summary>
[MemoryDiagnoser]
public class StreamingBenchmarks
{
    public const int ContentChunks = 2_000;
    private const int Events = ContentChunks + 3;
    private static readonly Uri Endpoint = new("https://api.openai.com/v1");
    private const string ApiKey = "sk-proj-benchmark-not-a-key";

    private StreamingHandler _service = null!;
    private HttpClient _http = null!;
    private Ours.OpenAIChatClient _ours = null!;
    private ChatClient _sdk = null!;
    private ChatMessage[] _sdkMessages = null!;

    [GlobalSetup]
    public void Setup()
    {
        _service = new StreamingHandler(ChatStreamBody.Create(ContentChunks));
        _http = new HttpClient(_service);
        _ours = new Ours.OpenAIChatClient(_http, new Ours.OpenAIChatClientOptions { BaseAddress = Endpoint, ApiKeyAuth = new BearerCredential(ApiKey) });
        _sdk = new ChatClient("gpt-4o-mini", new System.ClientModel.ApiKeyCredential(ApiKey), new OpenAIClientOptions { Endpoint = Endpoint, Transport = new HttpClientPipelineTransport(_http) });
        _sdkMessages = [new SystemChatMessage("You are terse."), new UserChatMessage("How do streams arrive?")];
        VerifyAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true, Description = "Contracts", OperationsPerInvoke = Events)]
    public Task<int> Contracts() => ReadOursAsync(null);

    [Benchmark(Description = "OpenAI SDK 2.15.0", OperationsPerInvoke = Events)]
    public Task<int> OpenAISdk() => ReadSdkAsync(null);

    /// <summary>Both readers send the streaming request and put together the same text from every event.</summary>
    public async Task VerifyAsync()
    {
        var requests = 0;
        _service.Inspect = (request, body) =>
        {
            requests++;
            using var json = JsonDocument.Parse(body);
            if (request.RequestUri?.AbsolutePath != "/v1/chat/completions" || request.Headers.Authorization?.ToString() != "Bearer " + ApiKey
                || !json.RootElement.GetProperty("stream").GetBoolean() || json.RootElement.GetProperty("model").GetString() != "gpt-4o-mini")
            {
                throw new InvalidOperationException("Not the streaming chat request: " + request.RequestUri + " " + Encoding.UTF8.GetString(body));
            }
        };
        var expected = ChatStreamBody.Text(ContentChunks);
        var ours = new StringBuilder();
        var sdk = new StringBuilder();
        Check("Contracts", await ReadOursAsync(ours).ConfigureAwait(false), ours, expected);
        Check("OpenAI SDK", await ReadSdkAsync(sdk).ConfigureAwait(false), sdk, expected);
        _service.Inspect = null;
        if (requests != 2)
        {
            throw new InvalidOperationException(requests + " requests sent, 2 expected");
        }
    }

    private async Task<int> ReadOursAsync(StringBuilder? text)
    {
        var events = 0;
        var request = new Ours.CreateChatCompletionRequest
        {
            Model = new Ours.ModelIdsShared("gpt-4o-mini"),
            Messages =
            [
                new Ours.ChatCompletionRequestSystemMessage { Content = "You are terse." },
                new Ours.ChatCompletionRequestUserMessage { Content = "How do streams arrive?" },
            ],
            StreamOptions = new Ours.ChatCompletionStreamOptions { IncludeUsage = true },
        };
        await foreach (var chunk in _ours.CreateChatCompletionStreamingAsync(request).ConfigureAwait(false))
        {
            events++;
            if (chunk.Choices is [var choice, ..] && choice.Delta.Content is { } content)
            {
                text?.Append(content);
            }
        }

        return events;
    }

    private async Task<int> ReadSdkAsync(StringBuilder? text)
    {
        var events = 0;
        await foreach (var update in _sdk.CompleteChatStreamingAsync(_sdkMessages).ConfigureAwait(false))
        {
            events++;
            foreach (var part in update.ContentUpdate)
            {
                text?.Append(part.Text);
            }
        }

        return events;
    }

    private static void Check(string reader, int events, StringBuilder text, string expected)
    {
        if (events != Events || text.ToString() != expected)
        {
            throw new InvalidOperationException(reader + " read " + events + " events (expected " + Events + ") and " + text.Length + " characters (expected " + expected.Length + ")");
        }
    }
}
