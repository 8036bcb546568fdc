using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Microsoft.AspNetCore.Http;

namespace Contracts.AwsTests.Infrastructure;

/// <summary>
/// An AWS JSON endpoint on 127.0.0.1 (a <see cref="LoopbackServer"/>) that is as strict as AWS about what a client must
/// get right: a valid SigV4 signature for its region and service, <c>POST /</c>, an <c>X-Amz-Target</c> of its
/// service and the exact AWS JSON content type. Subclasses implement the operations; tests can queue replies
/// (throttling, 500s, odd error types) that are sent instead, once per attempt, after a request passes the checks.
/// </summary>
public abstract class FakeAwsEndpoint : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<Exchange> _exchanges = [];
    private readonly List<(string? Operation, FakeReply Reply)> _queued = [];
    private LoopbackServer? _server;

    protected FakeAwsEndpoint(string targetPrefix, string contentType, string service, string region, AwsCredentials credentials)
    {
        TargetPrefix = targetPrefix;
        ContentType = contentType;
        Service = service;
        Region = region;
        Credentials = credentials;
    }

    /// <summary>Such as <c>Lightsail_20161128.</c>.</summary>
    public string TargetPrefix { get; }

    /// <summary><c>application/x-amz-json-1.1</c> or <c>-1.0</c>.</summary>
    public string ContentType { get; }

    public string Service { get; }

    public string Region { get; }

    /// <summary>The only key pair whose signatures are accepted.</summary>
    public AwsCredentials Credentials { get; }

    /// <summary>Such as <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request with the answer it got, in arrival order.</summary>
    public IReadOnlyList<Exchange> Exchanges
    {
        get
        {
            lock (_gate)
            {
                return _exchanges.ToArray();
            }
        }
    }

    /// <summary>How many requests (attempts) named <paramref name="operation"/>.</summary>
    public int CountOf(string operation) => Exchanges.Count(e => e.Operation == operation);

    /// <summary>Requests refused for their signature (or a missing one).</summary>
    public int SignatureFailures => Exchanges.Count(e => e.SignatureFailure is not null);

    /// <summary>Answers the next <paramref name="times"/> valid requests for <paramref name="operation"/> (null: any) with <paramref name="reply"/>.</summary>
    public void Enqueue(FakeReply reply, int times = 1, string? operation = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _queued.Add((operation, reply));
            }
        }
    }

    /// <summary>HTTP 400 <c>{"__type":"ThrottlingException"}</c>, as AWS throttles AWS JSON calls.</summary>
    public void Throttle(int times, string? operation = null) =>
        Enqueue(FakeReply.Error(400, "ThrottlingException", null), times, operation);

    /// <summary>HTTP 500 with the service's internal error type.</summary>
    public void FailWithServerError(int times, string? operation = null) =>
        Enqueue(FakeReply.Error(500, ServerErrorType, "We encountered an internal error. Please try again."), times, operation);

    /// <summary>Resets the connection of the next <paramref name="times"/> valid requests instead of answering.</summary>
    public void DropConnection(int times, string? operation = null) => Enqueue(FakeReply.Drop, times, operation);

    /// <summary>An error type no description lists (one added to the service after the client was generated).</summary>
    public void FailWithUnknownError(string errorType, string message, string? operation = null) =>
        Enqueue(FakeReply.Error(400, errorType, message), 1, operation);

    /// <summary>Starts listening on 127.0.0.1 (on a <see cref="LoopbackServer"/>); the subclasses' StartAsync call it.</summary>
    public async Task ListenAsync()
    {
        _server = await LoopbackServer.StartAsync(HandleAsync).ConfigureAwait(false);
        BaseAddress = _server.BaseAddress;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Guards the subclass's state too: operations run under it, so seeding from a test cannot interleave with one.</summary>
    protected object Gate => _gate;

    /// <summary>The error type of the service's HTTP 500 (<c>InternalFailure</c> for most; Lightsail says <c>ServiceException</c>).</summary>
    protected virtual string ServerErrorType => "InternalFailure";

    /// <summary>Runs <paramref name="operation"/> on a request that passed every check.</summary>
    protected abstract FakeReply Handle(string operation, JsonElement input);

    private async Task HandleAsync(HttpContext context)
    {
        var request = await ReceivedRequest.ReadAsync(context, context.RequestAborted).ConfigureAwait(false);
        var operation = request.Target is { } target && target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : null;
        var failure = SigV4Verifier.Verify(request, Credentials, Region, Service, DateTimeOffset.UtcNow);
        var reply = failure is not null
            ? FakeReply.Error(403, failure.ErrorType, failure.Message)
            : Validate(request, operation) ?? Dequeue(operation!) ?? Dispatch(operation!, request);
        var requestId = Guid.NewGuid().ToString();
        lock (_gate)
        {
            _exchanges.Add(new Exchange(request, operation, reply.Status, requestId, failure));
        }

        if (ReferenceEquals(reply, FakeReply.Drop))
        {
            context.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = ContentType;
        response.ContentLength = reply.Body.Length;
        response.Headers["x-amzn-RequestId"] = requestId;
        if (reply.ErrorTypeHeader is not null)
        {
            response.Headers["X-Amzn-ErrorType"] = reply.ErrorTypeHeader;
        }

        if (reply.Location is not null)
        {
            response.Headers.Location = reply.Location;
        }

        if (reply.RetryAfter is not null)
        {
            response.Headers.RetryAfter = reply.RetryAfter;
        }

        await response.Body.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
    }

    // The errors AWS JSON endpoints give for requests that are not AWS JSON calls of this service.
    private FakeReply? Validate(ReceivedRequest request, string? operation)
    {
        if (request.Method != "POST" || request.RawPath != "/")
        {
            return FakeReply.Error(404, "UnknownOperationException", "AWS JSON operations are POST /, not " + request.Method + " " + request.RawPath);
        }

        if (operation is null || operation.Length == 0)
        {
            return FakeReply.Error(400, "UnknownOperationException", "X-Amz-Target must start with " + TargetPrefix + "; got '" + request.Target + "'");
        }

        if (request.Header("Content-Type") != ContentType)
        {
            return FakeReply.Error(400, "SerializationException", "Content-Type must be " + ContentType + "; got '" + request.Header("Content-Type") + "'");
        }

        return null;
    }

    private FakeReply? Dequeue(string operation)
    {
        lock (_gate)
        {
            var index = _queued.FindIndex(q => q.Operation is null || q.Operation == operation);
            if (index < 0)
            {
                return null;
            }

            var reply = _queued[index].Reply;
            _queued.RemoveAt(index);
            return reply;
        }
    }

    private FakeReply Dispatch(string operation, ReceivedRequest request)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request.Body);
        }
        catch (JsonException exception)
        {
            return FakeReply.Error(400, "SerializationException", "The body is not JSON: " + exception.Message);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return FakeReply.Error(400, "SerializationException", "The body must be a JSON object.");
            }

            lock (_gate)
            {
                return Handle(operation, document.RootElement);
            }
        }
    }
}

/// <summary>One request and the answer it got.</summary>
public sealed record Exchange(ReceivedRequest Request, string? Operation, int Status, string RequestId, SignatureFailure? SignatureFailure);
