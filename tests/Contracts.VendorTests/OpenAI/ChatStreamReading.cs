namespace Contracts.VendorTests.OpenAI;

/// <summary>What a reader of the chat stream put together: compared between our generated client and OpenAI's SDK.</summary>
/// <param name="Text">The content deltas, concatenated.</param>
/// <param name="ContentChunks">The updates that carried non-empty content.</param>
/// <param name="Updates">Every update read (the <c>[DONE]</c> sentinel is not one).</param>
/// <param name="FinishReason">The finish reason of the choice, as its wire value.</param>
/// <param name="TotalTokens">The usage chunk's total, when the stream carried one.</param>
internal sealed record ChatStreamReading(string Text, int ContentChunks, int Updates, string? FinishReason, long? TotalTokens);
