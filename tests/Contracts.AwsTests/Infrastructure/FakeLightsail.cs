using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;

namespace Contracts.AwsTests.Infrastructure;

/// <summary>
/// Lightsail's bucket access key operations over an in-memory set of buckets, answering with the bodies the AWS
/// description declares (GetBucketAccessKeysResult, CreateBucketAccessKeyResult, DeleteBucketAccessKeyResult) and
/// timestamps as epoch numbers, as Lightsail sends them. A missing bucket or key is HTTP 400 NotFoundException.
/// Shared with samples/Lightsail.Aws as its embedded endpoint.
/// </summary>
public sealed class FakeLightsail : FakeAwsEndpoint
{
    public const string Target = "Lightsail_20161128.";

    // Lightsail's documented limit.
    private const int MaxKeysPerBucket = 2;

    private readonly Dictionary<string, List<StoredKey>> _buckets = new(StringComparer.Ordinal);

    private FakeLightsail(string region, AwsCredentials credentials)
        : base(Target, "application/x-amz-json-1.1", "lightsail", region, credentials)
    {
    }

    /// <summary>The time stamped on keys and operations the fake creates; fixed by tests that assert on it.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = static () => DateTimeOffset.UtcNow;

    /// <summary>Starts an endpoint that accepts signatures by <paramref name="credentials"/> (default: <see cref="TestCredentials"/>) for <paramref name="region"/>.</summary>
    public static async Task<FakeLightsail> StartAsync(string region = TestCredentials.Region, AwsCredentials? credentials = null)
    {
        var fake = new FakeLightsail(region, credentials ?? TestCredentials.Create());
        await fake.ListenAsync().ConfigureAwait(false);
        return fake;
    }

    public void AddBucket(string name)
    {
        lock (Gate)
        {
            _buckets.TryAdd(name, []);
        }
    }

    /// <summary>Adds a key directly (as if created earlier, possibly used since) and returns its id.</summary>
    public string AddAccessKey(string bucket, string status = "Active", DateTimeOffset? createdAt = null, KeyUse? lastUsed = null)
    {
        lock (Gate)
        {
            var key = new StoredKey(NewId("AKIA", 16), NewId(string.Empty, 40), createdAt ?? Clock()) { Status = status, LastUsed = lastUsed };
            _buckets[bucket].Add(key);
            return key.Id;
        }
    }

    /// <summary>Sets a key's status to any text, including values the description does not list.</summary>
    public void SetAccessKeyStatus(string bucket, string accessKeyId, string status)
    {
        lock (Gate)
        {
            _buckets[bucket].Single(k => k.Id == accessKeyId).Status = status;
        }
    }

    public IReadOnlyList<string> AccessKeyIds(string bucket)
    {
        lock (Gate)
        {
            return _buckets[bucket].Select(k => k.Id).ToArray();
        }
    }

    protected override string ServerErrorType => "ServiceException";

