using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
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

    [Fact]
    public void A_timestamp_that_is_neither_is_a_JsonException_naming_the_member()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"createdAt":true}""", LightsailJsonContext.Default.AccessKey));

        Assert.Contains("createdAt", error.Message);
    }
}
