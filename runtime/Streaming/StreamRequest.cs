using System;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Streaming;

/// <summary>What each enumeration of a <see cref="StreamingResponse{T}"/> needs to send its request and read the stream.</summary>
internal sealed class StreamRequest<T>(
    HttpClient httpClient,
    Func<HttpRequestMessage> createRequest,
    string operationName,
    StreamFormat format,
    JsonTypeInfo<T> typeInfo,
    EventTypeMap<T>? eventTypes,
    ErrorResponses? errors,
    RequestOptions? clientDefaults,
    RequestOptions? requestOptions,
    CancellationToken cancellationToken)
{
    public HttpClient HttpClient { get; } = httpClient;

    public Func<HttpRequestMessage> CreateRequest { get; } = createRequest;

    public string OperationName { get; } = operationName;

    public StreamFormat Format { get; } = format;

    public JsonTypeInfo<T> TypeInfo { get; } = typeInfo;

    public EventTypeMap<T>? EventTypes { get; } = eventTypes;

    public ErrorResponses? Errors { get; } = errors;

    public RequestOptions? ClientDefaults { get; } = clientDefaults;

    public RequestOptions? RequestOptions { get; } = requestOptions;

    /// <summary>The token given to the generated method; each enumeration links it with its own.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;
}
