using System;
using System.Collections.Generic;
using System.Text.Json;
using Contracts.Benchmarks.Wire.Ours;

namespace Contracts.Benchmarks.Wire.Serializers;

/// <summary>
/// The ceiling: a hand-written <see cref="Utf8JsonReader"/>/<see cref="Utf8JsonWriter"/> pair over our generated
/// model types, with the checks a correct reader needs (token kinds, required members, unknown members skipped)
/// but no serializer entry, no options, no error context. Writing reuses one buffer and writer per thread, as
/// <c>JsonSerializer.SerializeToUtf8Bytes</c> does internally.
/// </summary>
public static class HandWrittenWire
{
    private static readonly JsonEncodedText Success = JsonEncodedText.Encode("success");
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText BucketCreatedAt = JsonEncodedText.Encode("created_at");
    private static readonly JsonEncodedText AccessKeys = JsonEncodedText.Encode("accessKeys");
    private static readonly JsonEncodedText AccessKeyId = JsonEncodedText.Encode("accessKeyId");
    private static readonly JsonEncodedText SecretAccessKey = JsonEncodedText.Encode("secretAccessKey");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    private static readonly JsonEncodedText LastUsed = JsonEncodedText.Encode("lastUsed");
    private static readonly JsonEncodedText LastUsedDate = JsonEncodedText.Encode("lastUsedDate");
    private static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");
    private static readonly JsonEncodedText ServiceName = JsonEncodedText.Encode("serviceName");

    public static BucketAccessKeys Read(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var value = ReadBucket(ref reader);
        EnsureEnd(ref reader);
        return value;
    }

    public static BucketAccessKeys ReadEnvelope(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
        bool? success = null;
        BucketAccessKeys? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("success"u8))
            {
                reader.Read();
                success = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => throw new JsonException("success is not a boolean"),
                };
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                data = reader.TokenType == JsonTokenType.Null ? null : ReadBucket(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        EnsureEnd(ref reader);
        return success == true && data is not null ? data : throw new JsonException("not a success envelope");
    }

    public static byte[] Write(BucketAccessKeys value)
    {
        var writer = PooledWriter.Rent(out var buffer);
        WriteBucket(writer, value);
        return PooledWriter.ToArray(writer, buffer);
    }

    public static byte[] WriteEnvelope(BucketAccessKeys value)
    {
        var writer = PooledWriter.Rent(out var buffer);
        writer.WriteStartObject();
        writer.WriteBoolean(Success, true);
        writer.WritePropertyName(Data);
        WriteBucket(writer, value);
        writer.WriteEndObject();
        return PooledWriter.ToArray(writer, buffer);
    }

    private static BucketAccessKeys ReadBucket(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        string? id = null;
        DateTimeOffset created = default;
        var hasCreated = false;
        List<AccessKey>? keys = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("created_at"u8))
            {
                reader.Read();
                Expect(reader.TokenType == JsonTokenType.String);
                created = reader.GetDateTimeOffset();
                hasCreated = true;
            }
            else if (reader.ValueTextEquals("accessKeys"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    Expect(reader.TokenType == JsonTokenType.StartArray);
                    keys = new List<AccessKey>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        keys.Add(ReadKey(ref reader));
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Expect(id is not null && hasCreated);
        return new BucketAccessKeys { Id = id!, CreatedAt = created, AccessKeys = keys };
    }

    private static AccessKey ReadKey(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        string? id = null, secret = null;
        StatusType? status = null;
        DateTimeOffset? created = null;
        AccessKeyLastUsed? lastUsed = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("accessKeyId"u8))
            {
                reader.Read();
                id = ReadNullableString(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                status = reader.TokenType switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.String when reader.ValueTextEquals("Active"u8) => StatusType.Active,
                    JsonTokenType.String when reader.ValueTextEquals("Inactive"u8) => StatusType.Inactive,
                    JsonTokenType.String => new StatusType(reader.GetString()!),
                    _ => throw new JsonException("status is not a string"),
                };
            }
            else if (reader.ValueTextEquals("createdAt"u8))
            {
                reader.Read();
                created = ReadNullableDate(ref reader);
            }
            else if (reader.ValueTextEquals("lastUsed"u8))
            {
                reader.Read();
                lastUsed = reader.TokenType == JsonTokenType.Null ? null : ReadLastUsed(ref reader);
            }
            else if (reader.ValueTextEquals("secretAccessKey"u8))
            {
                reader.Read();
                secret = ReadNullableString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new AccessKey { AccessKeyId = id, SecretAccessKey = secret, Status = status, CreatedAt = created, LastUsed = lastUsed };
    }

    private static AccessKeyLastUsed ReadLastUsed(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        DateTimeOffset? date = null;
        string? region = null, service = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("lastUsedDate"u8))
            {
                reader.Read();
                date = ReadNullableDate(ref reader);
            }
            else if (reader.ValueTextEquals("region"u8))
            {
                reader.Read();
                region = ReadNullableString(ref reader);
            }
            else if (reader.ValueTextEquals("serviceName"u8))
            {
                reader.Read();
                service = ReadNullableString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new AccessKeyLastUsed { LastUsedDate = date, Region = region, ServiceName = service };
    }

    private static void WriteBucket(Utf8JsonWriter writer, BucketAccessKeys value)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, value.Id);
        writer.WriteString(BucketCreatedAt, value.CreatedAt);
        if (value.AccessKeys is { } keys)
        {
            writer.WriteStartArray(AccessKeys);
            for (var i = 0; i < keys.Count; i++)
            {
                WriteKey(writer, keys[i]);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteKey(Utf8JsonWriter writer, AccessKey key)
    {
        writer.WriteStartObject();
        if (key.AccessKeyId is { } id)
        {
            writer.WriteString(AccessKeyId, id);
        }

        if (key.SecretAccessKey is { } secret)
        {
            writer.WriteString(SecretAccessKey, secret);
        }

        if (key.Status is { } status)
        {
            writer.WriteString(Status, status.Value);
        }

        if (key.CreatedAt is { } created)
        {
            writer.WriteString(CreatedAt, created);
        }

        if (key.LastUsed is { } used)
        {
            writer.WriteStartObject(LastUsed);
            if (used.LastUsedDate is { } date)
            {
                writer.WriteString(LastUsedDate, date);
            }

            if (used.Region is { } region)
            {
                writer.WriteString(Region, region);
            }

            if (used.ServiceName is { } service)
            {
                writer.WriteString(ServiceName, service);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.String);
        return reader.GetString()!;
    }

    private static string? ReadNullableString(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadString(ref reader);

    private static DateTimeOffset? ReadNullableDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(reader.TokenType == JsonTokenType.String);
        return reader.GetDateTimeOffset();
    }

    private static void EnsureEnd(ref Utf8JsonReader reader) => Expect(!reader.Read());

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new JsonException("unexpected JSON");
        }
    }
}
