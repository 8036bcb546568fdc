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
/// Servers and proxies echo requests into their error pages; the exception (message, excerpt, ToString) of a generated
/// client must not carry the caller's credentials on to a log. Over HTTP: what the generated code sends (headers, query,
/// marked path values) and builds (envelope errors, inner exceptions). Which values count as credentials and every
/// encoding and body form they are found in: Contracts.Runtime.Tests' CredentialRedactionTests.
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
