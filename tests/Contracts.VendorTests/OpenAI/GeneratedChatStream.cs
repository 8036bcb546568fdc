using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Contracts.Runtime.Authentication;

namespace Contracts.VendorTests.OpenAI;

/// <summary>The chat stream read event by event through the client generated from OpenAI's description.</summary>
internal static class GeneratedChatStream
{
    public static OpenAIApiClient CreateClient(HttpClient http, Uri endpoint) =>
        new(http, new OpenAIApiClientOptions { BaseAddress = endpoint, ApiKeyAuth = new BearerCredential(ChatStreamServer.ApiKey) });

    /// <summary>The request a user writes: the model, a system and a user message, usage in the last chunk.</summary>
    public static CreateChatCompletionRequest Request() => new()
    {
        Model = new ModelIdsShared(ChatStreamServer.Model),
        Messages =
        [
            new ChatCompletionRequestSystemMessage { Content = ChatStreamServer.SystemPrompt },
            new ChatCompletionRequestUserMessage { Content = ChatStreamServer.UserPrompt },
        ],
        StreamOptions = new ChatCompletionStreamOptions { IncludeUsage = true },
    };

    public static async Task<ChatStreamReading> ReadAsync(OpenAIApiClient client)
    {
        var text = new StringBuilder();
        int contentChunks = 0, updates = 0;
        string? finishReason = null;
        long? totalTokens = null;
        await foreach (var chunk in client.CreateChatCompletionStreamingAsync(Request()))
        {
            updates++;
            if (chunk.Choices is [var choice, ..])
            {
                if (choice.Delta.Content is { Length: > 0 } content)
                {
                    text.Append(content);
                    contentChunks++;
                }

                finishReason ??= choice.FinishReason?.Value;
            }

            totalTokens ??= chunk.Usage?.TotalTokens;
        }

        return new ChatStreamReading(text.ToString(), contentChunks, updates, finishReason, totalTokens);
    }
}
