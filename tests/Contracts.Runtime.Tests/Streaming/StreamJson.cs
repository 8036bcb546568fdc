using System.Text.Json.Serialization;

namespace Contracts.Runtime.Tests.Streaming;

/// <summary>A chunk of a streamed answer, as a chat completion stream sends them.</summary>
public sealed record Chunk(string Text);

/// <summary>The last event of a stream whose events are typed by name.</summary>
public sealed record Finished(string Reason);

/// <summary>A stream item that is one of the named event types (what a generated union would be).</summary>
public sealed record Update(Chunk? Chunk, Finished? Finished);

/// <summary>An error body a stream's operation declares.</summary>
public sealed record StreamError(string Code, string Message);

/// <summary>The JSON metadata the streams of these tests read with: generated, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Chunk))]
[JsonSerializable(typeof(Finished))]
[JsonSerializable(typeof(Update))]
[JsonSerializable(typeof(StreamError))]
internal sealed partial class StreamJson : JsonSerializerContext;
