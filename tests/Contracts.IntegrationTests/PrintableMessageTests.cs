using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Hostile;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.IntegrationTests.Lightsail;
using Contracts.IntegrationTests.Unions;
using Contracts.Runtime;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>
/// A server's text in what an exception prints, over real HTTP on 127.0.0.1, for each route it takes: an envelope's
/// error code and message, a typed error's body, a union's discriminator, an enum value in the body. Line breaks and
/// invisible or bidirectional characters come out escaped, and long text is cut.
/// </summary>
public sealed class PrintableMessageTests
{
    // Decoded from JSON escapes, so these are real CR, LF, U+202E… in the values the client reads.
    private const string HostileJson = @"denied\r\n2025-01-01 INFO forged\u202Egnp.exe\u2066\u2069\u200B\uFEFF";
    private const string HostileEscaped = @"denied\r\n2025-01-01 INFO forged\u202Egnp.exe\u2066\u2069\u200B\uFEFF";
    private const string HostileValue = "denied\r\n2025-01-01 INFO forged\u202Egnp.exe\u2066\u2069\u200B\uFEFF";

    [Fact]
    public async Task An_envelope_error_code_and_message_print_escaped_and_stay_data()
    {
        var body = "{\"success\": false, \"error\": {\"code\": \"" + HostileJson + "\", \"message\": \"" + HostileJson + "\"}}";
        await using var server = await LoopbackServer.StartAsync(400, body);
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<EnvelopeError>>(() => LightsailClient(http, server).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "b" }));

        Assert.Contains("(" + HostileEscaped + ": " + HostileEscaped + ")", exception.Message, StringComparison.Ordinal);
        PrintableAssert.Printable(exception);
        Assert.Equal(HostileValue, exception.ErrorCode);
        Assert.Equal(HostileValue, exception.Error.Message);
    }

    [Fact]
    public async Task A_long_envelope_error_message_is_cut()
    {
        var body = "{\"success\": false, \"error\": {\"code\": \"E\", \"message\": \"" + new string('m', 100_000) + "\"}}";
        await using var server = await LoopbackServer.StartAsync(400, body);
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<EnvelopeError>>(() => LightsailClient(http, server).GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "b" }));

        Assert.Contains("(E: " + new string('m', ResponseText.MaxExcerptLength) + "…)", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Message.Length < 1_000, exception.Message.Length.ToString());
        Assert.Equal(100_000, exception.ErrorMessage!.Length);
    }

    [Fact]
    public async Task A_typed_error_body_prints_escaped()
    {
        // Raw CR/LF between tokens and a raw U+202E inside a string are valid JSON: the excerpt is what prints.
        var body = "{\"title\": \"gone\u202Etxt.exe\",\r\n\"status\": 404}";
        await using var server = await LoopbackServer.StartAsync(404, body);
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<Problem>>(() => HostileResponseTests.Client(http, server).GetItemAsync("a"));

        Assert.Contains("gone\\u202Etxt.exe\",\\r\\n\"status\"", exception.Message, StringComparison.Ordinal);
        PrintableAssert.Printable(exception);
    }

    [Fact]
    public async Task A_typed_error_s_title_stays_data()
    {
        await using var server = await LoopbackServer.StartAsync(404, "{\"title\": \"" + HostileJson + "\", \"status\": 404}");
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<Problem>>(() => HostileResponseTests.Client(http, server).GetItemAsync("a"));

        Assert.Equal(HostileValue, exception.Error.Title);
        Assert.Contains(HostileEscaped, exception.Message, StringComparison.Ordinal);
        PrintableAssert.Printable(exception);
    }

    [Fact]
    public async Task An_unknown_union_discriminator_prints_escaped_and_short()
    {
        // The review's case: one discriminator value made a 2,466-character message.
        var value = HostileJson + new string('z', 2_400);
        await using var server = await LoopbackServer.StartAsync(201, "{\"petType\": \"" + value + "\", \"name\": \"Tom\"}");
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => new UnionsClient(http, new UnionsClientOptions { BaseAddress = server.BaseAddress })
            .CreatePetAsync(new Dog { Name = "Rex", GoodBoy = true }));

        Assert.Contains("'petType' value 'denied\\r\\n2025-01-01 INFO forged\\u202E", exception.Message, StringComparison.Ordinal);
        PrintableAssert.Printable(exception);
        Assert.True(exception.Message.Length < 1_000, exception.Message.Length.ToString());
        var inner = Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.True(inner.Message.Length < 500, inner.Message.Length.ToString());
    }

    [Fact]
    public async Task An_enum_value_in_an_unreadable_body_prints_escaped()
    {
        await using var server = await LoopbackServer.StartAsync(200, "{\"kind\": \"\u202Elarge\u2066\", \"id\": \"a\", \"count\": \"seven\"}");
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => HostileResponseTests.Client(http, server).GetItemAsync("a"));

        Assert.Contains("\"kind\": \"\\u202Elarge\\u2066\"", exception.Message, StringComparison.Ordinal);
        PrintableAssert.Printable(exception);
    }

    private static LightsailClient LightsailClient(HttpClient http, LoopbackServer server) =>
        new(http, new LightsailClientOptions { BaseAddress = server.BaseAddress });
}
