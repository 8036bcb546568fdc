using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Formats;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.Runtime;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>
/// The formats spec of the generator tests, built by MSBuild into this reflection-free project and called over real HTTP:
/// dates, durations, integer enums and kept members on the wire, both ways.
/// </summary>
public sealed class FormatsOverHttpTests
{
    private const string Stored = """
        {"id":"6f1c2a5e-8d4b-4c1e-9a7f-0b2d3e4f5a6b","day":"2024-02-29","within":"P1DT2H","priority":42,"level":20,"days":["2024-01-01"],"etag":"v7"}
        """;

    [Fact]
    public async Task Dates_durations_and_integer_enums_cross_the_wire_in_their_json_form()
    {
        await using var server = await LoopbackServer.StartAsync(200, Stored);
        using var http = new HttpClient();
        var client = new FormatsClient(http, new FormatsClientOptions { BaseAddress = server.BaseAddress });
        var request = new Sample
        {
            Id = Guid.Parse("6f1c2a5e-8d4b-4c1e-9a7f-0b2d3e4f5a6b"),
            Day = new DateOnly(2024, 2, 29),
            Within = TimeSpan.FromMinutes(90),
            Priority = Priority.ValueMinus1,
            Level = Level.Medium,
        };

        var stored = await client.PutSampleAsync(request, new DateOnly(2025, 12, 31), TimeSpan.FromDays(2), Priority.Value2);

        var sent = Assert.Single(server.Requests);
        Assert.Equal("?day=2025-12-31&within=P2D&priority=2", sent.QueryString);
        Assert.Equal("""{"id":"6f1c2a5e-8d4b-4c1e-9a7f-0b2d3e4f5a6b","day":"2024-02-29","within":"PT1H30M","priority":-1,"level":10}""", sent.BodyText);
        Assert.Equal(new DateOnly(2024, 2, 29), stored.Day);
        Assert.Equal(new TimeSpan(1, 2, 0, 0), stored.Within);
        Assert.Equal(42L, stored.Priority.Value);
        Assert.False(stored.Priority.IsKnown);
        Assert.Equal(Level.High, stored.Level);
        Assert.Equal([new DateOnly(2024, 1, 1)], stored.Days);
        Assert.Equal("v7", stored.Etag);
    }

    [Fact]
    public async Task A_bad_date_in_a_response_names_the_member()
    {
        await using var server = await LoopbackServer.StartAsync(200, Stored.Replace("2024-02-29", "29/02/2024", StringComparison.Ordinal));
        using var http = new HttpClient();
        var client = new FormatsClient(http, new FormatsClientOptions { BaseAddress = server.BaseAddress });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.PutSampleAsync(new Sample { Id = Guid.Empty, Day = default, Priority = Priority.Value1 }));

        Assert.Contains("member 'day' of 'Sample'", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kept_members_round_trip_through_the_context()
    {
        var open = new Open
        {
            Id = "a",
            AdditionalProperties2 = new Dictionary<string, JsonElement> { ["x"] = JsonDocument.Parse("[1,{\"y\":null}]").RootElement },
        };

        var json = JsonSerializer.Serialize(open, FormatsJsonContext.Default.Open);
        var copy = JsonSerializer.Deserialize(json, FormatsJsonContext.Default.Open)!;

        Assert.Equal("""{"id":"a","x":[1,{"y":null}]}""", json);
        Assert.Equal(json, JsonSerializer.Serialize(copy, FormatsJsonContext.Default.Open));
    }
}
