using System;
using System.Collections.Generic;
using System.Text.Json;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Defaults;

/// <summary>
/// Specs/defaults.yaml through the generated JSON context: defaults read where a response leaves a member out (and
/// never sent for a member left unset), members with one possible value set for the user, and Unix times.
/// </summary>
public sealed class DefaultsBehaviourTests(DefaultsBehaviourTests.Output fixture) : IClassFixture<DefaultsBehaviourTests.Output>
{
    private const string Context = "Contracts.Tests.Defaults.DefaultsJsonContext";
    private const string Ns = "Contracts.Tests.Defaults.";

    private readonly LoadedOutput _output = fixture.Loaded;

    [Fact]
    public void Members_a_response_leaves_out_read_as_their_defaults()
    {
        var settings = _output.Deserialize(Context, "Settings", "{}")!;

        Assert.Equal(20, Get(settings, "Limit"));
        Assert.Equal(9007199254740993L, Get(settings, "Big"));
        Assert.Equal(0.5d, Get(settings, "Ratio"));
        Assert.Equal(1.25m, Get(settings, "Money"));
        Assert.Equal(2.5f, Get(settings, "Small"));
        Assert.Equal(true, Get(settings, "Enabled"));
        Assert.Equal("say \"hi\"\n</summary>", Get(settings, "Greeting"));
        Assert.Equal("slow", Get(Get(settings, "Mode")!, "Value"));
        Assert.Equal(2L, Get(Get(settings, "Level")!, "Value"));

        // Defaults of arrays are documented only; a null default and no default read as null.
        Assert.Null(Get(settings, "Tags"));
        Assert.Null(Get(settings, "Note"));
        Assert.Null(Get(settings, "Name"));
    }

    [Fact]
    public void A_value_sent_wins_over_the_default_and_an_explicit_null_stays_null()
    {
        var settings = _output.Deserialize(Context, "Settings", """{"limit":5,"enabled":null,"mode":"fast"}""")!;

        Assert.Equal(5, Get(settings, "Limit"));
        Assert.Null(Get(settings, "Enabled"));
        Assert.Equal("fast", Get(Get(settings, "Mode")!, "Value"));
    }

    [Fact]
    public void A_record_built_in_code_sends_only_the_members_that_were_set()
    {
        var settings = _output.Create(Ns + "Settings", [], ("Name", "n"));

        Assert.Equal("""{"name":"n"}""", _output.Serialize(Context, "Settings", settings));
        Assert.Null(Get(settings, "Limit"));
    }

    [Fact]
    public void A_record_read_then_written_writes_the_defaults_it_read()
    {
        // The documented trade: the value read is the value the service meant, so writing it back sends it explicitly.
        var settings = _output.Deserialize(Context, "Settings", """{"name":"n"}""")!;

        var json = _output.Serialize(Context, "Settings", settings);

        Assert.StartsWith("""{"limit":20,"big":9007199254740993,"ratio":0.5,"money":1.25,"small":2.5,"enabled":true,""", json, StringComparison.Ordinal);
        Assert.EndsWith(""","mode":"slow","level":2,"name":"n"}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_with_one_possible_value_is_sent_without_being_set()
    {
        var message = _output.Create(Ns + "UserMessage", [], ("Content", "hi"));

        Assert.Equal("""{"role":"user","content":"hi","strict":true}""", _output.Serialize(Context, "UserMessage", message));
    }

    [Fact]
    public void A_response_with_another_value_of_a_one_value_enum_still_reads()
    {
        var message = _output.Deserialize(Context, "UserMessage", """{"role":"assistant","content":"hi","strict":true}""")!;

        // Kept as it came, as the open enum kept it.
        Assert.Equal("assistant", Get(message, "Role"));
    }

    [Fact]
    public void A_response_without_a_required_constant_is_still_an_error()
    {
        var error = Assert.Throws<JsonException>(() => _output.Deserialize(Context, "UserMessage", """{"content":"hi","strict":true}"""));

        Assert.Contains("'role'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unix_times_read_and_write_as_whole_seconds()
    {
        const string Json = """{"id":"e","at":1700000000,"ends":-1,"history":[0,253402300799]}""";

        var item = _output.Deserialize(Context, "Event", Json)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), Get(item, "At"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(-1), Get(item, "Ends"));
        Assert.Equal([DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue.AddTicks(-(TimeSpan.TicksPerSecond - 1))], (IEnumerable<DateTimeOffset>)Get(item, "History")!);
        Assert.Equal(Json, _output.Serialize(Context, "Event", item));
    }

    [Fact]
    public void A_fractional_unix_time_is_read_to_the_millisecond_and_written_in_whole_seconds()
    {
        var item = _output.Deserialize(Context, "Event", """{"id":"e","at":1.5}""")!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1500), Get(item, "At"));
        Assert.Equal("""{"id":"e","at":1}""", _output.Serialize(Context, "Event", item));
    }

    [Fact]
    public void A_unix_time_given_as_a_local_time_is_written_as_the_same_instant()
    {
        var at = new DateTimeOffset(2024, 2, 29, 13, 0, 0, TimeSpan.FromHours(-5));
        var item = _output.Create(Ns + "Event", [], ("Id", "e"), ("At", at));

        Assert.Equal("""{"id":"e","at":""" + at.ToUnixTimeSeconds() + "}", _output.Serialize(Context, "Event", item));
    }

    [Theory]
    [InlineData("253402300800", "out of its range")]
    [InlineData("-62135596801", "out of its range")]
    [InlineData("1e300", "out of its range")]
    [InlineData("\"2024-02-29T00:00:00Z\"", "a Unix time in seconds")]
    public void An_unreadable_unix_time_is_a_JsonException_naming_the_member(string value, string expected)
    {
        var error = Assert.Throws<JsonException>(() => _output.Deserialize(Context, "Event", """{"id":"e","at":""" + value + "}"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("'at' of 'Event'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_unix_time_body_reads_and_writes_as_seconds()
    {
        var clock = _output.Deserialize(Context, "UnixTime", "1700000000");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), clock);
        Assert.Equal("1700000000", _output.Serialize(Context, "UnixTime", clock));
    }

    private static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);

    /// <summary>The generated assembly, built and loaded once for the class.</summary>
    public sealed class Output : IDisposable
    {
        internal LoadedOutput Loaded { get; } =
            LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/defaults.yaml", "Contracts.Tests.Defaults", "DefaultsClient")));

        public void Dispose() => Loaded.Dispose();
    }
}
