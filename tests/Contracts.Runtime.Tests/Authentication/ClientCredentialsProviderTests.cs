using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Authentication;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Contracts.Runtime.Tests.Authentication;

/// <summary>The client credentials grant: what is posted, what is read back, how long a token is kept.</summary>
public sealed class ClientCredentialsProviderTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1/oauth/token");
    private static readonly TokenRequestContext ReadWrite = new("oauth", ["read", "write"]);

    [Fact]
    public async Task Posts_the_grant_with_client_secret_basic_and_reads_the_token()
    {
        var (handler, provider, _) = TokenEndpoint(_ => Token("at-1", 3600));

        var token = await provider.GetTokenAsync(ReadWrite, default);

        Assert.Equal("at-1", token.Token);
        var sent = handler.Last;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
        Assert.Equal("grant_type=client_credentials&scope=read+write", sent.BodyText);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("my+client:s%3Acr%C3%A8t")), sent.Single("Authorization"));
    }

    [Fact]
    public async Task Client_secret_post_sends_the_id_and_secret_in_the_body()
    {
        var handler = new ScriptedHandler(_ => Token("at-1", 3600));
        var provider = new OAuth2ClientCredentialsProvider(new HttpClient(handler), Endpoint, "my client", "s:crèt", OAuth2ClientAuthenticationMethod.ClientSecretPost);

        await provider.GetTokenAsync(new TokenRequestContext("oauth", []), default);

        Assert.Equal("grant_type=client_credentials&client_id=my+client&client_secret=s%3Acr%C3%A8t", handler.Last.BodyText);
        Assert.False(handler.Last.Has("Authorization"));
    }

    [Fact]
    public async Task A_token_is_kept_until_a_minute_before_it_expires()
    {
        var turn = 0;
        var (handler, provider, time) = TokenEndpoint(_ => Token("at-" + ++turn, 3600));

        Assert.Equal("at-1", (await provider.GetTokenAsync(ReadWrite, default)).Token);
        time.Advance(TimeSpan.FromSeconds(3600 - 61));
        Assert.Equal("at-1", (await provider.GetTokenAsync(ReadWrite, default)).Token);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("at-2", (await provider.GetTokenAsync(ReadWrite, default)).Token);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_short_lived_token_is_kept_for_half_its_life()
    {
        var turn = 0;
        var (_, provider, time) = TokenEndpoint(_ => Token("at-" + ++turn, 60));

        await provider.GetTokenAsync(ReadWrite, default);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("at-1", (await provider.GetTokenAsync(ReadWrite, default)).Token);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("at-2", (await provider.GetTokenAsync(ReadWrite, default)).Token);
    }

    [Fact]
    public async Task Force_refresh_skips_the_cache_and_other_scopes_get_their_own_token()
    {
        var turn = 0;
        var (handler, provider, _) = TokenEndpoint(_ => Token("at-" + ++turn, 3600));

        await provider.GetTokenAsync(ReadWrite, default);
        Assert.Equal("at-2", (await provider.GetTokenAsync(new TokenRequestContext("oauth", ["read", "write"], forceRefresh: true), default)).Token);
        Assert.Equal("at-2", (await provider.GetTokenAsync(ReadWrite, default)).Token);
        Assert.Equal("at-3", (await provider.GetTokenAsync(new TokenRequestContext("oauth", ["admin"]), default)).Token);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_token_request()
    {
        using var arrived = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var (handler, provider, _) = TokenEndpoint(_ =>
        {
            arrived.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return Token("at-1", 3600);
        });

        var callers = new Task<AccessToken>[20];
        callers[0] = Task.Run(async () => await provider.GetTokenAsync(ReadWrite, default));

        // The token request is under way (the endpoint has it and waits): the other 19 ask now, while it runs.
        Assert.True(arrived.Wait(TimeSpan.FromSeconds(30)));

        for (var i = 1; i < callers.Length; i++)
        {
            callers[i] = provider.GetTokenAsync(ReadWrite, default).AsTask();
        }

        Assert.All(callers, caller => Assert.False(caller.IsCompleted));
        release.Set();
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal("at-1", token.Token));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_refusal_carries_the_oauth_error_without_the_client_secret()
    {
        var (_, provider, _) = TokenEndpoint(_ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("{\"error\":\"invalid_client\",\"error_description\":\"secret s:crèt is wrong\"}", Encoding.UTF8, "application/json"),
        });

        var exception = await Assert.ThrowsAsync<ApiException>(async () => await provider.GetTokenAsync(ReadWrite, default));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("invalid_client", exception.ErrorCode);
        Assert.Equal("secret *** is wrong", exception.ErrorMessage);
        Assert.Contains("security scheme 'oauth'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("crèt", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_refusal_the_next_caller_asks_again()
    {
        var turn = 0;
        var (_, provider, _) = TokenEndpoint(_ => ++turn == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : Token("at-2", 3600));

        await Assert.ThrowsAsync<ApiException>(async () => await provider.GetTokenAsync(ReadWrite, default));

        Assert.Equal("at-2", (await provider.GetTokenAsync(ReadWrite, default)).Token);
    }

    [Theory]
    [InlineData("{\"token_type\":\"Bearer\"}", "no access_token")]
    [InlineData("{\"access_token\":\"at-1\",\"token_type\":\"mac\"}", "of type 'mac'")]
    [InlineData("<html>", "no access_token")]
    public async Task An_answer_without_a_bearer_token_is_refused(string body, string reason)
    {
        var (_, provider, _) = TokenEndpoint(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });

        var exception = await Assert.ThrowsAsync<ApiException>(async () => await provider.GetTokenAsync(ReadWrite, default));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expires_in_as_a_string_and_token_type_in_any_case_are_read()
    {
        var (_, provider, time) = TokenEndpoint(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{\"access_token\":\"at-1\",\"token_type\":\"bearer\",\"expires_in\":\"120\",\"extra\":{\"a\":[1,2]}}"),
        });

        var token = await provider.GetTokenAsync(ReadWrite, default);

        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(120), token.ExpiresOn);
    }

    private static HttpResponseMessage Token(string accessToken, int expiresIn) => new(HttpStatusCode.OK)
    {
        Content = new StringContent("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}", Encoding.UTF8, "application/json"),
    };

    private static (ScriptedHandler Handler, OAuth2ClientCredentialsProvider Provider, FakeTimeProvider Time) TokenEndpoint(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var handler = new ScriptedHandler(respond);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return (handler, new OAuth2ClientCredentialsProvider(new HttpClient(handler), Endpoint, "my client", "s:crèt", timeProvider: time), time);
    }
}
