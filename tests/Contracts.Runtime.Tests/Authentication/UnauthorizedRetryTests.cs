using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Authentication;
using Contracts.Runtime.Http;
using Xunit;
using static Contracts.Runtime.Tests.Authentication.AuthenticatedCall;

namespace Contracts.Runtime.Tests.Authentication;

/// <summary>A 401 to a token a provider can refresh: one new token, one re-send, never a loop.</summary>
public sealed class UnauthorizedRetryTests
{
    [Fact]
    public async Task A_401_refreshes_the_token_once_and_sends_the_request_again_with_its_body()
    {
        var handler = new ScriptedHandler(request => request.Headers.Authorization?.Parameter == "token-2"
            ? new HttpResponseMessage(HttpStatusCode.OK)
            : new HttpResponseMessage(HttpStatusCode.Unauthorized));
        var client = new HttpClient(handler);
        var tokens = new CountingProvider();
        var authentication = new ClientAuthentication(client)
            .Bearer("bearer", new BearerCredential(tokens))
            .ApiKey("key", ApiKeyLocation.Query, "key", new ApiKeyCredential("k-123456"));
        SecurityRequirement[] security = [new(new SchemeUse("bearer"), new SchemeUse("key"))];

        await SendAsync(client, authentication, security, request => request.Content = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json"), HttpMethod.Post);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal([false, true], tokens.Forced);
        var again = handler.Requests[1];
        Assert.Equal("Bearer token-2", again.Single("Authorization"));
        Assert.Equal("{\"a\":1}", again.BodyText);
        Assert.Equal(handler.Requests[0].Uri, again.Uri);
        Assert.EndsWith("?key=k-123456", again.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_401_stands()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        var client = new HttpClient(handler);
        var tokens = new CountingProvider();
        var authentication = new ClientAuthentication(client).Bearer("bearer", new BearerCredential(tokens));

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(client, authentication, Requires("bearer")));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(2, tokens.Forced.Count);
    }

    [Fact]
    public async Task A_fixed_token_or_key_is_not_sent_again()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        var client = new HttpClient(handler);
        var authentication = new ClientAuthentication(client)
            .Bearer("bearer", new BearerCredential("fixed-token"))
            .ApiKey("key", ApiKeyLocation.Header, "X-Key", new ApiKeyCredential("k-123456"));

        await Assert.ThrowsAsync<ApiException>(() => SendAsync(client, authentication, Requires("bearer")));
        await Assert.ThrowsAsync<ApiException>(() => SendAsync(client, authentication, Requires("key")));

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_streamed_body_is_not_sent_again()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        var client = new HttpClient(handler);
        var tokens = new CountingProvider();
        var authentication = new ClientAuthentication(client).Bearer("bearer", new BearerCredential(tokens));

        await Assert.ThrowsAsync<ApiException>(() => SendAsync(
            client,
            authentication,
            Requires("bearer"),
            request => request.Content = ContractsHttp.CreateStreamContent(new MemoryStream([1, 2, 3]), "application/octet-stream"),
            HttpMethod.Put));

        Assert.Single(handler.Requests);
        Assert.Equal([false], tokens.Forced);
    }

    [Fact]
    public async Task Exceptions_never_print_what_the_client_is_configured_with()
    {
        // The service echoes credentials under names the scrubber could not guess from the request alone.
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("{\"message\":\"bad key plain-key-123 for user pw-secret-456; also saw admin-token-789\"}"),
        });
        var client = new HttpClient(handler);
        var authentication = new ClientAuthentication(client)
            .ApiKey("key", ApiKeyLocation.Header, "X-Tenant", new ApiKeyCredential("plain-key-123"))
            .Basic("basic", new BasicCredential("alice", "pw-secret-456"))
            .Bearer("admin", new BearerCredential("admin-token-789"));

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(client, authentication, Requires("key")));

        var printed = exception.ToString();
        Assert.DoesNotContain("plain-key-123", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-secret-456", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("admin-token-789", printed, StringComparison.Ordinal);
        Assert.Contains("bad key ***", printed, StringComparison.Ordinal);
    }

    private sealed class CountingProvider : ITokenProvider
    {
        public System.Collections.Generic.List<bool> Forced { get; } = [];

        public ValueTask<AccessToken> GetTokenAsync(TokenRequestContext context, CancellationToken cancellationToken)
        {
            lock (Forced)
            {
                Forced.Add(context.ForceRefresh);
                return new ValueTask<AccessToken>(new AccessToken("token-" + Forced.Count, null));
            }
        }
    }
}
