using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>AWS adds enum values without a new API version; a client generated earlier must keep them, not fail.</summary>
public sealed class OpenEnumTests
{
    [Fact]
    public async Task A_status_the_description_does_not_list_is_kept_and_written_back_unchanged()
    {
        await using var fake = await FakeLightsail.StartAsync();
        fake.AddBucket("photos");
        var rotating = fake.AddAccessKey("photos");
        var active = fake.AddAccessKey("photos");
        fake.SetAccessKeyStatus("photos", rotating, "Rotating");
        using var http = new HttpClient();

        var result = await Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "photos" });

        var unknown = result.AccessKeys!.Single(k => k.AccessKeyId == rotating).Status!.Value;
        Assert.Equal("Rotating", unknown.Value);
        Assert.False(unknown.IsKnown);
        Assert.NotEqual(StatusType.Active, unknown);
        Assert.Equal((StatusType)"Rotating", unknown);
        var known = result.AccessKeys!.Single(k => k.AccessKeyId == active).Status!.Value;
        Assert.True(known.IsKnown);
        Assert.Equal(StatusType.Active, known);

        var json = JsonSerializer.Serialize(result, LightsailJsonContext.Default.GetBucketAccessKeysResult);
        Assert.Contains("\"status\":\"Rotating\"", json);
        var again = JsonSerializer.Deserialize(json, LightsailJsonContext.Default.GetBucketAccessKeysResult)!;
        Assert.Equal(result.AccessKeys!.Select(k => k.Status), again.AccessKeys!.Select(k => k.Status));
    }

    [Fact]
    public void An_unknown_value_can_be_sent_in_a_request()
    {
        var request = new GetRelationalDatabaseMetricDataRequest
        {
            RelationalDatabaseName = "db",
            MetricName = (RelationalDatabaseMetricName)"ReplicaLag",
            Period = 60,
            StartTime = default,
            EndTime = default,
            Unit = MetricUnit.Seconds,
            Statistics = [(MetricStatistic)"p99"],
        };

        var json = JsonSerializer.Serialize(request, LightsailJsonContext.Default.GetRelationalDatabaseMetricDataRequest);

        Assert.Contains("\"metricName\":\"ReplicaLag\"", json);
        Assert.Contains("\"statistics\":[\"p99\"]", json);
    }
}
