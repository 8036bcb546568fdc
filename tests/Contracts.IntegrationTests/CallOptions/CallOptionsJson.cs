using System.Text.Json.Serialization;

namespace Contracts.IntegrationTests.CallOptions;

/// <summary>The result and error the hand-built requests of these tests read (the project disables reflection).</summary>
public sealed record Item(string Id, int Count);

/// <summary>An envelope's error.</summary>
public sealed record ItemError(string Code, string Message);

[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(ItemError))]
internal sealed partial class CallOptionsJson : JsonSerializerContext;
