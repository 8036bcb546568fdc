using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Contracts.Generator.Tests.Documentation;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Streaming;

/// <summary>
/// OpenAI's published description (spec/vendors/openai, MIT) answers seven operations with <c>text/event-stream</c>
/// beside another media type: each keeps its method and gets a streaming one; the Responses API's event union is
/// chosen by the event name. The example of docs/streaming.md compiles against the generated client, and a chat
/// stream is read chunk by chunk through it.
/// </summary>
public sealed class OpenAiStreamingTests
{
    // The docs' request, sent to a given address, with the text of the chunks returned.
    private const string Reader = """
        namespace My.OpenAI.Checks
        {
            public static class ChatStream
            {
                public static async Task<string> ReadAsync(HttpClient http, Uri baseAddress)
                {
                    var client = new OpenAIApiClient(http, new OpenAIApiClientOptions { BaseAddress = baseAddress, ApiKeyAuth = new("sk-test") });
                    var request = new CreateChatCompletionRequest
                    {
                        Model = ModelIdsShared.Gpt4oMini,
                        Messages = [new ChatCompletionRequestUserMessage { Content = "Hello?" }],
                    };
                    var text = new System.Text.StringBuilder();
                    await foreach (var chunk in client.CreateChatCompletionStreamingAsync(request))
                    {
                        foreach (var choice in chunk.Choices)
                        {
                            text.Append(choice.Delta.Content).Append('|');
                        }
                    }

                    return text.ToString();
                }
            }
        }
        """;

    private const string ChatStream = """
        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":null}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

        data: [DONE]


        """;

    private static readonly Lazy<GeneratorRun> s_run = new(() =>
    {
        var example = MarkdownDocument.Parse(DocumentationFiles.Read("docs/streaming.md")).CodeBlocks.First(block => block.Info == "csharp");
        var spec = SpecFile.Inline("openapi.yaml", File.ReadAllText(RepositoryPaths.Combine("spec", "vendors", "openai", "openapi.yaml")), "My.OpenAI", "OpenAIApiClient");
        var compilation = GeneratorHarness.CreateCompilation(ConsoleProgram.ImplicitUsings, example.Text, Reader);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        var texts = ImmutableArray.Create<AdditionalText>(spec.ToAdditionalText());
        return GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts), compilation, texts);
    });

    [Fact]
    public void The_seven_event_stream_operations_each_get_a_streaming_method_beside_their_own()
    {
        var spec = File.ReadAllText(RepositoryPaths.Combine("spec", "vendors", "openai", "openapi.yaml"));
        Assert.Equal(7, Regex.Matches(spec, "^ {12}text/event-stream:$", RegexOptions.Multiline).Count);
        var client = s_run.Value.Source("OpenAIApiClient.Client");
        var declared = Regex.Matches(client, @"^ {8}global::Contracts\.Runtime\.Streaming\.StreamingResponse<global::My\.OpenAI\.(\w+)> (\w+)\(", RegexOptions.Multiline)
            .Select(m => m.Groups[2].Value + " → " + m.Groups[1].Value)
            .ToList();

        Assert.Equal(
            [
                "BetaCreateResponseStreamingAsync → BetaResponseStreamEvent",
                "CreateChatCompletionStreamingAsync → CreateChatCompletionStreamResponse",
                "CreateImageEditStreamingAsync → ImageEditStreamEvent",
                "CreateImageStreamingAsync → ImageGenStreamEvent",
                "CreateResponseStreamingAsync → ResponseStreamEvent",
                "CreateSpeechStreamingAsync → CreateSpeechResponseStreamEvent",
                "CreateTranscriptionStreamingAsync → CreateTranscriptionResponseStreamEvent",
            ],
            declared.Order(StringComparer.Ordinal));
        foreach (var method in declared.Select(d => d[..d.IndexOf(' ', StringComparison.Ordinal)]))
        {
            Assert.Contains(" " + method.Replace("StreamingAsync", "Async", StringComparison.Ordinal) + "(", client, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_responses_stream_event_name_chooses_the_event_type()
    {
        var client = s_run.Value.Source("OpenAIApiClient.Client");

        Assert.Contains(".Add<global::My.OpenAI.ResponseTextDeltaEvent>(\"response.output_text.delta\", global::My.OpenAI.OpenAIApiJsonContext.Default.ResponseTextDeltaEvent, static value => new global::My.OpenAI.ResponseStreamEvent.ResponseTextDeltaEvent(value))", client, StringComparison.Ordinal);
        Assert.Contains(".Add<global::My.OpenAI.ResponseCompletedEvent>(\"response.completed\", ", client, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documented_example_compiles_and_a_chat_stream_is_read_chunk_by_chunk()
    {
        var run = s_run.Value;
        var handler = new ScriptedHandler(_ => ScriptedHandler.Respond(HttpStatusCode.OK, new StringContent(ChatStream.Replace("\r\n", "\n", StringComparison.Ordinal), Encoding.UTF8, "text/event-stream")));
        using var http = new HttpClient(handler);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CTR119");
        using (var loaded = LoadedOutput.Load(run))
        {
            var read = loaded.Type("My.OpenAI.Checks.ChatStream").GetMethod("ReadAsync")!;
            var text = await (Task<string>)read.Invoke(null, [http, new Uri("https://api.example.test/v1")])!;

            Assert.Equal("|Hel|lo||", text);
        }

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://api.example.test/v1/chat/completions", sent.Uri);
        Assert.Equal("text/event-stream", sent.Single("Accept"));
        Assert.Equal("Bearer sk-test", sent.Single("Authorization"));
        using var body = JsonDocument.Parse(sent.BodyText);
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
    }
}
