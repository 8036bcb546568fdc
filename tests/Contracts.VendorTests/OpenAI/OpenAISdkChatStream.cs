using System;
using System.ClientModel;
using System.Text;
using System.Threading.Tasks;
using OpenAI;
using OpenAI.Chat;

namespace Contracts.VendorTests.OpenAI;

/// <summary>The chat stream read by the official OpenAI .NET SDK (<c>OpenAI</c> 2.15.0), as its documentation shows.</summary>
internal static class OpenAISdkChatStream
{
    public static async Task<ChatStreamReading> ReadAsync(Uri endpoint)
    {
        var client = new ChatClient(ChatStreamServer.Model, new ApiKeyCredential(ChatStreamServer.ApiKey), new OpenAIClientOptions { Endpoint = endpoint });
        // Qualified: the generated client of the same folder has a ChatMessage type too (an inline schema titled so).
        global::OpenAI.Chat.ChatMessage[] messages = [new SystemChatMessage(ChatStreamServer.SystemPrompt), new UserChatMessage(ChatStreamServer.UserPrompt)];

        var text = new StringBuilder();
        int contentChunks = 0, updates = 0;
        ChatFinishReason? finishReason = null;
        long? totalTokens = null;
        await foreach (var update in client.CompleteChatStreamingAsync(messages))
        {
            updates++;
            var before = text.Length;
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            if (text.Length > before)
            {
                contentChunks++;
            }

            finishReason ??= update.FinishReason;
            totalTokens ??= update.Usage?.TotalTokenCount;
        }

        return new ChatStreamReading(text.ToString(), contentChunks, updates, WireName(finishReason), totalTokens);
    }

    private static string? WireName(ChatFinishReason? reason) => reason switch
    {
        null => null,
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "A finish reason this test does not know."),
    };
}
