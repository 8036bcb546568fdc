using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.Runtime.Tests.Retries;

/// <summary>
/// What <see cref="RetryHandler"/> sends again, how long it waits (on an injected clock), and what it never retries.
/// The network is a <see cref="ScriptedHandler"/>; RetryHandlerOverHttpTests (integration tests) runs the same rules over Kestrel.
/// </summary>
public sealed class RetryHandlerTests
{
    [Fact]
    public async Task A_429_with_Retry_After_seconds_is_retried_after_exactly_that_wait()
    {
        var clock = new TimerClock();
        var network = Answers(Status(429, retryAfter: "7"), Status(200));
        using var http = Client(network, new RetryPolicy { TimeProvider = clock });

        var call = http.GetAsync("https://api.example/items");
        var waited = await clock.AdvanceToNextTimerAsync();
        using var response = await call;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), waited);
        Assert.Equal(2, network.Requests.Count);
    }

    [Fact]
    public async Task A_Retry_After_date_is_measured_from_the_policy_clock()
    {
        var clock = new TimerClock();
        var date = clock.GetUtcNow().AddSeconds(30).ToString("r");
        var network = Answers(Status(503, retryAfter: date), Status(200));
        using var http = Client(network, new RetryPolicy { TimeProvider = clock });

        var call = http.GetAsync("https://api.example/items");
        var waited = await clock.AdvanceToNextTimerAsync();
        using var response = await call;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), waited);
    }

    [Fact]
    public async Task A_Retry_After_date_in_the_past_is_retried_without_waiting()
    {
        var clock = new TimerClock();
        var date = clock.GetUtcNow().AddMinutes(-5).ToString("r");
        var network = Answers(Status(503, retryAfter: date), Status(200));
        using var http = Client(network, new RetryPolicy { TimeProvider = clock });

        using var response = await http.GetAsync("https://api.example/items");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.NoTimerStarted);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxRetryAfter_fails_at_once_with_that_response()
    {
        var clock = new TimerClock();
        var network = Answers(Status(429, retryAfter: "3600"), Status(200));
        using var http = Client(network, new RetryPolicy { TimeProvider = clock, MaxRetryAfter = TimeSpan.FromMinutes(5) });

        using var response = await http.GetAsync("https://api.example/items");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(network.Requests);
        Assert.True(clock.NoTimerStarted);
    }

    [Fact]
    public async Task Without_Retry_After_the_wait_is_a_jittered_doubling_backoff()
    {
        var clock = new TimerClock();
        var network = Answers(Status(500), Status(502), Status(504), Status(200));
        var policy = new RetryPolicy { TimeProvider = clock, MaxAttempts = 4, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3) };
        using var http = Client(network, policy);

        var call = http.GetAsync("https://api.example/items");
        var waits = new[] { await clock.AdvanceToNextTimerAsync(), await clock.AdvanceToNextTimerAsync(), await clock.AdvanceToNextTimerAsync() };
        using var response = await call;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, network.Requests.Count);
        Assert.InRange(waits[0], TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(waits[1], TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.InRange(waits[2], TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task These_statuses_are_retried(int status)
    {
        var network = Answers(Status(status), Status(200));
        using var http = Client(network, Immediate());

        using var response = await http.GetAsync("https://api.example/items");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, network.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(501)]
    public async Task Other_statuses_are_not_retried(int status)
    {
        var network = Answers(Status(status), Status(200));
        using var http = Client(network, Immediate());

        using var response = await http.GetAsync("https://api.example/items");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task Attempts_stop_at_MaxAttempts_with_the_last_response()
    {
        var network = Answers(Status(503), Status(503), Status(503), Status(200));
        using var http = Client(network, Immediate(maxAttempts: 3));

        using var response = await http.GetAsync("https://api.example/items");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, network.Requests.Count);
    }

    [Fact]
    public async Task A_POST_without_an_idempotency_key_is_not_retried()
    {
        var network = Answers(Status(503), Status(200));
        using var http = Client(network, Immediate());

        using var response = await http.PostAsync("https://api.example/charges", Json("""{"amount":1}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task A_POST_with_an_idempotency_key_is_retried_with_the_same_key_and_body()
    {
        var network = Answers(Status(503), Status(200));
        using var http = Client(network, Immediate());
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example/charges") { Content = Json("""{"amount":1}""") };
        request.Headers.Add("Idempotency-Key", "charge-42");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, network.Requests.Count);
        Assert.All(network.Requests, sent => Assert.Equal("charge-42", sent.Single("Idempotency-Key")));
        Assert.All(network.Requests, sent => Assert.Equal("""{"amount":1}""", sent.BodyText));
    }

    [Fact]
    public async Task A_caller_stream_body_is_not_sent_twice()
    {
        var network = Answers(Status(503), Status(200));
        using var http = Client(network, Immediate());

        using var response = await http.PutAsync("https://api.example/files/a", new StreamContent(new MemoryStream([1, 2, 3])));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task A_multipart_body_of_buffered_parts_is_retried()
    {
        var network = Answers(Status(503), Status(200));
        using var http = Client(network, Immediate());
        var form = new MultipartFormDataContent { { new StringContent("a"), "name" }, { new ByteArrayContent([1, 2]), "file", "f.bin" } };

        using var response = await http.PutAsync("https://api.example/files/a", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, network.Requests.Count);
        Assert.Equal(network.Requests[0].Body, network.Requests[1].Body);
    }

    [Fact]
    public async Task A_multipart_body_with_a_stream_part_is_not_retried()
    {
        var network = Answers(Status(503), Status(200));
        using var http = Client(network, Immediate());
        var form = new MultipartFormDataContent { { new StreamContent(new MemoryStream([1, 2])), "file", "f.bin" } };

        using var response = await http.PutAsync("https://api.example/files/a", form);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task A_transport_error_is_retried()
    {
        var attempts = 0;
        var network = new ScriptedHandler(_ => ++attempts == 1 ? throw new HttpRequestException("connection reset") : new HttpResponseMessage(HttpStatusCode.OK));
        using var http = Client(network, Immediate());

        using var response = await http.GetAsync("https://api.example/items");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task An_attempt_that_timed_out_on_its_own_is_retried()
    {
        var attempts = 0;
        var network = new ScriptedHandler(_ => ++attempts == 1
            ? throw new TaskCanceledException("attempt timed out", new TimeoutException())
            : new HttpResponseMessage(HttpStatusCode.OK));
        using var http = Client(network, Immediate());

        using var response = await http.GetAsync("https://api.example/items");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_transport_error_of_a_POST_without_a_key_surfaces()
    {
        var attempts = 0;
        var network = new ScriptedHandler(_ => { attempts++; throw new HttpRequestException("connection reset"); });
        using var http = Client(network, Immediate());

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("https://api.example/charges", Json("{}")));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task The_caller_cancellation_is_not_retried()
    {
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;
        var network = new ScriptedHandler(_ =>
        {
            attempts++;
            cancellation.Cancel();
            throw new OperationCanceledException(cancellation.Token);
        });
        using var http = Client(network, Immediate());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.GetAsync("https://api.example/items", cancellation.Token));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Cancelling_during_the_wait_ends_the_call_without_another_attempt()
    {
        var clock = new TimerClock();
        var network = Answers(Status(503, retryAfter: "10"), Status(200));
        using var http = Client(network, new RetryPolicy { TimeProvider = clock });
        using var cancellation = new CancellationTokenSource();

        var call = http.GetAsync("https://api.example/items", cancellation.Token);
        await clock.NextTimerAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task RetryPolicy_None_makes_one_attempt()
    {
        var network = Answers(Status(503), Status(200));
        using var http = Client(network, RetryPolicy.None);

        using var response = await http.GetAsync("https://api.example/items");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task A_policy_set_on_the_request_overrides_the_handler_policy()
    {
        var network = Answers(Status(503), Status(200));
        using var http = Client(network, Immediate());
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example/items");
        RetryRules.SetPolicy(request, RetryPolicy.None);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task A_calls_RequestOptions_Retry_reaches_the_handler()
    {
        var network = Answers(Status(503), Status(200));
        using var http = Client(network, Immediate());
        var request = ContractsHttp.CreateRequest(HttpMethod.Get, new Uri("https://api.example/"), "/items");

        var error = await Assert.ThrowsAsync<ApiException>(() => ContractsHttp.SendAsync(
            http, request, "GetItems", errors: null, clientDefaults: null, new RequestOptions { Retry = RetryPolicy.None }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task A_call_without_its_own_policy_keeps_the_handlers()
    {
        var network = Answers(Status(503), Status(200));
        using var http = Client(network, Immediate());
        var request = ContractsHttp.CreateRequest(HttpMethod.Get, new Uri("https://api.example/"), "/items");

        await ContractsHttp.SendAsync(http, request, "GetItems", errors: null, clientDefaults: null, new RequestOptions(), CancellationToken.None);

        Assert.Equal(2, network.Requests.Count);
    }

    [Fact]
    public void MaxAttempts_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy { MaxAttempts = 0 });
    }

    /// <summary>A policy whose waits end at once (the waits themselves are tested with <see cref="TimerClock"/>).</summary>
    private static RetryPolicy Immediate(int maxAttempts = 3) => new() { MaxAttempts = maxAttempts, Delay = static (_, _) => Task.CompletedTask };

    private static HttpClient Client(ScriptedHandler network, RetryPolicy policy) => new(new RetryHandler(policy, network));

    /// <summary>Answers the requests in turn with <paramref name="responses"/>; the last repeats.</summary>
    private static ScriptedHandler Answers(params Func<HttpResponseMessage>[] responses)
    {
        var next = 0;
        return new ScriptedHandler(_ => responses[Math.Min(Interlocked.Increment(ref next) - 1, responses.Length - 1)]());
    }

    private static Func<HttpResponseMessage> Status(int status, string? retryAfter = null) => () =>
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("{}") };
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
