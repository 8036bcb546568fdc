using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
using Contracts.Runtime;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>AWS JSON timestamps are epoch seconds on the wire; the descriptions only say <c>format: date-time</c>.</summary>
public sealed class TimestampTests
{
    private static readonly DateTimeOffset Start = new(2021, 4, 23, 20, 22, 49, TimeSpan.Zero);

    [Fact]
    public async Task Request_timestamps_are_sent_as_epoch_second_numbers()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.Enqueue(FakeReply.Ok("""{"metricName":"CPUUtilization","metricData":[{"average":12.5,"timestamp":1.6192094E9,"unit":"Percent"}]}"""));
        using var http = new HttpClient();

        var result = await Clients.Lightsail(http, fake).GetRelationalDatabaseMetricDataAsync(new GetRelationalDatabaseMetricDataRequest
        {
            RelationalDatabaseName = "orders",
            MetricName = RelationalDatabaseMetricName.CPUUtilization,
            Period = 60,
            StartTime = Start,
            EndTime = Start.AddHours(1).AddMilliseconds(500),
            Unit = MetricUnit.Percent,
            Statistics = [MetricStatistic.Average],
        });

        var sent = Assert.Single(fake.Exchanges).Request;
        Assert.Equal("Lightsail_20161128.GetRelationalDatabaseMetricData", sent.Target);
        using var body = JsonDocument.Parse(sent.Body);
        var startTime = body.RootElement.GetProperty("startTime");
        var endTime = body.RootElement.GetProperty("endTime");
        Assert.Equal(JsonValueKind.Number, startTime.ValueKind);
        Assert.Equal(1619209369d, startTime.GetDouble());
        Assert.Equal(JsonValueKind.Number, endTime.ValueKind);
        Assert.Equal(1619212969.5d, endTime.GetDouble());

        var point = Assert.Single(result.MetricData!);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1619209400), point.Timestamp);
        Assert.Equal(12.5, point.Average);
    }

    [Theory]
    [InlineData("1.619209369E9", 0)]
    [InlineData("1.619209369123E9", 123)]
    [InlineData("1619209369", 0)]
    [InlineData("1619209369.123", 123)]
    [InlineData("\"2021-04-23T20:22:49Z\"", 0)]
    [InlineData("\"2021-04-23T20:22:49.123Z\"", 123)]
    [InlineData("\"2021-04-23T22:22:49.123+02:00\"", 123)]
    public void Response_timestamps_are_read_from_epoch_numbers_and_iso_strings(string createdAt, int milliseconds)
    {
        var key = JsonSerializer.Deserialize("""{"accessKeyId":"AKIA0000000000000000","createdAt":""" + createdAt + "}", LightsailJsonContext.Default.AccessKey)!;

        Assert.Equal(Start.AddMilliseconds(milliseconds), key.CreatedAt);
    }

    [Fact]
    public async Task An_iso_string_from_the_server_is_read_as_well()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.Enqueue(FakeReply.Ok("""{"accessKeys":[{"accessKeyId":"AKIA0000000000000000","status":"Active","createdAt":"2021-04-23T20:22:49Z","lastUsed":{"lastUsedDate":null,"region":"N/A","serviceName":"N/A"}}]}"""));
        using var http = new HttpClient();

        var result = await Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" });

        var key = result.AccessKeys!.Single();
        Assert.Equal(Start, key.CreatedAt);
        Assert.Null(key.LastUsed!.LastUsedDate);
    }

    public static TheoryData<string, string> RepresentableEpochs => new()
    {
        // Epoch seconds as sent, the instant expected (to the millisecond, rounded half away from zero).
        { "-62135596800", "0001-01-01T00:00:00.000+00:00" },
        { "-6.21355968E10", "0001-01-01T00:00:00.000+00:00" },
        { "-62135596800.0004", "0001-01-01T00:00:00.000+00:00" },
        { "253402300799.999", "9999-12-31T23:59:59.999+00:00" },
        { "253402300799.9994", "9999-12-31T23:59:59.999+00:00" },
        { "2.53402300799999E11", "9999-12-31T23:59:59.999+00:00" },
        { "0", "1970-01-01T00:00:00.000+00:00" },
        { "1E-400", "1970-01-01T00:00:00.000+00:00" },
        { "-0.0004", "1970-01-01T00:00:00.000+00:00" },
    };

    [Theory]
    [MemberData(nameof(RepresentableEpochs))]
    public async Task Epoch_seconds_at_the_ends_of_the_range_are_read(string seconds, string expected)
    {
        var point = await ReadMetricTimestampAsync(seconds);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), point);
    }

    [Theory]
    [InlineData("-1e11")]
    [InlineData("253402300799.9999")]
    [InlineData("253402300799.9995")]
    [InlineData("253402300800")]
    [InlineData("-62135596800.001")]
    [InlineData("-62135596801")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775809")]
    [InlineData("1e300")]
    [InlineData("-1e300")]
    [InlineData("1e309")]
    [InlineData("-1e400")]
    [InlineData("\"0001-01-01T00:00:00+01:00\"")]
    [InlineData("\"9999-12-31T23:59:59-01:00\"")]
    public async Task An_epoch_outside_what_a_DateTimeOffset_holds_is_an_ApiException_naming_the_member(string timestamp)
    {
        var error = await Assert.ThrowsAsync<ApiException>(() => ReadMetricTimestampAsync(timestamp));

        Assert.Contains("'timestamp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'MetricDatapoint'", error.Message, StringComparison.Ordinal);
        Assert.Contains("epoch seconds", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    /// <summary>A metric's data point timestamp, read over HTTP by the generated client from <paramref name="timestamp"/> (JSON).</summary>
    private static async Task<DateTimeOffset?> ReadMetricTimestampAsync(string timestamp)
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.Enqueue(FakeReply.Ok("""{"metricName":"CPUUtilization","metricData":[{"average":1,"timestamp":""" + timestamp + "}]}"));
        using var http = new HttpClient();

        var result = await Clients.Lightsail(http, fake, retry: RetryPolicy.None).GetRelationalDatabaseMetricDataAsync(new GetRelationalDatabaseMetricDataRequest
        {
            RelationalDatabaseName = "orders",
            MetricName = RelationalDatabaseMetricName.CPUUtilization,
            Period = 60,
            StartTime = Start,
            EndTime = Start.AddHours(1),
            Unit = MetricUnit.Percent,
            Statistics = [MetricStatistic.Average],
        });

        return Assert.Single(result.MetricData!).Timestamp;
    }

    [Fact]
    public void A_timestamp_that_is_neither_is_a_JsonException_naming_the_member()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"createdAt":true}""", LightsailJsonContext.Default.AccessKey));

        Assert.Contains("createdAt", error.Message);
    }
}
