using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.IntegrationTests.CallOptions;

/// <summary>
/// What a <c>…WithResponseAsync</c> twin receives, over real HTTP on 127.0.0.1: the status and every header of a
/// successful response, for each kind of result (JSON, envelope, text, stream, none), read with the typed getters;
/// nothing for a failed call, whose exception carries the headers instead.
/// </summary>
public sealed class ResponseCaptureTests
{
    private const string NextLink = "<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", <https://api.github.com/repositories/1/issues?page=5>; rel=\"last\"";

    public enum SendKind
    {
        Json,
        Envelope,
        Text,
        Stream,
        NoBody,
    }

    [Theory]
    [InlineData(SendKind.Json, 201)]
    [InlineData(SendKind.Envelope, 200)]
    [InlineData(SendKind.Text, 200)]
    [InlineData(SendKind.Stream, 200)]
    [InlineData(SendKind.NoBody, 204)]
    public async Task The_capture_receives_the_status_and_the_declared_headers_typed(SendKind kind, int status)
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using var server = await LoopbackServer.StartAsync(context => RespondWithMetadata(context, kind, status));
        using var http = new HttpClient();
        var capture = new ResponseCapture();

        var value = await SendAsync(kind, http, server, RequestOptions.Capturing(new RequestOptions { Headers = { ["X-Trace"] = "t-1" } }, capture));

        var response = capture.ToResponse(value);
        var headers = response.Headers;
        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("\"33a64df5\"", headers.GetString("etag"));
        Assert.Equal("req_8LcN2Nk0x9", headers.GetString("Request-Id"));
        Assert.Equal("https://api.example.com/items/7", headers.GetString("Location"));
        Assert.Equal(4999L, headers.GetInt64("X-RateLimit-Remaining"));
        Assert.Equal(5000, headers.GetInt32("X-RateLimit-Limit"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1714566600), DateTimeOffset.FromUnixTimeSeconds(headers.GetInt64("X-RateLimit-Reset")!.Value));
        Assert.Equal(["<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\"", "<https://api.github.com/repositories/1/issues?page=5>; rel=\"last\""], headers.GetList("link"));
        Assert.Equal(new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero), headers.GetDateTimeOffset("Last-Modified"));

        // Kestrel's own Date header: an HTTP-date of now (to the second, so compared loosely).
        var date = headers.GetDateTimeOffset("Date");
        Assert.NotNull(date);
        Assert.InRange(date!.Value, before, DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal("t-1", Assert.Single(server.Requests).Headers["X-Trace"]);
        Assert.Equal(kind switch { SendKind.Json or SendKind.Envelope => "a", SendKind.Text => "hello", SendKind.Stream => "bytes", _ => null }, value);
    }

    [Theory]
    [InlineData(SendKind.Json)]
    [InlineData(SendKind.Envelope)]
    [InlineData(SendKind.Text)]
    [InlineData(SendKind.Stream)]
    [InlineData(SendKind.NoBody)]
    public async Task A_failed_call_captures_nothing_and_its_exception_carries_the_headers(SendKind kind)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers["Request-Id"] = "req_failed_1";
            context.Response.Headers.RetryAfter = "30";
            await LoopbackServer.Respond(context, 503, kind == SendKind.Envelope ? "{\"success\":false,\"error\":{\"Code\":\"busy\",\"Message\":\"later\"}}" : "busy");
        });
        using var http = new HttpClient();
        var capture = new ResponseCapture();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => SendAsync(kind, http, server, RequestOptions.Capturing(null, capture)));

        Assert.False(capture.HasResponse);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal("req_failed_1", exception.Headers!.GetString("Request-Id"));
        Assert.Equal(30, exception.Headers.GetInt32("Retry-After"));
    }

    [Fact]
    public async Task A_success_status_whose_body_fails_captures_nothing()
    {
        // The envelope says failure under a 200: the call fails, so the twin must not report a response.
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.Respond(context, 200, "{\"success\":false,\"error\":{\"Code\":\"nope\",\"Message\":\"no\"}}"));
        using var http = new HttpClient();
        var capture = new ResponseCapture();

        var exception = await Assert.ThrowsAsync<ApiException<ItemError>>(() => SendAsync(SendKind.Envelope, http, server, RequestOptions.Capturing(null, capture)));

        Assert.False(capture.HasResponse);
        Assert.Equal("nope", exception.Error.Code);
        Assert.NotNull(exception.Headers!.GetString("Content-Type"));
    }

    private static async Task RespondWithMetadata(HttpContext context, SendKind kind, int status)
    {
        var headers = context.Response.Headers;
        headers.ETag = "\"33a64df5\"";
        headers["Request-Id"] = "req_8LcN2Nk0x9";
        headers.Location = "https://api.example.com/items/7";
        headers["X-RateLimit-Limit"] = "5000";
        headers["X-RateLimit-Remaining"] = "4999";
        headers["X-RateLimit-Reset"] = "1714566600";
        headers.Link = NextLink;
        headers.LastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
        var (body, contentType) = kind switch
        {
            SendKind.Json => ("{\"Id\":\"a\",\"Count\":1}", "application/json"),
            SendKind.Envelope => ("{\"success\":true,\"data\":{\"Id\":\"a\",\"Count\":1}}", "application/json"),
            SendKind.Text => ("hello", "text/plain; charset=utf-8"),
            SendKind.Stream => ("bytes", "application/octet-stream"),
            _ => (string.Empty, string.Empty),
        };
        await LoopbackServer.Respond(context, status, body, contentType);
    }

    /// <summary>One call of <paramref name="kind"/>; its result as text (null for none) so that every kind checks it arrived.</summary>
    private static async Task<string?> SendAsync(SendKind kind, HttpClient http, LoopbackServer server, RequestOptions options)
    {
        var request = ContractsHttp.CreateRequest(HttpMethod.Get, server.BaseAddress, "/items/7");
        switch (kind)
        {
            case SendKind.Json:
                return (await ContractsHttp.SendAsync(http, request, "GetItem", CallOptionsJson.Default.Item, errors: null, allowEmpty: false, clientDefaults: null, options, CancellationToken.None))!.Id;
            case SendKind.Envelope:
                var shape = new EnvelopeShape<ItemError>("success", "data", "error", CallOptionsJson.Default.ItemError, error => error.Code, error => error.Message);
                return (await ContractsHttp.SendEnvelopeAsync(http, request, "GetItem", shape, CallOptionsJson.Default.Item, clientDefaults: null, options, CancellationToken.None)).Id;
            case SendKind.Text:
                return await ContractsHttp.SendTextAsync(http, request, "GetItem", errors: null, clientDefaults: null, options, CancellationToken.None);
            case SendKind.Stream:
                await using (var stream = await ContractsHttp.SendStreamAsync(http, request, "GetItem", errors: null, clientDefaults: null, options, CancellationToken.None))
                using (var reader = new StreamReader(stream))
                {
                    return await reader.ReadToEndAsync();
                }

            default:
                await ContractsHttp.SendAsync(http, request, "GetItem", errors: null, clientDefaults: null, options, CancellationToken.None);
                return null;
        }
    }
}
