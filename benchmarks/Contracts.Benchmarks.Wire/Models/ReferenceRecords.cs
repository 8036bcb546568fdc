using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Nj = Newtonsoft.Json;

namespace Contracts.Benchmarks.Wire.Models;

// Hand-declared records shaped like the generated ones (required/init members, IReadOnlyList, nested lastUsed),
// read and written by the System.Text.Json source generator, System.Text.Json reflection and Newtonsoft.Json.
// The one difference: StatusType is a C# enum with the string-enum converter each library offers — what a user
// hand-wiring these serializers would write (ours is an open string enum that also keeps unknown values).

/// <summary>The <c>data</c> payload of GetBucketAccessKeys.</summary>
public sealed record RefBucketAccessKeys
{
    [JsonPropertyName("id"), Nj.JsonProperty("id")]
    public required string Id { get; init; }

    [JsonPropertyName("created_at"), Nj.JsonProperty("created_at")]
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("accessKeys"), Nj.JsonProperty("accessKeys")]
    public IReadOnlyList<RefAccessKey>? AccessKeys { get; init; }
}

/// <summary>One access key.</summary>
public sealed record RefAccessKey
{
    [JsonPropertyName("accessKeyId"), Nj.JsonProperty("accessKeyId")]
    public string? AccessKeyId { get; init; }

    [JsonPropertyName("secretAccessKey"), Nj.JsonProperty("secretAccessKey")]
    public string? SecretAccessKey { get; init; }

    [JsonPropertyName("status"), Nj.JsonProperty("status")]
    public RefStatusType? Status { get; init; }

    [JsonPropertyName("createdAt"), Nj.JsonProperty("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("lastUsed"), Nj.JsonProperty("lastUsed")]
    public RefAccessKeyLastUsed? LastUsed { get; init; }
}

/// <summary>When and where a key was last used.</summary>
public sealed record RefAccessKeyLastUsed
{
    [JsonPropertyName("lastUsedDate"), Nj.JsonProperty("lastUsedDate")]
    public DateTimeOffset? LastUsedDate { get; init; }

    [JsonPropertyName("region"), Nj.JsonProperty("region")]
    public string? Region { get; init; }

    [JsonPropertyName("serviceName"), Nj.JsonProperty("serviceName")]
    public string? ServiceName { get; init; }
}

/// <summary>Whether a key can be used.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RefStatusType>))]
[Nj.JsonConverter(typeof(Nj.Converters.StringEnumConverter))]
public enum RefStatusType
{
    Active,
    Inactive,
}

/// <summary>The failure member of the envelope.</summary>
public sealed record RefEnvelopeError
{
    [JsonPropertyName("code"), Nj.JsonProperty("code")]
    public required string Code { get; init; }

    [JsonPropertyName("message"), Nj.JsonProperty("message")]
    public required string Message { get; init; }
}

/// <summary>The response envelope of GetBucketAccessKeys: <c>{"success": true, "data": {...}}</c>.</summary>
public sealed record RefEnvelope
{
    [JsonPropertyName("success"), Nj.JsonProperty("success")]
    public required bool Success { get; init; }

    [JsonPropertyName("data"), Nj.JsonProperty("data")]
    public RefBucketAccessKeys? Data { get; init; }

    [JsonPropertyName("error"), Nj.JsonProperty("error")]
    public RefEnvelopeError? Error { get; init; }
}

/// <summary>The System.Text.Json source generator's metadata for the reference records: the baseline.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RefBucketAccessKeys))]
[JsonSerializable(typeof(RefEnvelope))]
public sealed partial class ReferenceJsonContext : JsonSerializerContext
{
}
