using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Contracts.Benchmarks.Wire.Models;
using Contracts.Benchmarks.Wire.Ours;
using K = Contracts.Benchmarks.Peers.Kiota.Models;
using KEnvelope = Contracts.Benchmarks.Peers.Kiota.XAmzTargetLightsail_20161128GetBucketAccessKeys.GetBucketAccessKeysPostResponse;

namespace Contracts.Benchmarks.Wire;

/// <summary>
/// One GetBucketAccessKeys result of a given size, as each serializer's model holds it, and as the JSON bytes every
/// reader reads. Deterministic (fixed seed): keys alternate status, most were used recently, every fourth never
/// (its <c>lastUsedDate</c> is an explicit null, as the contract allows).
/// </summary>
public sealed class Payload
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-2", "ap-southeast-1", "ca-central-1"];
    private static readonly string[] Services = ["s3", "lightsail", "cloudfront"];

    private Payload(int keys)
    {
        var random = new Random(20161128 + keys);
        var epoch = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var list = new List<AccessKey>(keys);
        for (var i = 0; i < keys; i++)
        {
            var created = epoch.AddSeconds(random.Next(0, 31_536_000));
            var neverUsed = i % 4 == 3;
            list.Add(new AccessKey
            {
                AccessKeyId = "AKIA" + random.NextInt64().ToString("X16", System.Globalization.CultureInfo.InvariantCulture),
                Status = i % 2 == 0 ? StatusType.Active : StatusType.Inactive,
                CreatedAt = created,
                LastUsed = new AccessKeyLastUsed
                {
                    LastUsedDate = neverUsed ? null : created.AddSeconds(random.Next(1, 5_000_000)),
                    Region = neverUsed ? "N/A" : Regions[random.Next(Regions.Length)],
                    ServiceName = neverUsed ? "N/A" : Services[random.Next(Services.Length)],
                },
            });
        }

        Ours = new BucketAccessKeys { Id = "bucket-" + keys.ToString(System.Globalization.CultureInfo.InvariantCulture), CreatedAt = epoch.AddDays(-30), AccessKeys = list };
        Reference = ToReference(Ours);
        ReferenceEnvelope = new RefEnvelope { Success = true, Data = Reference };
        Kiota = ToKiota(Ours);
        KiotaEnvelope = new KEnvelope { Success = true, Data = Kiota };
        Json = WriteFixture(Ours, enveloped: false);
        EnvelopeJson = WriteFixture(Ours, enveloped: true);
    }

    public BucketAccessKeys Ours { get; }

    public RefBucketAccessKeys Reference { get; }

    public RefEnvelope ReferenceEnvelope { get; }

    public K.BucketAccessKeys Kiota { get; }

    public KEnvelope KiotaEnvelope { get; }

    /// <summary>The bare <c>data</c> payload, as every reader reads it.</summary>
    public byte[] Json { get; }

    /// <summary><c>{"success":true,"data":{…}}</c>, as every reader reads it.</summary>
    public byte[] EnvelopeJson { get; }

    private static readonly Dictionary<int, Payload> Cache = new();

    public static Payload Of(int keys)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(keys, out var payload))
            {
                Cache[keys] = payload = new Payload(keys);
            }

            return payload;
        }
    }

    /// <summary>The input JSON, written independently of every serializer measured (explicit nulls, service-like ordering).</summary>
    private static byte[] WriteFixture(BucketAccessKeys value, bool enveloped)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (enveloped)
            {
                writer.WriteStartObject();
                writer.WriteBoolean("success", true);
                writer.WritePropertyName("data");
            }

            writer.WriteStartObject();
            writer.WriteString("id", value.Id);
            writer.WriteString("created_at", value.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteStartArray("accessKeys");
            foreach (var key in value.AccessKeys!)
            {
                writer.WriteStartObject();
                writer.WriteString("accessKeyId", key.AccessKeyId);
                writer.WriteString("status", key.Status!.Value.Value);
                writer.WriteString("createdAt", key.CreatedAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteStartObject("lastUsed");
                if (key.LastUsed!.LastUsedDate is { } used)
                {
                    writer.WriteString("lastUsedDate", used.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteNull("lastUsedDate");
                }

                writer.WriteString("region", key.LastUsed.Region);
                writer.WriteString("serviceName", key.LastUsed.ServiceName);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            if (enveloped)
            {
                writer.WriteEndObject();
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static RefBucketAccessKeys ToReference(BucketAccessKeys value) => new()
    {
        Id = value.Id,
        CreatedAt = value.CreatedAt,
        AccessKeys = value.AccessKeys?.Select(key => new RefAccessKey
        {
            AccessKeyId = key.AccessKeyId,
            SecretAccessKey = key.SecretAccessKey,
            Status = key.Status is { } status ? Enum.Parse<RefStatusType>(status.Value) : null,
            CreatedAt = key.CreatedAt,
            LastUsed = key.LastUsed is { } used ? new RefAccessKeyLastUsed { LastUsedDate = used.LastUsedDate, Region = used.Region, ServiceName = used.ServiceName } : null,
        }).ToList(),
    };

    private static K.BucketAccessKeys ToKiota(BucketAccessKeys value) => new()
    {
        Id = value.Id,
        CreatedAt = value.CreatedAt,
        AccessKeys = value.AccessKeys?.Select(key => new K.AccessKey
        {
            AccessKeyId = key.AccessKeyId,
            SecretAccessKey = key.SecretAccessKey,
            Status = key.Status is { } status ? Enum.Parse<K.StatusType>(status.Value) : null,
            CreatedAt = key.CreatedAt,
            LastUsed = key.LastUsed is { } used ? new K.AccessKeyLastUsed { LastUsedDate = used.LastUsedDate, Region = used.Region, ServiceName = used.ServiceName } : null,
        }).ToList(),
    };
}
