using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Contracts.Runtime.Json;
using Contracts.Runtime.Tests.Infrastructure;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>
/// Service text reaches exception messages (error codes and messages, error types, discriminator values, JSON paths,
/// the body excerpt, inner exceptions): it comes out with control, invisible and bidirectional characters escaped and
/// bounded in length, so a message can neither forge log lines nor hide or reorder what a reader sees.
/// </summary>
public sealed class PrintableMessageTests
{
    // A line break that would start a forged log line, a right-to-left override and an isolate, a zero-width space and a BOM.
    private const string Hostile = "denied\r\n2025-01-01 INFO forged\u202Egnp.exe\u2066x\u2069\u200B\uFEFF\u0007end";

    public static TheoryData<string, string> InvisibleCharacters => new()
    {
        { "\u202A", "\\u202A" }, { "\u202B", "\\u202B" }, { "\u202C", "\\u202C" }, { "\u202D", "\\u202D" }, { "\u202E", "\\u202E" },
        { "\u2066", "\\u2066" }, { "\u2067", "\\u2067" }, { "\u2068", "\\u2068" }, { "\u2069", "\\u2069" },
        { "\u200B", "\\u200B" }, { "\u200C", "\\u200C" }, { "\u200D", "\\u200D" }, { "\u200E", "\\u200E" }, { "\u200F", "\\u200F" },
        { "\u2028", "\\u2028" }, { "\u2029", "\\u2029" }, { "\uFEFF", "\\uFEFF" }, { "\u061C", "\\u061C" },
        { "\r", "\\r" }, { "\n", "\\n" }, { "\t", "\\t" }, { "\u0000", "\\u0000" }, { "\u001B", "\\u001B" }, { "\u007F", "\\u007F" }, { "\u0085", "\\u0085" },
    };

