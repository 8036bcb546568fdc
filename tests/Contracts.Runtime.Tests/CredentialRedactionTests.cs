using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
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
    [InlineData("pairingToken", true)]
    [InlineData("uploadToken", true)]
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

    [Theory]
    [InlineData("key sk_live\\u002BAbc/dEf=123 end")]
    [InlineData("key sk_live\\u002bAbc\\/dEf\\u003D123 end")]
    [InlineData("key \\u0073\\u006b\\u005F\\u006C\\u0069\\u0076\\u0065\\u002B\\u0041\\u0062\\u0063\\u002F\\u0064\\u0045\\u0066\\u003D\\u0031\\u0032\\u0033 end")]
    [InlineData("key sk_live%2BAbc%2FdEf%3D123 end")]
    [InlineData("key sk_live%2bAbc%2fdEf%3d123 end")]
    [InlineData("key %73%6B_live+Abc/dEf=123 end")]
    [InlineData("key sk_live&#x2B;Abc&#x2F;dEf&#61;123 end")]
    [InlineData("key sk_live&#43;Abc/dEf=123 end")]
    [InlineData("key sk_live\\u002BAbc%2FdEf&#x3D;123 end")]
    public void A_credential_is_found_in_any_encoding_a_server_echoes(string text)
    {
        var scrubber = CredentialScrubber.Of("sk_live+Abc/dEf=123");

        Assert.Equal("key *** end", scrubber.Scrub(text));
    }

    public static TheoryData<string, Func<string, string>> Encoders => new()
    {
        // How servers quote what they received, made by the encoders themselves: JSON with its default encoder (+ as
        // \u002B), JSON escaping every character, PHP's json_encode (/ as \/), percent-encoding (upper and lower case),
        // HTML entities.
        { "JSON default", value => JsonSerializer.Serialize(value, RuntimeTestJsonContext.Default.String).Trim('"') },
        { "JSON every character", value => string.Concat(value.Select(c => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture))) },
        { "JSON slash", value => value.Replace("/", "\\/", StringComparison.Ordinal) },
        { "percent", Uri.EscapeDataString },
        { "percent lower case", value => Regex.Replace(Uri.EscapeDataString(value), "%[0-9A-F]{2}", match => match.Value.ToLowerInvariant()) },
        { "HTML", HtmlEncoder.Default.Encode },
        { "HTML decimal", value => string.Concat(value.Select(c => "&#" + ((int)c).ToString(CultureInfo.InvariantCulture) + ";")) },
    };

    [Theory]
    [MemberData(nameof(Encoders))]
    public void A_credential_is_found_in_what_an_encoder_makes_of_it(string encoding, Func<string, string> encode)
    {
        const string Key = "sk_live+Key/With=Signs0123";

        var scrubbed = CredentialScrubber.Of(Key).Scrub("you sent " + encode(Key) + " which is revoked");

        Assert.True(scrubbed == "you sent *** which is revoked", encoding + ": " + scrubbed);
    }

    [Theory]
    [InlineData("two+words+secret", "***")]
    [InlineData("two%20words%20secret", "***")]
    [InlineData("two words secret", "***")]
    [InlineData("two\\u0020words secret", "***")]
    public void A_credential_with_spaces_is_found_form_encoded(string text, string expected)
    {
        Assert.Equal(expected, CredentialScrubber.Of("two words secret").Scrub(text));
    }

    [Theory]
    [InlineData("a percent 100%25 here", "100%rate", "a percent 100%25 here")]
    [InlineData("rate 100%25rate ok", "100%rate", "rate *** ok")]
    [InlineData("rate 100%rate ok", "100%rate", "rate *** ok")]
    [InlineData("path C:\\\\dir\\\\file ok", "C:\\dir\\file", "path *** ok")]
    [InlineData("amp a&amp;b&#38;c ok", "a&b&c-x", "amp a&amp;b&#38;c ok")]
    [InlineData("amp a&amp;b&#38;c-x ok", "a&b&c-x", "amp *** ok")]
    public void Characters_that_start_escapes_are_matched_as_themselves_or_escaped(string text, string secret, string expected)
    {
        Assert.Equal(expected, CredentialScrubber.Of(secret).Scrub(text));
    }

    [Theory]
    [InlineData("abc def abcdefgh-not-it ok")]
    [InlineData("sk_l is a prefix in the middle, not at a cut")]
    [InlineData("%2B and \\u002B alone are not the key")]
    public void Text_that_is_not_an_echo_is_left_alone(string text)
    {
        Assert.Equal(text, CredentialScrubber.Of("abc", "sk_live+Abc/dEf=123").Scrub(text));
    }

    [Fact]
    public void A_credential_cut_by_a_bound_in_the_middle_of_a_message_leaves_no_start_behind()
    {
        var scrubber = CredentialScrubber.Of("sk_live+Abc/dEf=123");

        Assert.Equal("(CODE: token ***…) more", scrubber.Scrub("(CODE: token sk_live\\u002BAb…) more"));
        Assert.Equal("excerpt ***", scrubber.Scrub("excerpt sk_live%2B"));
    }

    [Fact]
    public async Task Credentials_sent_in_a_form_body_are_scrubbed_by_field_name()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/token")
        {
            Content = FormBody.Create(
                new Dictionary<string, string> { ["client_id"] = "client-id-visible", ["client_secret"] = "cs+secret/value-1", ["refresh_token"] = "rt-secret-value-2" },
                RuntimeTestJsonContext.Default.DictionaryStringString),
        };

        // The server quotes the body as sent (percent-encoded) and as it decoded it.
        using var http = new HttpClient(new ScriptedHandler(sent =>
        {
            var raw = sent.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            return ScriptedHandler.Respond(HttpStatusCode.BadRequest, new StringContent("you sent " + raw + " (" + WebUtility.UrlDecode(raw) + ")"));
        }));

        var exception = await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendAsync(http, request, "Send", errors: null, default));

        Assert.Equal(
            "you sent client_id=client-id-visible&client_secret=***&refresh_token=*** (client_id=client-id-visible&client_secret=***&refresh_token=***)",
            exception.ResponseExcerpt);
    }

    [Fact]
    public async Task Credentials_sent_in_a_JSON_body_are_scrubbed_by_member_name_at_any_depth()
    {
        const string Body = """{"user":"alice-visible","password":"pw+secret/1","profile":{"apiKey":"nested-api-key-2","pageToken":"page-token-visible"},"credentials":{"id":"cred-id-secret","pin":123456789}}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/login")
        {
            Content = ContractsHttp.CreateJsonContent(JsonDocument.Parse(Body).RootElement, RuntimeTestJsonContext.Default.JsonElement, "application/json"),
        };

        var exception = await BodyEchoingAsync(request);

        Assert.Contains("alice-visible", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains("page-token-visible", exception.ResponseExcerpt, StringComparison.Ordinal);
        foreach (var secret in new[] { "pw+secret/1", "pw\\u002Bsecret", "nested-api-key-2", "cred-id-secret", "123456789" })
        {
            Assert.DoesNotContain(secret, exception.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Credentials_sent_as_multipart_fields_are_scrubbed_by_field_name()
    {
        var content = new MultipartFormDataContent();
        MultipartBody.AddField(content, "title", "title-visible");
        MultipartBody.AddField(content, "upload_token", "upload-token-secret");
        MultipartBody.AddJson(content, "credentials", JsonDocument.Parse("""{"id":"json-part-secret"}""").RootElement, RuntimeTestJsonContext.Default.JsonElement);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/upload") { Content = content };
        using var http = new HttpClient(new ScriptedHandler(sent => ScriptedHandler.Respond(
            HttpStatusCode.BadRequest,
            new StringContent("you sent " + string.Join(", ", ((MultipartContent)sent.Content!).Select(part => part.ReadAsStringAsync().GetAwaiter().GetResult()))))));

        var exception = await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendAsync(http, request, "Upload", errors: null, default));

        Assert.Equal("you sent title-visible, ***, {\"id\":\"***\"}", exception.ResponseExcerpt);
        Assert.DoesNotContain("upload-token-secret", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("json-part-secret", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_marked_path_credential_is_scrubbed_as_sent_and_decoded()
    {
        const string Key = "path+key/secret-1";
        using var request = ContractsHttp.CreateRequest(HttpMethod.Get, new Uri("http://127.0.0.1/"), "/keys/" + ContractsHttp.EscapePathSegment(Key, "apiKey"));
        ContractsHttp.MarkCredential(request, Key);
        using var http = new HttpClient(new ScriptedHandler(sent => ScriptedHandler.Respond(
            HttpStatusCode.NotFound,
            new StringContent("no " + sent.RequestUri!.AbsolutePath + " = " + Uri.UnescapeDataString(sent.RequestUri.AbsolutePath)))));

        var exception = await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendAsync(http, request, "GetKey", errors: null, default));

        Assert.Equal("no /keys/*** = /keys/***", exception.ResponseExcerpt);
    }

    [Fact]
    public async Task An_inner_exception_quoting_a_credential_is_scrubbed_and_keeps_its_type()
    {
        const string Token = "inner-bearer-token-0123";
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/items");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var body = new ScriptedBody(10) { FailWith = new IOException("proxy closed the tunnel for Bearer " + Token, new InvalidOperationException("token " + Token)) };
        using var http = new HttpClient(new ScriptedHandler(_ => ScriptedHandler.Respond(HttpStatusCode.OK, new StreamContent(body))));

        var exception = await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendTextAsync(http, request, "GetItem", errors: null, default));

        var inner = Assert.IsAssignableFrom<IOException>(exception.InnerException);
        Assert.Equal("proxy closed the tunnel for ***", inner.Message);
        Assert.Equal("token ***", inner.InnerException!.Message);
        Assert.DoesNotContain(Token, exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: token ***", exception.ToString(), StringComparison.Ordinal);
    }

    private static async Task<ApiException> BodyEchoingAsync(HttpRequestMessage request)
    {
        using var http = new HttpClient(new ScriptedHandler(sent => ScriptedHandler.Respond(
            HttpStatusCode.BadRequest,
            new StringContent("you sent " + sent.Content!.ReadAsStringAsync().GetAwaiter().GetResult()))));
        return await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendAsync(http, request, "Send", errors: null, default));
    }

    private static async Task<ApiException> ErrorEchoingAsync(HttpRequestMessage request, string body)
    {
        using var http = new HttpClient(new ScriptedHandler(_ => ScriptedHandler.Respond(HttpStatusCode.InternalServerError, new StringContent(body))));
        return await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendAsync(http, request, "GetItem", errors: null, default));
    }
}
