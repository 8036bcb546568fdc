using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Contracts.Runtime.Tests.Infrastructure;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>Which request values count as credentials, and how an exception is scrubbed of them.</summary>
public sealed class CredentialRedactionTests
{
    [Theory]
    [InlineData("X-Api-Key", true)]
    [InlineData("X-ApiKey", true)]
    [InlineData("apikey", true)]
    [InlineData("api_key", true)]
    [InlineData("access_token", true)]
    [InlineData("X-Amz-Security-Token", true)]
    [InlineData("X-Amz-Signature", true)]
    [InlineData("X-Amz-Credential", true)]
    [InlineData("X-Auth-Token", true)]
    [InlineData("sessionId", true)]
    [InlineData("client_secret", true)]
    [InlineData("nextPageToken", false)]
    [InlineData("continuation-token", false)]
    [InlineData("Idempotency-Key", false)]
    [InlineData("X-Amz-Target", false)]
    [InlineData("X-Amz-Date", false)]
    [InlineData("Content-Type", false)]
    [InlineData("X-Trace", false)]
    public void Names_say_whether_a_value_is_a_credential(string name, bool expected)
    {
        Assert.Equal(expected, CredentialScrubber.IsSecretName(name));
    }

    [Fact]
    public async Task Header_query_cookie_and_signature_values_are_scrubbed_others_kept()
    {
        const string Signature = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/lightsail/aws4_request, SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/items?api_key=q-secret-1%2B2&nextPageToken=page-token-visible&x=plain-visible");
        request.Headers.TryAddWithoutValidation("Authorization", Signature);
        request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", "session-token-secret");
        request.Headers.TryAddWithoutValidation("Cookie", "sid=cookie-secret-42; theme=dark");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "idem-visible-7");
        var echo = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7 AKIDEXAMPLE/20250101/us-east-1/lightsail/aws4_request AKIDEXAMPLE "
            + "q-secret-1+2 q-secret-1%2B2 session-token-secret cookie-secret-42 page-token-visible plain-visible idem-visible-7 dark";

        var exception = await ErrorEchoingAsync(request, echo);

        foreach (var secret in new[] { "5d672d79c15b", "AKIDEXAMPLE", "/20250101/us-east-1", "q-secret-1", "session-token-secret", "cookie-secret-42" })
        {
            Assert.DoesNotContain(secret, exception.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains("page-token-visible plain-visible idem-visible-7 dark", exception.ResponseExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_cut_by_the_excerpt_s_end_leaves_no_start_behind()
    {
        const string Token = "abcdefghij-secret-token-klmnopqrst";
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/items");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var echo = new string('.', ResponseText.MaxExcerptLength - 10) + Token + " and more";

        var exception = await ErrorEchoingAsync(request, echo);

        Assert.EndsWith(new string('.', 5) + "***…", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefghij", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_headers_of_the_HttpClient_are_scrubbed_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/items");
        using var http = new HttpClient(new ScriptedHandler(sent => ScriptedHandler.Respond(HttpStatusCode.Unauthorized, new StringContent("token was " + sent.Headers.Authorization))));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "default-header-token");

        var exception = await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendAsync(http, request, "GetItem", errors: null, default));

        Assert.Equal("token was ***", exception.ResponseExcerpt);
    }

    [Fact]
    public void Short_values_are_left_alone()
    {
        var scrubber = CredentialScrubber.Of("abc", "secret-value");

        Assert.Equal("abc says *** abc", scrubber.Scrub("abc says secret-value abc"));
    }

    private static async Task<ApiException> ErrorEchoingAsync(HttpRequestMessage request, string body)
    {
        using var http = new HttpClient(new ScriptedHandler(_ => ScriptedHandler.Respond(HttpStatusCode.InternalServerError, new StringContent(body))));
        return await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendAsync(http, request, "GetItem", errors: null, default));
    }
}
