using System;
using System.Linq;
using System.Text.Json;
using Contracts.IntegrationTests.Lightsail;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>The generated JSON context, with reflection-based serialization switched off for this project.</summary>
public sealed class JsonRoundTripTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reflection_based_serialization_is_disabled_in_this_project()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
    }

    [Fact]
    public void BucketAccessKeys_with_two_keys_round_trips()
    {
        var original = new BucketAccessKeys
        {
            Id = "bucket-1",
            CreatedAt = Created,
            AccessKeys =
            [
                new AccessKey
                {
                    AccessKeyId = "AK1",
                    SecretAccessKey = "s3cr3t",
                    Status = StatusType.Active,
                    CreatedAt = Created.AddDays(1),
                    LastUsed = new AccessKeyLastUsed { LastUsedDate = Created.AddDays(2), Region = "us-east-1", ServiceName = "s3" },
                },
                new AccessKey { AccessKeyId = "AK2", Status = StatusType.Inactive },
            ],
        };

        var json = JsonSerializer.Serialize(original, LightsailJsonContext.Default.BucketAccessKeys);
        var copy = JsonSerializer.Deserialize(json, LightsailJsonContext.Default.BucketAccessKeys);

        Assert.NotNull(copy);
        Assert.Equal(original.Id, copy!.Id);
        Assert.Equal(original.CreatedAt, copy.CreatedAt);
        Assert.NotNull(copy.AccessKeys);
        Assert.Equal(2, copy.AccessKeys!.Count);

        // Records compare lists by reference, so compare the keys one by one (AccessKey's members are all values).
        Assert.Equal(original.AccessKeys[0], copy.AccessKeys[0]);
        Assert.Equal(original.AccessKeys[1], copy.AccessKeys[1]);
        Assert.Equal(json, JsonSerializer.Serialize(copy, LightsailJsonContext.Default.BucketAccessKeys));
    }

    [Fact]
    public void Wire_names_are_the_spec_property_names()
    {
        var json = JsonSerializer.Serialize(
            new BucketAccessKeys { Id = "b", CreatedAt = Created, AccessKeys = [new AccessKey { AccessKeyId = "AK" }] },
            LightsailJsonContext.Default.BucketAccessKeys);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(["id", "created_at", "accessKeys"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Created, document.RootElement.GetProperty("created_at").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("Active")]
    [InlineData("Inactive")]
    public void StatusType_is_written_and_read_as_its_spec_string(string text)
    {
        var value = text == "Active" ? StatusType.Active : StatusType.Inactive;
        Assert.Equal("\"" + text + "\"", JsonSerializer.Serialize(value, LightsailJsonContext.Default.StatusType));
        Assert.Equal(value, JsonSerializer.Deserialize("\"" + text + "\"", LightsailJsonContext.Default.StatusType));

        var key = JsonSerializer.Serialize(new AccessKey { Status = value }, LightsailJsonContext.Default.AccessKey);
        Assert.Equal("{\"status\":\"" + text + "\"}", key);
    }

    [Fact]
    public void An_unknown_enum_string_is_kept_and_written_back_unchanged()
    {
        var key = JsonSerializer.Deserialize("{\"status\":\"Suspended\"}", LightsailJsonContext.Default.AccessKey)!;

        Assert.Equal("Suspended", key.Status?.Value);
        Assert.False(key.Status?.IsKnown);
        Assert.NotEqual(StatusType.Active, key.Status);
        Assert.Equal("{\"status\":\"Suspended\"}", JsonSerializer.Serialize(key, LightsailJsonContext.Default.AccessKey));
    }

    [Fact]
    public void Known_enum_values_compare_equal_and_list_themselves()
    {
        var read = JsonSerializer.Deserialize("\"Active\"", LightsailJsonContext.Default.StatusType);

        Assert.True(read == StatusType.Active);
        Assert.True(read.IsKnown);
        Assert.Equal([StatusType.Active, StatusType.Inactive], StatusType.KnownValues);
        Assert.Equal(StatusType.Active, (StatusType)"Active");
    }

    [Fact]
    public void A_non_string_enum_value_throws_JsonException_naming_the_type()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"status\":3}", LightsailJsonContext.Default.AccessKey));

        Assert.Contains("StatusType", error.Message);
    }

    [Fact]
    public void A_null_lastUsedDate_round_trips()
    {
        var read = JsonSerializer.Deserialize("""{"lastUsedDate": null, "region": "N/A"}""", LightsailJsonContext.Default.AccessKeyLastUsed);

        Assert.NotNull(read);
        Assert.Null(read!.LastUsedDate);
        Assert.Equal("N/A", read.Region);

        var again = JsonSerializer.Deserialize(JsonSerializer.Serialize(read, LightsailJsonContext.Default.AccessKeyLastUsed), LightsailJsonContext.Default.AccessKeyLastUsed);
        Assert.Equal(read, again);
    }

    [Fact]
    public void Optional_members_that_are_not_set_are_not_written()
    {
        Assert.Equal("{\"accessKeyId\":\"AK\"}", JsonSerializer.Serialize(new AccessKey { AccessKeyId = "AK" }, LightsailJsonContext.Default.AccessKey));
        Assert.Equal("{}", JsonSerializer.Serialize(new AccessKeyLastUsed(), LightsailJsonContext.Default.AccessKeyLastUsed));
        using var bucket = JsonDocument.Parse(JsonSerializer.Serialize(new BucketAccessKeys { Id = "b", CreatedAt = Created }, LightsailJsonContext.Default.BucketAccessKeys));
        Assert.Equal(["id", "created_at"], bucket.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_missing_required_member_throws_JsonException_naming_it()
    {
        var exception = Assert.Throws<JsonException>(
            () => JsonSerializer.Deserialize("""{"created_at": "2025-01-01T00:00:00Z"}""", LightsailJsonContext.Default.BucketAccessKeys));

        Assert.Contains("'id'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_request_serializes_to_its_wire_shape()
    {
        Assert.Equal(
            "{\"bucketName\":\"my-bucket\"}",
            JsonSerializer.Serialize(new GetBucketAccessKeysRequest { BucketName = "my-bucket" }, LightsailJsonContext.Default.GetBucketAccessKeysRequest));
    }

    [Fact]
    public void The_error_reads_from_its_wire_shape()
    {
        var error = JsonSerializer.Deserialize("""{"code": "VALIDATION_ERROR", "message": "Invalid request parameters"}""", LightsailJsonContext.Default.EnvelopeError);

        Assert.Equal(new EnvelopeError { Code = "VALIDATION_ERROR", Message = "Invalid request parameters" }, error);
    }
}
