using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Defaults;
using Xunit;

namespace Contracts.IntegrationTests.DefaultsClient;

/// <summary>
/// The client generated for tests/Contracts.Generator.Tests/Specs/defaults.yaml against Kestrel on 127.0.0.1:
/// defaults read where a response leaves a member out and never sent for a member left unset, a one-value enum sent
/// without the user setting it, and Unix times in bodies, query, path, header and form.
/// </summary>
public sealed class DefaultsOverHttpTests
{
    private static readonly DateTimeOffset Noon = new(2024, 2, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_response_without_defaulted_members_reads_their_defaults()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"name":"n"}""");
        using var http = new HttpClient();
        var client = Client(http, server);

        var settings = await client.GetSettingsAsync();

        Assert.Equal(20, settings.Limit);
        Assert.Equal(true, settings.Enabled);
        Assert.Equal(SettingsMode.Slow, settings.Mode);
        Assert.Equal(Level.Value2, settings.Level);
        Assert.Null(settings.Tags);
        Assert.Equal("n", settings.Name);
    }

    [Fact]
    public async Task A_request_without_defaulted_members_does_not_send_them()
    {
        await using var server = await LoopbackServer.StartAsync(204, string.Empty);
        using var http = new HttpClient();
        var client = Client(http, server);

        await client.PutSettingsAsync(new Settings { Name = "n" });

        Assert.Equal("""{"name":"n"}""", server.Requests.Single().BodyText);
    }

    [Fact]
    public async Task A_one_value_enum_is_sent_without_the_user_setting_it()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"role":"user","content":"hi","strict":true}""");
        using var http = new HttpClient();
        var client = Client(http, server);

        var echoed = await client.PostMessageAsync(new UserMessage { Content = "hi" });

        Assert.Equal("""{"role":"user","content":"hi","strict":true}""", server.Requests.Single().BodyText);
        Assert.Equal("user", echoed.Role);
    }

    [Fact]
    public async Task Unix_times_go_as_seconds_in_the_query_and_header_and_come_back_in_the_body()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"data":[{"id":"e1","at":1709208000,"ends":null,"history":[0]}]}""");
        using var http = new HttpClient();
        var client = Client(http, server);

        var events = await client.ListEventsAsync(since: Noon, at: [Noon, Noon.AddSeconds(1)], xUntil: Noon.AddDays(1));

        var request = server.Requests.Single();
        Assert.Equal("?since=1709208000&at=1709208000&at=1709208001", request.QueryString);
        Assert.Equal("1709294400", request.Headers["X-Until"]);
        var item = Assert.Single(events.Data);
        Assert.Equal(Noon, item.At);
        Assert.Null(item.Ends);
        Assert.Equal([DateTimeOffset.UnixEpoch], item.History);
    }

    [Fact]
    public async Task A_unix_time_in_the_path_is_seconds()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"id":"e1","at":1709208000}""");
        using var http = new HttpClient();
        var client = Client(http, server);

        var item = await client.GetEventAtAsync(Noon.ToOffset(TimeSpan.FromHours(9)));

        Assert.Equal("/events/1709208000", server.Requests.Single().Path);
        Assert.Equal(Noon, item.At);
    }

    [Fact]
    public async Task Unix_times_in_a_form_body_are_seconds_and_round_trip()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"id":"e1","at":1709208000,"ends":1709211600,"history":[1709208000,1709208001]}""");
        using var http = new HttpClient();
        var client = Client(http, server);
        var sent = new Event { Id = "e1", At = Noon, Ends = Noon.AddHours(1), History = [Noon, Noon.AddSeconds(1)] };

        var stored = await client.CreateEventAsync(sent);

        Assert.Equal("id=e1&at=1709208000&ends=1709211600&history=1709208000&history=1709208001", server.Requests.Single().BodyText);
        Assert.Equal(sent.At, stored.At);
        Assert.Equal(sent.Ends, stored.Ends);
        Assert.Equal(sent.History, stored.History);
    }

    [Fact]
    public async Task A_unix_time_out_of_range_is_an_ApiException_naming_the_member()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"id":"e1","at":99999999999999}""");
        using var http = new HttpClient();
        var client = Client(http, server);

        var error = await Assert.ThrowsAnyAsync<Contracts.Runtime.ApiException>(() => client.GetEventAtAsync(Noon));

        Assert.Contains("'at' of 'Event'", error.Message, StringComparison.Ordinal);
        Assert.Contains("out of its range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_unix_time_body_is_read_as_seconds()
    {
        await using var server = await LoopbackServer.StartAsync(200, "1709208000");
        using var http = new HttpClient();
        var client = Client(http, server);

        Assert.Equal(Noon, await client.GetClockAsync());
    }

    private static Defaults.DefaultsClient Client(HttpClient http, LoopbackServer server) =>
        new(http, new DefaultsClientOptions { BaseAddress = server.BaseAddress });
}
