using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Contracts.Runtime.Http;
using Contracts.Runtime.Tests.Infrastructure;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>
/// The redirect policy on an in-memory transport, for what real servers make awkward: HTTPS, other schemes, SigV4
/// signatures, the synchronous path. (The main cases run over real HTTP in Contracts.IntegrationTests.RedirectTests.)
/// </summary>
public sealed class SafeRedirectHandlerTests
{
    private readonly List<HttpRequestMessage> _sent = [];

    [Fact]
    public async Task Https_to_plain_http_is_not_followed()
    {
        using var http = Client(request => request.RequestUri!.Host == "api.example.com" ? Redirect(302, "http://api.example.com/b") : Ok());

        using var response = await http.GetAsync("https://api.example.com/a");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Single(_sent);
    }

    [Theory]
    [InlineData("ftp://api.example.com/b")]
    [InlineData("file:///etc/passwd")]
    public async Task A_target_that_is_not_http_is_not_followed(string location)
    {
        using var http = Client(_ => Redirect(302, location));

        using var response = await http.GetAsync("https://api.example.com/a");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task A_relative_location_resolves_against_the_request_and_the_host_header_is_not_copied()
    {
        using var http = Client(request => request.RequestUri!.AbsolutePath == "/v1/a" ? Redirect(301, "b?x=1") : Ok());
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1/a");
        request.Headers.Host = "api.example.com";
        request.Headers.Add("X-Api-Key", "same-origin-key-123");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://api.example.com/v1/b?x=1", _sent[1].RequestUri!.AbsoluteUri);
        Assert.Null(_sent[1].Headers.Host);
        Assert.Equal("same-origin-key-123", _sent[1].Headers.GetValues("X-Api-Key").Single());
    }

    [Fact]
    public async Task Every_credential_header_stays_behind_on_a_cross_origin_redirect()
    {
        using var http = Client(request => request.RequestUri!.Host == "api.example.com" ? Redirect(302, "https://cdn.example.net/file") : Ok());
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/a");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bearer-token-123456");
        request.Headers.ProxyAuthorization = new AuthenticationHeaderValue("Basic", "cHJveHk6cGFzc3dvcmQ=");
        request.Headers.Add("Cookie", "session=abcdef123456");
        request.Headers.Add("X-Amz-Security-Token", "session-token-123456");
        request.Headers.Add("X-Amz-Date", "20250101T000000Z");
        request.Headers.Add("X-Api-Key", "api-key-123456");
        request.Headers.Add("X-Auth-Token", "auth-token-123456");
        request.Headers.Add("X-Request-Id", "visible-1");
        request.Headers.Add("Accept", "application/json");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var followed = _sent[1];
        Assert.Equal("https://cdn.example.net/file", followed.RequestUri!.AbsoluteUri);
        Assert.Equal(["accept", "x-request-id"], followed.Headers.Select(h => h.Key.ToLowerInvariant()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_query_parameter_echoing_a_credential_is_dropped_and_the_others_kept_on_a_cross_origin_redirect()
    {
        using var http = Client(request => request.RequestUri!.Host == "api.example.com"
            ? Redirect(302, "https://cdn.example.net/file?X-Amz-Signature=presigned-by-the-service&key=query-key-123456&page=2")
            : Ok());

        using var response = await http.GetAsync("https://api.example.com/a?api_key=query-key-123456");

        Assert.Equal("https://cdn.example.net/file?X-Amz-Signature=presigned-by-the-service&page=2", _sent[1].RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task A_cross_origin_target_carrying_a_credential_in_its_path_is_not_followed()
    {
        using var http = Client(request => Redirect(302, "https://cdn.example.net/keys/header-key-123456"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/a");
        request.Headers.Add("X-Api-Key", "header-key-123456");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task A_request_signed_with_SigV4_is_not_followed_even_to_its_own_origin()
    {
        using var http = Client(request => request.RequestUri!.AbsolutePath == "/" ? Redirect(307, "/again") : Ok());
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://lightsail.us-east-1.amazonaws.com/") { Content = new StringContent("{}") };
        await SigV4Signer.SignAsync(request, new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "us-east-1", "lightsail", DateTimeOffset.UtcNow);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task A_stream_body_is_not_sent_a_second_time()
    {
        using var http = Client(request => request.RequestUri!.AbsolutePath == "/a" ? Redirect(308, "/b") : Ok());
        using var body = new MemoryStream([1, 2, 3]);

        using var response = await http.PutAsync("https://api.example.com/a", new StreamContent(body));

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task A_multipart_body_of_buffered_parts_is_sent_again_to_the_same_origin()
    {
        using var http = Client(request => request.RequestUri!.AbsolutePath == "/a" ? Redirect(307, "/b") : Ok());
        using var content = new MultipartFormDataContent { { new StringContent("v"), "field" } };

        using var response = await http.PostAsync("https://api.example.com/a", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Same(content, _sent[1].Content);
        Assert.Equal(HttpMethod.Post, _sent[1].Method);
    }

#if !CONTRACTS_RUNTIME_NETSTANDARD // HttpMessageHandler.Send is .NET 5+ API: the netstandard2.0 build has no synchronous path.
    [Fact]
    public void The_synchronous_path_follows_the_same_policy()
    {
        using var http = Client(request => request.RequestUri!.Host == "api.example.com" ? Redirect(302, "https://cdn.example.net/file") : Ok());
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/a");
        request.Headers.Add("X-Api-Key", "api-key-123456");

        using var response = http.Send(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(_sent[1].Headers.Contains("X-Api-Key"));
    }
#endif

#if !CONTRACTS_RUNTIME_NETSTANDARD // SocketsHttpHandler is .NET 5+ API, unknown to the netstandard2.0 build.
    [Fact]
    public void An_inner_handler_that_follows_redirects_itself_is_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() => new SafeRedirectHandler(new HttpClientHandler()));
        Assert.Throws<ArgumentException>(() => new SafeRedirectHandler(new SocketsHttpHandler()));
        Assert.Throws<ArgumentException>(() => new SafeRedirectHandler(new PassThrough(new HttpClientHandler())));

        Assert.Contains("AllowAutoRedirect", exception.Message, StringComparison.Ordinal);
        using var accepted = new SafeRedirectHandler(new SocketsHttpHandler { AllowAutoRedirect = false });
    }
#endif

    private HttpClient Client(Func<HttpRequestMessage, HttpResponseMessage> respond) =>
        new(new SafeRedirectHandler(new Recorder(_sent, respond)));

    private static HttpResponseMessage Redirect(int status, string location)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        response.Headers.TryAddWithoutValidation("Location", location);
        return response;
    }

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("{}") };

    /// <summary>Records every request that reaches the transport and answers it, asynchronously or not.</summary>
    private sealed class Recorder(List<HttpRequestMessage> sent, Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(Send(request, cancellationToken));

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add(request);
            var response = respond(request);
            response.RequestMessage = request;
            return response;
        }
    }

    private sealed class PassThrough(HttpMessageHandler inner) : DelegatingHandler(inner);
}
