using System;
using System.ComponentModel;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Contracts.Runtime.Http;

/// <summary>
/// Receives the status and headers of a successful response for a <c>…WithResponseAsync</c> twin method: the twin
/// passes <see cref="RequestOptions.Capturing"/> options to the plain method, then wraps the plain method's result
/// with <see cref="ToResponse{T}(T)"/>. Only a call that carries a capture takes the snapshot, so the plain call
/// allocates nothing for it. Generated code calls this; it is plumbing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResponseCapture
{
    private ResponseHeaders? _headers;

    /// <summary>Whether a successful response was received.</summary>
    public bool HasResponse => _headers is not null;

    /// <summary>The status of the response received.</summary>
    public HttpStatusCode StatusCode { get; private set; }

    /// <summary>The headers of the response received.</summary>
    /// <exception cref="InvalidOperationException">No response was received.</exception>
    public ResponseHeaders Headers => _headers ?? throw NoResponse();

    /// <summary>The metadata received, for an operation without a result.</summary>
    /// <exception cref="InvalidOperationException">No response was received.</exception>
    public ApiResponse ToResponse() => new(StatusCode, Headers);

    /// <summary>The metadata received with <paramref name="value"/>, the plain method's result.</summary>
    /// <exception cref="InvalidOperationException">No response was received.</exception>
    public ApiResponse<T> ToResponse<T>(T value) => new(StatusCode, Headers, value);

    /// <summary>The metadata received, once <paramref name="call"/> (the plain method's task) has succeeded: the twin need not be <c>async</c>.</summary>
    /// <exception cref="InvalidOperationException">No response was received.</exception>
    public async Task<ApiResponse> ToResponseAsync(Task call)
    {
        await call.ConfigureAwait(false);
        return ToResponse();
    }

    /// <summary>The metadata received with the result of <paramref name="call"/> (the plain method's task), once it has succeeded.</summary>
    /// <exception cref="InvalidOperationException">No response was received.</exception>
    public async Task<ApiResponse<T>> ToResponseAsync<T>(Task<T> call) => ToResponse(await call.ConfigureAwait(false));

    /// <summary>The address the response came from (a paginator resolves a relative next link against it); null when the response does not say.</summary>
    internal Uri? RequestUri { get; private set; }

    /// <summary>Takes the snapshot (a later response of the same call, such as a retry's, replaces it).</summary>
    internal void Receive(HttpResponseMessage response)
    {
        StatusCode = response.StatusCode;
        _headers = ResponseHeaders.From(response);
        RequestUri = response.RequestMessage?.RequestUri;
    }

    private static InvalidOperationException NoResponse() =>
        new("No response was captured: the options carrying this capture were not passed to a call that succeeded.");
}
