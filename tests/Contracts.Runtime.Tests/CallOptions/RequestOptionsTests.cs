using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.Runtime.Tests.CallOptions;

/// <summary>
/// The per-call members of <see cref="RequestOptions"/>: what is checked when set, what is checked when the call is
/// sent (before anything is), the precedence of the call's values over the client's, and the capture-carrying copy.
/// </summary>
public sealed class RequestOptionsTests
{
    private static readonly Uri Base = new("https://api.example.com/");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_timeout_that_is_not_positive_is_refused(int milliseconds)
    {
        var options = new RequestOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.FromMilliseconds(milliseconds));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.FromDays(30));
        options.Timeout = Timeout.InfiniteTimeSpan;
        options.Timeout = TimeSpan.FromSeconds(1);
        options.Timeout = null;
        Assert.Null(options.Timeout);
    }

    [Fact]
    public void Options_without_headers_create_no_dictionary()
    {
        var options = new RequestOptions { Timeout = TimeSpan.FromSeconds(1) };

        Assert.False(options.HasHeaders);
        Assert.Null(options.HeadersOrNull);
        options.IdempotencyKey = "k";
        Assert.True(options.HasHeaders);
    }

    [Fact]
    public async Task Extra_headers_are_sent_and_replace_those_of_the_generated_code_and_the_client()
    {
        var handler = new ScriptedHandler();
        using var http = new HttpClient(handler);
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "default-agent");
        var request = ContractsHttp.CreateRequest(HttpMethod.Get, Base, "/items");
        ContractsHttp.AddHeader(request, "X-Trace", "from-parameter");
        var client = new RequestOptions { Headers = { ["X-Client"] = "client", ["X-Both"] = "client" }, IdempotencyKey = "client-key" };
        var call = new RequestOptions
        {
            Headers = { ["x-trace"] = "per-call", ["X-Both"] = "call", ["User-Agent"] = "call-agent", ["Idempotency-Key"] = "from-headers" },
            IdempotencyKey = "call-key",
        };

        await ContractsHttp.SendAsync(http, request, "GetItems", errors: null, client, call, CancellationToken.None);

        var sent = handler.Last.Headers;
        Assert.Equal("per-call", sent["X-Trace"]);
        Assert.Equal("client", sent["X-Client"]);
        Assert.Equal("call", sent["X-Both"]);
        Assert.Equal("call-agent", sent["User-Agent"]);
        Assert.Equal("call-key", sent["Idempotency-Key"]);
    }

    [Fact]
    public async Task A_content_header_goes_on_the_body()
    {
        var handler = new ScriptedHandler();
        using var http = new HttpClient(handler);
        var request = ContractsHttp.CreateRequest(HttpMethod.Post, Base, "/items");
        request.Content = ContractsHttp.CreateTextContent("hello", "text/plain");
        var options = new RequestOptions { Headers = { ["Content-Language"] = "de", ["Content-Type"] = "text/markdown" } };

        await ContractsHttp.SendAsync(http, request, "PostItem", errors: null, clientDefaults: null, options, CancellationToken.None);

        Assert.Equal("de", Assert.Single(request.Content.Headers.ContentLanguage));
        Assert.Equal("text/markdown", handler.Last.ContentType);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "X-Note", "a\r\nX-Injected: 1", "The value of request header 'X-Note' contains a line break or NUL." },
        { "X-Note", "a\nb", "The value of request header 'X-Note' contains a line break or NUL." },
        { "X-Note", "a\0b", "The value of request header 'X-Note' contains a line break or NUL." },
        { "Host", "evil.example", "The request header 'Host' cannot be set per call: the transport sets it from the request." },
        { "content-length", "0", "The request header 'content-length' cannot be set per call: the transport sets it from the request." },
        { "Transfer-Encoding", "chunked", "The request header 'Transfer-Encoding' cannot be set per call: the transport sets it from the request." },
        { "X Note", "a", "The request header name 'X Note' is not a valid HTTP header name." },
        { "X-Note:", "a", "The request header name 'X-Note:' is not a valid HTTP header name." },
        { "X-\r\nNote", "a", "The request header name 'X-\\r\\nNote' is not a valid HTTP header name." },
        { "", "a", "The request header name '' is not a valid HTTP header name." },
        { "Content-Type", "text/plain", "The request header 'Content-Type' describes a body, and this request has none." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_header_fails_the_call_before_anything_is_sent(string name, string value, string message)
    {
        var handler = new ScriptedHandler();
        using var http = new HttpClient(handler);
        var options = new RequestOptions { Headers = { [name] = value } };

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => ContractsHttp.SendAsync(http, ContractsHttp.CreateRequest(HttpMethod.Get, Base, "/items"), "GetItems", errors: null, clientDefaults: null, options, CancellationToken.None));

        Assert.Equal(message + " (Parameter 'Headers')", exception.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_idempotency_key_with_a_line_break_is_refused_and_not_repeated()
    {
        var handler = new ScriptedHandler();
        using var http = new HttpClient(handler);
        var options = new RequestOptions { IdempotencyKey = "key-1234\r\nX-Injected: 1" };

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => ContractsHttp.SendAsync(http, ContractsHttp.CreateRequest(HttpMethod.Post, Base, "/charges"), "CreateCharge", errors: null, clientDefaults: null, options, CancellationToken.None));

        Assert.Equal("IdempotencyKey", exception.ParamName);
        Assert.DoesNotContain("key-1234", exception.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_refused_client_default_fails_the_call_too()
    {
        var handler = new ScriptedHandler();
        using var http = new HttpClient(handler);
        var client = new RequestOptions { Headers = { ["Host"] = "other.example" } };

        await Assert.ThrowsAsync<ArgumentException>(
            () => ContractsHttp.SendAsync(http, ContractsHttp.CreateRequest(HttpMethod.Get, Base, "/items"), "GetItems", errors: null, client, requestOptions: null, CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Capturing_copies_the_callers_options_and_leaves_them_unchanged()
    {
        var retry = new RetryPolicy { MaxAttempts = 5 };
        var original = new RequestOptions
        {
            MaxResponseContentBufferSize = 1024,
            Timeout = TimeSpan.FromSeconds(3),
            IdempotencyKey = "key",
            Retry = retry,
            Headers = { ["X-Trace"] = "1" },
        };
        var capture = new ResponseCapture();

        var copy = RequestOptions.Capturing(original, capture);
        copy.Headers["X-Other"] = "2";

        Assert.NotSame(original, copy);
        Assert.Same(capture, copy.Capture);
        Assert.Null(original.Capture);
        Assert.Equal(1024, copy.MaxResponseContentBufferSize);
        Assert.Equal(TimeSpan.FromSeconds(3), copy.Timeout);
        Assert.Equal("key", copy.IdempotencyKey);
        Assert.Same(retry, copy.Retry);
        Assert.Equal("1", copy.Headers["X-Trace"]);
        Assert.False(original.Headers.ContainsKey("X-Other"));
        Assert.Same(capture, RequestOptions.Capturing(null, capture).Capture);
        Assert.Throws<ArgumentNullException>(() => RequestOptions.Capturing(original, null!));
    }

    [Fact]
    public async Task A_capture_receives_the_status_and_headers_of_a_successful_call_only()
    {
        var status = HttpStatusCode.Accepted;
        var handler = new ScriptedHandler(_ =>
        {
            var response = ScriptedHandler.Respond(status, new StringContent("{}", Encoding.UTF8, "application/json"));
            response.Headers.TryAddWithoutValidation("Request-Id", "req_42");
            return response;
        });
        using var http = new HttpClient(handler);
        var capture = new ResponseCapture();

        Assert.False(capture.HasResponse);
        Assert.Throws<InvalidOperationException>(() => capture.ToResponse());
        await ContractsHttp.SendAsync(http, ContractsHttp.CreateRequest(HttpMethod.Get, Base, "/items"), "GetItems", errors: null, clientDefaults: null, RequestOptions.Capturing(null, capture), CancellationToken.None);

        var response = capture.ToResponse(7);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("req_42", response.Headers.GetString("request-id"));
        Assert.Equal(7, response.Value);

        status = HttpStatusCode.BadRequest;
        var failed = new ResponseCapture();
        var exception = await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendAsync(http, ContractsHttp.CreateRequest(HttpMethod.Get, Base, "/items"), "GetItems", errors: null, clientDefaults: null, RequestOptions.Capturing(null, failed), CancellationToken.None));
        Assert.False(failed.HasResponse);
        Assert.Equal("req_42", exception.Headers!.GetString("Request-Id"));
    }
}
