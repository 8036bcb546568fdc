using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Contracts.Benchmarks.Client;

/// <summary>One access key as every client must return it.</summary>
internal sealed record ExpectedKey(string AccessKeyId, string Status, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedDate);

/// <summary>
/// The bodies the in-memory service answers with: a GetBucketAccessKeys result of <c>keys</c> access keys, wrapped in
/// the seed's success envelope (for our seed client and the peers) or bare in AWS JSON form (for the AWS-protocol client).
/// Built once per benchmark parameter, never per call.
/// </summary>
internal static class CannedResponses
{
    public const string BucketName = "benchmark-bucket";
    public const string BucketId = "bucket-3f1c2a";
    public const string Target = "Lightsail_20161128.GetBucketAccessKeys";
    public static readonly DateTimeOffset BucketCreatedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ExpectedKey[] Expected(int keys)
    {
        var expected = new ExpectedKey[keys];
        for (var i = 0; i < keys; i++)
        {
            // Half the keys have been used, half never (a null date): both branches of the readers run.
            expected[i] = new ExpectedKey(
                "AKIA" + i.ToString("D16", CultureInfo.InvariantCulture),
                i % 2 == 0 ? "Active" : "Inactive",
                BucketCreatedAt.AddMinutes(i + 1),
                i % 2 == 0 ? BucketCreatedAt.AddDays(30).AddSeconds(i) : null);
        }

        return expected;
    }

    /// <summary><c>{"success":true,"data":{"id":…,"created_at":…,"accessKeys":[…]}}</c>, ISO-8601 dates.</summary>
    public static byte[] Enveloped(int keys) => Write(keys, enveloped: true);

    /// <summary><c>{"accessKeys":[…]}</c> with epoch-second dates, as AWS JSON 1.1 sends them.</summary>
    public static byte[] AwsJson(int keys) => Write(keys, enveloped: false);

    private static byte[] Write(int keys, bool enveloped)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (enveloped)
            {
                writer.WriteBoolean("success", true);
                writer.WriteStartObject("data");
                writer.WriteString("id", BucketId);
                writer.WriteString("created_at", BucketCreatedAt);
            }

            writer.WriteStartArray("accessKeys");
            foreach (var key in Expected(keys))
            {
                writer.WriteStartObject();
                writer.WriteString("accessKeyId", key.AccessKeyId);
                writer.WriteString("status", key.Status);
                WriteDate(writer, "createdAt", key.CreatedAt, enveloped);
                writer.WriteStartObject("lastUsed");
                if (key.LastUsedDate is { } lastUsed)
                {
                    WriteDate(writer, "lastUsedDate", lastUsed, enveloped);
                }
                else
                {
                    writer.WriteNull("lastUsedDate");
                }

                writer.WriteString("region", key.LastUsedDate is null ? "N/A" : "us-east-1");
                writer.WriteString("serviceName", key.LastUsedDate is null ? "N/A" : "s3");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (enveloped)
            {
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateTimeOffset value, bool iso)
    {
        if (iso)
        {
            writer.WriteString(name, value);
        }
        else
        {
            writer.WriteNumber(name, value.ToUnixTimeSeconds());
        }
    }
}