    [Theory]
    [MemberData(nameof(InvisibleCharacters))]
    public void Each_invisible_or_control_character_is_escaped_in_code_message_and_excerpt(string character, string escaped)
    {
        var exception = new ApiException("GetItem", HttpStatusCode.BadRequest, "the service returned an error", "C" + character + "ODE", "M" + character + "SG");
        var withExcerpt = new ApiException("GetItem", HttpStatusCode.BadRequest, "unreadable", responseExcerpt: ResponseText.Excerpt(Encoding.UTF8.GetBytes("B" + character + "ODY")));

        Assert.Contains("(C" + escaped + "ODE: M" + escaped + "SG)", exception.Message, StringComparison.Ordinal);
        Assert.Equal("B" + escaped + "ODY", withExcerpt.ResponseExcerpt);
        Assert.EndsWith("B" + escaped + "ODY", withExcerpt.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(character, exception.Message + withExcerpt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_message_and_reason_print_escaped_but_the_properties_keep_the_service_s_values()
    {
        var exception = new ApiException("GetItem", HttpStatusCode.Forbidden, "the service returned " + Hostile, Hostile, Hostile);

        PrintableAssert.Printable(exception.Message);
        PrintableAssert.Printable(exception.Reason);
        PrintableAssert.Printable(exception.ToString());
        Assert.Contains("denied\\r\\n2025-01-01 INFO forged\\u202Egnp.exe\\u2066x\\u2069\\u200B\\uFEFF\\u0007end", exception.Message, StringComparison.Ordinal);

        // Data, for code that compares them; only what prints is escaped.
        Assert.Equal(Hostile, exception.ErrorCode);
        Assert.Equal(Hostile, exception.ErrorMessage);
    }

    [Fact]
    public void Long_service_text_is_bounded_in_the_message()
    {
        var longText = new string('c', 10_000);

        var exception = new ApiException("GetItem", HttpStatusCode.BadRequest, "the service returned " + longText, longText, longText, longText);

        Assert.True(exception.Message.Length < 2_000, exception.Message.Length.ToString());
        Assert.Contains("(" + new string('c', ResponseText.MaxExcerptLength) + "…: " + new string('c', ResponseText.MaxExcerptLength) + "…)", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Reason.Length <= 1_025, exception.Reason.Length.ToString());
        Assert.Equal(ResponseText.MaxExcerptLength + 1, exception.ResponseExcerpt!.Length);
    }

    [Fact]
    public void The_excerpt_never_cuts_a_surrogate_pair_and_escapes_a_lone_one()
    {
        var cutInsidePair = ResponseText.Excerpt(Encoding.UTF8.GetBytes(new string('x', ResponseText.MaxExcerptLength - 1) + "🙂 and more"));
        var lone = new ApiException("GetItem", HttpStatusCode.BadRequest, "r", "\uD800x", null);

        Assert.Equal(new string('x', ResponseText.MaxExcerptLength - 1) + "…", cutInsidePair);
        Assert.Contains("(\\uD800x: no message)", lone.Message, StringComparison.Ordinal);
        Assert.Equal("🙂 ok", ResponseText.Excerpt(Encoding.UTF8.GetBytes("🙂 ok")));
    }

    [Fact]
    public void An_escape_is_not_cut_in_half_by_the_bound()
    {
        var text = new string('x', ResponseText.MaxExcerptLength - 3) + "\u202E and more";

        var excerpt = ResponseText.Excerpt(Encoding.UTF8.GetBytes(text));

        Assert.Equal(new string('x', ResponseText.MaxExcerptLength - 3) + "…", excerpt);
    }

    [Fact]
    public void An_unknown_discriminator_value_is_quoted_escaped_and_shortened()
    {
        // The review's case: one discriminator value made a 2,466-character message.
        var value = "cat\r\nforged " + new string('z', 2_450) + "\u202E";

        var exception = UnionJson.UnknownDiscriminator("Pet", "petType", value);

        PrintableAssert.Printable(exception.Message);
        Assert.Contains("'petType' value 'cat\\r\\nforged zzz", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Message.Length < 200, exception.Message.Length.ToString());
    }

    [Fact]
    public void A_json_path_naming_a_hostile_member_is_escaped_and_shortened()
    {
        var name = "a\r\nforged\u202E" + new string('k', 5_000);
        var json = JsonSerializer.Serialize(name, RuntimeTestJsonContext.Default.String);
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{" + json + ": \"not a number\"}", RuntimeTestJsonContext.Default.DictionaryStringInt32));

        var described = JsonErrors.Describe(error);

        PrintableAssert.Printable(described);
        Assert.Contains("a\\r\\nforged\\u202Ekkk", described, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 0", described, StringComparison.Ordinal);
        Assert.True(described.Length < 400, described.Length.ToString());
    }

    [Fact]
    public void An_inner_exception_prints_escaped_and_bounded_and_keeps_its_type_path_and_position()
    {
        var name = "a\r\nforged\u202E" + new string('k', 5_000);
        var json = JsonSerializer.Serialize(name, RuntimeTestJsonContext.Default.String);
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{" + json + ": \"not a number\"}", RuntimeTestJsonContext.Default.DictionaryStringInt32));

        var exception = new ApiException("GetItem", HttpStatusCode.OK, "the response body could not be read: " + JsonErrors.Describe(error), innerException: error);

        var inner = Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        PrintableAssert.Printable(inner.Message);
        Assert.True(inner.Message.Length <= 1_025, inner.Message.Length.ToString());
        Assert.Equal(error.LineNumber, inner.LineNumber);
        Assert.Equal(error.BytePositionInLine, inner.BytePositionInLine);
        Assert.StartsWith("$['a\\r\\nforged\\u202Ekkk", inner.Path, StringComparison.Ordinal);
        Assert.Equal(error.StackTrace, inner.StackTrace);

        // ToString prints the chain under the thrown types' names, and no service line break anywhere.
        var printed = exception.ToString();
        Assert.Contains("---> System.Text.Json.JsonException: ", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("\nforged", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", printed, StringComparison.Ordinal);
    }

#if !CONTRACTS_RUNTIME_NETSTANDARD // HttpRequestException.StatusCode is .NET 5+ API, unknown to the netstandard2.0 build.
    [Fact]
    public void Inner_transport_exceptions_keep_their_types_and_status()
    {
        var http = new HttpRequestException("server said\r\nforged", new IOException("io\u202Etext", new InvalidOperationException("deep\nline")), HttpStatusCode.BadGateway);

        var exception = new ApiException("GetItem", HttpStatusCode.OK, "the connection closed", innerException: http);

        var copy = Assert.IsAssignableFrom<HttpRequestException>(exception.InnerException);
        Assert.Equal("server said\\r\\nforged", copy.Message);
        Assert.Equal(HttpStatusCode.BadGateway, copy.StatusCode);
        var io = Assert.IsAssignableFrom<IOException>(copy.InnerException);
        Assert.Equal("io\\u202Etext", io.Message);
        Assert.Equal("deep\\nline", io.InnerException!.Message);
        Assert.Contains("---> System.InvalidOperationException: deep\\nline", exception.ToString(), StringComparison.Ordinal);
    }
#endif

    [Fact]
    public async Task A_body_with_invisible_characters_prints_escaped_over_the_whole_call()
    {
        using var http = new HttpClient(new ScriptedHandler(_ => ScriptedHandler.Respond(HttpStatusCode.BadGateway, new StringContent("<h1>Bad\r\ngateway\u202E</h1>"))));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/items");

        var exception = await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendAsync(http, request, "GetItem", errors: null, default));

        Assert.Equal("<h1>Bad\\r\\ngateway\\u202E</h1>", exception.ResponseExcerpt);
        PrintableAssert.Printable(exception.Message);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(System.Collections.Generic.Dictionary<string, int>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(System.Collections.Generic.Dictionary<string, string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(JsonElement))]
internal sealed partial class RuntimeTestJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
