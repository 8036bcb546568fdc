using System.Globalization;
using System.Text;

namespace Contracts.Benchmarks.Client.Streaming;

/// <summary>
/// A long chat completion stream as OpenAI sends it for <c>stream: true</c> with <c>include_usage</c>: a role chunk,
/// <c>contentChunks</c> content chunks, a finish chunk, a usage chunk, then <c>data: [DONE]</c>. Every chunk carries
/// the members the service sends (id, created, model, service tier, fingerprint, logprobs, obfuscation).
/// </summary>
internal static class ChatStreamBody
{
    private const string Head = "data: {\"id\":\"chatcmpl-CfR2mBvJ8kQ3xW7nTz4Lp9aYdE1sH\",\"object\":\"chat.completion.chunk\",\"created\":1764979200,\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_560af6e559\",\"choices\":[";

    private static readonly string[] Words = ["The", " stream", " arrives", " one", " token", " at", " a", " time", ",", " and", " each", " chunk", " is", " read", " as", " it", " comes", "."];

    /// <summary>The events a reader yields: role, content chunks, finish, usage.</summary>
    public static int Events(int contentChunks) => contentChunks + 3;

    /// <summary>The text the content chunks put together.</summary>
    public static string Text(int contentChunks)
    {
        var text = new StringBuilder();
        for (var i = 0; i < contentChunks; i++)
        {
            text.Append(Words[i % Words.Length]);
        }

        return text.ToString();
    }

    public static byte[] Create(int contentChunks)
    {
        var body = new StringBuilder();
        body.Append(Head).Append("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"Qm3x\"}\n\n");
        for (var i = 0; i < contentChunks; i++)
        {
            // The service pads each chunk with an obfuscation string of varying length; its content is opaque.
            body.Append(Head).Append("{\"index\":0,\"delta\":{\"content\":\"").Append(Words[i % Words.Length])
                .Append("\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"")
                .Append("r4N7vQ2mp9K3xT6w", 0, 1 + (i % 16)).Append("\"}\n\n");
        }

        body.Append(Head).Append("{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null,\"obfuscation\":\"\"}\n\n");
        body.Append(Head).Append("],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":").Append(contentChunks.ToString(CultureInfo.InvariantCulture))
            .Append(",\"total_tokens\":").Append((19 + contentChunks).ToString(CultureInfo.InvariantCulture))
            .Append(",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},\"obfuscation\":\"kL\"}\n\n");
        body.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(body.ToString());
    }
}