    protected override FakeReply Handle(string operation, JsonElement input)
    {
        if (operation is not ("GetBucketAccessKeys" or "CreateBucketAccessKey" or "DeleteBucketAccessKey"))
        {
            return FakeReply.Error(400, "UnknownOperationException", "The fake does not implement " + operation + "; queue a reply for it.");
        }

        if (Text(input, "bucketName") is not { } bucketName)
        {
            return FakeReply.Error(400, "InvalidInputException", "bucketName is required.");
        }

        if (!_buckets.TryGetValue(bucketName, out var keys))
        {
            return NotFound("The bucket does not exist: " + bucketName);
        }

        switch (operation)
        {
            case "GetBucketAccessKeys":
                return FakeReply.Ok(AwsJson.Write(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("accessKeys");
                    foreach (var key in keys)
                    {
                        WriteKey(writer, key, includeSecret: false);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }));

            case "CreateBucketAccessKey":
                if (keys.Count >= MaxKeysPerBucket)
                {
                    return FakeReply.Error(400, "InvalidInputException", "You can have a maximum of two access keys per bucket.");
                }

                var created = new StoredKey(NewId("AKIA", 16), NewId(string.Empty, 40), Clock());
                keys.Add(created);
                return FakeReply.Ok(AwsJson.Write(writer =>
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("accessKey");

                    // The only response that ever carries the secret; it has no lastUsed (the description says so).
                    WriteKey(writer, created, includeSecret: true);
                    WriteOperations(writer, bucketName, operation, created.Id);
                    writer.WriteEndObject();
                }));

            default:
                if (Text(input, "accessKeyId") is not { } accessKeyId)
                {
                    return FakeReply.Error(400, "InvalidInputException", "accessKeyId is required.");
                }

                if (keys.RemoveAll(k => k.Id == accessKeyId) == 0)
                {
                    return NotFound("The access key does not exist: " + accessKeyId);
                }

                return FakeReply.Ok(AwsJson.Write(writer =>
                {
                    writer.WriteStartObject();
                    WriteOperations(writer, bucketName, operation, accessKeyId);
                    writer.WriteEndObject();
                }));
        }
    }

    // Lightsail's error shape: the qualified __type, then code/docs/message/tip.
    private static FakeReply NotFound(string message) =>
        new(400, AwsJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("__type", "com.amazonaws.lightsail#NotFoundException");
            writer.WriteString("code", "NotFound");
            writer.WriteString("docs", "https://lightsail.aws.amazon.com/ls/docs");
            writer.WriteString("message", message);
            writer.WriteString("tip", "Check the name and the region.");
            writer.WriteEndObject();
        }));

    private static void WriteKey(Utf8JsonWriter writer, StoredKey key, bool includeSecret)
    {
        writer.WriteStartObject();
        writer.WriteString("accessKeyId", key.Id);
        if (includeSecret)
        {
            writer.WriteString("secretAccessKey", key.Secret);
        }

        writer.WriteString("status", key.Status);
        AwsJson.WriteEpoch(writer, "createdAt", key.CreatedAt);
        if (!includeSecret)
        {
            // A key never used has no date and "N/A" for region and service.
            writer.WriteStartObject("lastUsed");
            if (key.LastUsed is { } used)
            {
                AwsJson.WriteEpoch(writer, "lastUsedDate", used.Date);
            }

            writer.WriteString("region", key.LastUsed?.Region ?? "N/A");
            writer.WriteString("serviceName", key.LastUsed?.ServiceName ?? "N/A");
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private void WriteOperations(Utf8JsonWriter writer, string bucketName, string operationType, string details)
    {
        var now = Clock();
        writer.WriteStartArray("operations");
        writer.WriteStartObject();
        writer.WriteString("id", Guid.NewGuid().ToString());
        writer.WriteString("resourceName", bucketName);
        writer.WriteString("resourceType", "Bucket");
        AwsJson.WriteEpoch(writer, "createdAt", now);
        writer.WriteStartObject("location");
        writer.WriteString("availabilityZone", "all");
        writer.WriteString("regionName", Region);
        writer.WriteEndObject();
        writer.WriteBoolean("isTerminal", true);
        writer.WriteString("operationDetails", details);
        writer.WriteString("operationType", operationType);
        writer.WriteString("status", "Succeeded");
        AwsJson.WriteEpoch(writer, "statusChangedAt", now);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static string? Text(JsonElement input, string name) =>
        input.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    // Key ids are 20 characters of [A-Z0-9] (the description's pattern); secrets are 40 base64 characters.
    private static string NewId(string prefix, int length) =>
        prefix + RandomNumberGenerator.GetString(prefix.Length > 0 ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", length);

    private sealed class StoredKey(string id, string secret, DateTimeOffset createdAt)
    {
        public string Id { get; } = id;

        public string Secret { get; } = secret;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public string Status { get; set; } = "Active";

        public KeyUse? LastUsed { get; init; }
    }
}

/// <summary>When, where and by which service an access key was last used.</summary>
public sealed record KeyUse(DateTimeOffset Date, string Region, string ServiceName);
