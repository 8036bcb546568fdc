using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Hostile;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.IntegrationTests.Lightsail;
using Contracts.Runtime;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>
/// Servers and proxies echo requests into their error pages; the exception (message, excerpt, ToString) must not
/// carry the caller's credentials on to a log. The server here echoes every request header and the query.
/// </summary>
public sealed class CredentialRedactionTests
{
    private const string BearerToken = "eyJhbGciOiJIUzI1NiJ9.bearer-secret-0123456789";
    private const string ApiKeyHeader = "header-key-9f8e7d6c5b4a";
    private const string ApiKeyQuery = "query-key+with/escapes=1";
    private const string BasicPassword = "basic-password-314159";

    [Theory]
    [InlineData(500, "text/plain")]
    [InlineData(404, "application/json")]
    [InlineData(200, "text/plain")]
    public async Task Echoed_credentials_are_scrubbed_from_the_exception(int status, string contentType)
    {
        await using var server = await LoopbackServer.StartAsync(context => Echo(context, status, contentType));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        var client = HostileResponseTests.Client(http, server);

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetItemAsync("a", q: "plain", apiKey: ApiKeyQuery, xApiKey: ApiKeyHeader, xTrace: "trace-visible"));

        // The echo did reach the client (the test can fail), and what is not a credential stays readable.
        Assert.Contains("X-Trace", exception.ToString(), StringComparison.Ordinal);
        AssertNoCredential(exception, BearerToken, ApiKeyHeader, ApiKeyQuery, Uri.EscapeDataString(ApiKeyQuery));
        Assert.Contains(CredentialMark, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_basic_password_is_scrubbed_encoded_and_decoded()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(context.Request.Headers.Authorization.ToString()["Basic ".Length..]));
            await LoopbackServer.Respond(context, 401, "bad credentials " + decoded + " in " + context.Request.Headers.Authorization, "text/plain");
        });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:" + BasicPassword)));

        var exception = await Assert.ThrowsAsync<ApiException>(() => HostileResponseTests.Client(http, server).GetItemAsync("a"));

        Assert.Contains("bad credentials", exception.Message, StringComparison.Ordinal);
        AssertNoCredential(exception, BasicPassword, http.DefaultRequestHeaders.Authorization.Parameter!);
    }

    [Fact]
    public async Task An_error_envelope_echoing_the_token_is_scrubbed_from_the_message()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.Respond(
            context,
            403,
            "{\"success\": false, \"error\": {\"code\": \"DENIED\", \"message\": \"token " + context.Request.Headers.Authorization + " is revoked\"}}"));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        var client = new LightsailClient(http, new LightsailClientOptions { BaseAddress = server.BaseAddress });

        var exception = await Assert.ThrowsAsync<ApiException<EnvelopeError>>(() => client.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "b" }));

        Assert.Equal("DENIED", exception.ErrorCode);
        Assert.Equal("token " + CredentialMark + " is revoked", exception.ErrorMessage);
        AssertNoCredential(exception, BearerToken);
    }

    public static TheoryData<string, Func<string, string>> Encodings => new()
    {
        // How servers quote what they received: JSON with its default encoder (+ as \u002B), JSON escaping every
        // character, PHP's json_encode (/ as \/), percent-encoding (upper and lower case), HTML entities.
        { "JSON default", value => System.Text.Json.JsonSerializer.Serialize(value, EchoJsonContext.Default.String).Trim('"') },
        { "JSON every character", value => string.Concat(value.Select(c => "\\u" + ((int)c).ToString("x4"))) },
        { "JSON slash", value => value.Replace("/", "\\/") },
        { "percent", Uri.EscapeDataString },
        { "percent lower case", value => System.Text.RegularExpressions.Regex.Replace(Uri.EscapeDataString(value), "%[0-9A-F]{2}", match => match.Value.ToLowerInvariant()) },
        { "HTML", System.Text.Encodings.Web.HtmlEncoder.Default.Encode },
        { "HTML decimal", value => string.Concat(value.Select(c => "&#" + (int)c + ";")) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_credential_echoed_in_an_encoded_form_is_scrubbed(string encoding, Func<string, string> encode)
    {
        const string Key = "sk_live+Key/With=Signs0123";
        await using var server = await LoopbackServer.StartAsync(context =>
            LoopbackServer.Respond(context, 401, "you sent " + encode(context.Request.Headers["X-Api-Key"].ToString()) + " which is revoked", "text/plain"));
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => HostileResponseTests.Client(http, server).GetItemAsync("a", xApiKey: Key));

        Assert.Contains("you sent ***", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains(" which is revoked", exception.ResponseExcerpt, StringComparison.Ordinal);
        AssertNoCredential(exception, Key, encode(Key), "Key/With", "Key\\/With", "Key%2FWith", "With=Signs", "Signs0123");
        Assert.True(encoding.Length > 0);
    }

    [Fact]
    public async Task A_form_encoded_credential_with_spaces_is_scrubbed()
    {
        const string Key = "correct horse battery staple";
        await using var server = await LoopbackServer.StartAsync(context =>
            LoopbackServer.Respond(context, 400, "bad key " + context.Request.Headers["X-Api-Key"].ToString().Replace(' ', '+'), "text/plain"));
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => HostileResponseTests.Client(http, server).GetItemAsync("a", xApiKey: Key));

        Assert.Equal("bad key ***", exception.ResponseExcerpt);
    }

    [Fact]
    public async Task A_client_secret_sent_in_a_form_body_is_scrubbed()
    {
        const string Secret = "cs_secret+value/0123456789";
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            // The raw body (percent-encoded) and the decoded field.
            var raw = await new System.IO.StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            var form = await context.Request.ReadFormAsync();
            await LoopbackServer.Respond(context, 400, "bad client " + form["client_secret"] + " in " + raw, "text/plain");
        });
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => PathValueTests.Client(http, server).CreateTokenAsync(new Requests.CreateTokenRequest
        {
            GrantType = "client_credentials",
            ClientId = "client-id-visible",
            ClientSecret = Secret,
        }));

        Assert.Contains("bad client *** in ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("client-id-visible", exception.Message, StringComparison.Ordinal);
        AssertNoCredential(exception, Secret, Uri.EscapeDataString(Secret), "cs_secret");
    }

    [Fact]
    public async Task A_password_and_a_nested_token_sent_in_a_JSON_body_are_scrubbed()
    {
        const string Password = "pa$$word+with/signs-42";
        const string PairingToken = "pairing-token-9f8e7d";
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new System.IO.StreamReader(context.Request.Body);
            var raw = await reader.ReadToEndAsync();
            await LoopbackServer.Respond(context, 400, "rejected " + raw, "text/plain");
        });
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => PathValueTests.Client(http, server).LogInAsync(new Requests.LogInRequest
        {
            User = "alice-visible",
            Password = Password,
            Device = new Requests.LogInRequestDevice { Name = "phone-visible", PairingToken = PairingToken },
        }));

        // The body went out JSON-escaped (+ as \u002B): the echo carries that form.
        Assert.Contains("alice-visible", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains("phone-visible", exception.ResponseExcerpt, StringComparison.Ordinal);
        AssertNoCredential(exception, Password, "pa$$word", "with\\u002Fsigns", "with/signs", PairingToken);
    }

    [Fact]
    public async Task A_token_sent_as_a_multipart_field_is_scrubbed()
    {
        const string UploadToken = "upload-token-5e6f7a8b9c";
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var form = await context.Request.ReadFormAsync();
            await LoopbackServer.Respond(context, 403, "token " + form["uploadToken"] + " cannot upload " + form["name"], "text/plain");
        });
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => PathValueTests.Client(http, server).UploadAsync("name-visible", UploadToken));

        Assert.Equal("token *** cannot upload name-visible", exception.ResponseExcerpt);
    }

    [Fact]
    public async Task A_credential_in_the_path_is_scrubbed_escaped_and_decoded()
    {
        const string Key = "sk_path+key/0123456789";
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
            return LoopbackServer.Respond(context, 404, "no route " + target + " (" + Uri.UnescapeDataString(target) + ")", "text/plain");
        });
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => PathValueTests.Client(http, server).GetKeyAsync(Key));

        Assert.Equal("no route /keys/*** (/keys/***)", exception.ResponseExcerpt);
        AssertNoCredential(exception, Key, Uri.EscapeDataString(Key), "sk_path");
    }

    [Fact]
    public async Task A_credential_quoted_by_an_inner_exception_is_scrubbed_from_the_whole_chain()
    {
        // The server puts the token in the union's discriminator: the JsonException quoting it becomes the inner exception.
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.Respond(
            context,
            201,
            "{\"petType\": \"" + context.Request.Headers.Authorization.ToString()["Bearer ".Length..] + "\", \"name\": \"Tom\"}"));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);

        var exception = await Assert.ThrowsAsync<ApiException>(() => new Unions.UnionsClient(http, new Unions.UnionsClientOptions { BaseAddress = server.BaseAddress })
            .CreatePetAsync(new Unions.Dog { Name = "Rex", GoodBoy = true }));

        var inner = Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception.InnerException);
        Assert.Contains("'petType' value '***'", inner.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BearerToken, inner.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BearerToken, inner.ToString(), StringComparison.Ordinal);
        AssertNoCredential(exception, BearerToken);
    }

    private const string CredentialMark = "***";

    private static Task Echo(HttpContext context, int status, string contentType)
    {
        var headers = string.Join("\n", context.Request.Headers.Select(h => h.Key + ": " + h.Value));
        var echo = "request " + context.Request.Path + context.Request.QueryString + "\n" + headers;
        var body = contentType == "application/json"
            ? "{\"title\": " + System.Text.Json.JsonSerializer.Serialize(echo, EchoJsonContext.Default.String) + "}"
            : echo;
        return LoopbackServer.Respond(context, status, body, contentType);
    }

    private static void AssertNoCredential(ApiException exception, params string[] credentials)
    {
        var printed = exception + "\n" + exception.ResponseExcerpt + "\n" + exception.ErrorMessage + "\n" + exception.Reason;
        foreach (var credential in credentials)
        {
            Assert.DoesNotContain(credential, printed, StringComparison.Ordinal);
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class EchoJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
