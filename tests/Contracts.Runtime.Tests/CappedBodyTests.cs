using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Contracts.Runtime.Tests.Infrastructure;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>
/// Bodies are read at most the call's, the client's, a lowered <see cref="HttpClient.MaxResponseContentBufferSize"/>'s or
/// the default limit of bytes (the runtime applies it: .NET does not with ResponseHeadersRead).
/// </summary>
public sealed class CappedBodyTests
{
    private const int Cap = 10_000;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Cap - 1)]
    [InlineData(Cap)]
    public async Task A_body_up_to_the_cap_is_read_whole(int length)
    {
        var body = new ScriptedBody(length);

        var text = await SendTextAsync(new StreamContent(body));

        Assert.Equal(length, text.Length);
        Assert.Equal(length, body.BytesRead);
    }

    [Theory]
    [InlineData(Cap + 1)]
    [InlineData(50_000_000)]
    public async Task A_body_over_the_cap_stops_as_soon_as_it_crosses_it(long length)
    {
        var body = new ScriptedBody(length);

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendTextAsync(new StreamContent(body)));

        Assert.Equal("the response body exceeds the limit of 10000 bytes set by HttpClient.MaxResponseContentBufferSize", exception.Reason);
        Assert.Equal("GetNote", exception.OperationName);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.StartsWith("xxxx", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.InRange(body.BytesRead, Cap + 1, Cap + 1000);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_fails_without_reading()
    {
        var body = new ScriptedBody(Cap + 1);
        var content = new StreamContent(body);
        content.Headers.ContentLength = Cap + 1;

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendTextAsync(content));

        Assert.Equal("the response body of 10001 bytes (its Content-Length) exceeds the limit of 10000 bytes set by HttpClient.MaxResponseContentBufferSize", exception.Reason);
        Assert.Equal(string.Empty, exception.ResponseExcerpt);
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task A_declared_length_within_the_cap_is_read()
    {
        var content = new StreamContent(new ScriptedBody(Cap));
        content.Headers.ContentLength = Cap;

        Assert.Equal(Cap, (await SendTextAsync(content)).Length);
    }

    [Fact]
    public async Task A_body_that_breaks_keeps_the_status_what_arrived_and_the_cause()
    {
        var cause = new IOException("The response ended prematurely.");
        var body = new ScriptedBody(300, (byte)'{') { FailWith = cause };

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendTextAsync(new StreamContent(body), HttpStatusCode.BadGateway));

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal("the connection closed before the response body was complete (300 bytes received)", exception.Reason);
        // A printable copy of the cause (see PrintableMessageTests): its type, message and stack trace.
        var inner = Assert.IsAssignableFrom<IOException>(exception.InnerException);
        Assert.Equal(cause.Message, inner.Message);
        Assert.Equal(cause.StackTrace, inner.StackTrace);
        Assert.StartsWith("{{{{", exception.ResponseExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_is_not_wrapped()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var body = new ScriptedBody(100);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendTextAsync(new StreamContent(body), cancellationToken: cancellation.Token));
    }

    [Theory]
    [InlineData(null, null, 10_000L, "the limit of 10000 bytes set by HttpClient.MaxResponseContentBufferSize")]
    [InlineData(2_000L, null, 2_000L, "the limit of 2000 bytes set by MaxResponseContentBufferSize in the client's options")]
    [InlineData(null, 3_000L, 3_000L, "the limit of 3000 bytes set by RequestOptions.MaxResponseContentBufferSize for this call")]
    [InlineData(2_000L, 50_000L, 50_000L, "the limit of 50000 bytes set by RequestOptions.MaxResponseContentBufferSize for this call")]
    [InlineData(50_000L, null, 50_000L, "the limit of 50000 bytes set by MaxResponseContentBufferSize in the client's options")]
    public async Task The_call_s_limit_comes_before_the_client_s_and_both_before_the_HttpClient_s(long? client, long? call, long limit, string named)
    {
        var clientDefaults = new RequestOptions { MaxResponseContentBufferSize = client };
        var requestOptions = call is null ? null : new RequestOptions { MaxResponseContentBufferSize = call };

        var atLimit = await SendTextAsync(new StreamContent(new ScriptedBody(limit)), clientDefaults: clientDefaults, requestOptions: requestOptions);
        var exception = await Assert.ThrowsAsync<ApiException>(() => SendTextAsync(new StreamContent(new ScriptedBody(limit + 1)), clientDefaults: clientDefaults, requestOptions: requestOptions));

        Assert.Equal(limit, atLimit.Length);
        Assert.Equal("the response body exceeds " + named, exception.Reason);
    }

    [Fact]
    public async Task Without_any_setting_the_cap_is_64_MiB()
    {
        var cap = 64L << 20;
        using var http = new HttpClient(new ScriptedHandler(_ => ScriptedHandler.Respond(HttpStatusCode.OK, new StreamContent(new ScriptedBody(cap + 1)))));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/notes/a");

        var exception = await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendTextAsync(http, request, "GetNote", errors: null, CancellationToken.None));

        Assert.Equal(int.MaxValue, http.MaxResponseContentBufferSize);
        Assert.Equal(
            "the response body exceeds the default limit of 67108864 bytes; raise it with MaxResponseContentBufferSize in the client's options or per call in RequestOptions",
            exception.Reason);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void A_limit_must_be_positive(long value)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new RequestOptions { MaxResponseContentBufferSize = value });

        Assert.Contains("MaxResponseContentBufferSize", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<string> SendTextAsync(HttpContent content, HttpStatusCode status = HttpStatusCode.OK, CancellationToken cancellationToken = default, RequestOptions? clientDefaults = null, RequestOptions? requestOptions = null)
    {
        using var http = new HttpClient(new ScriptedHandler(_ => ScriptedHandler.Respond(status, content))) { MaxResponseContentBufferSize = Cap };
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/notes/a");
        return await ContractsHttp.SendTextAsync(http, request, "GetNote", errors: null, clientDefaults, requestOptions, cancellationToken);
    }
}
