using System;

namespace Contracts.Runtime;

/// <summary>
/// Settings for one call of a generated client, passed as its last argument (<c>requestOptions:</c>). What is set here
/// takes precedence over the client's options for that call only; what is left null keeps the client's setting.
/// </summary>
public sealed class RequestOptions
{
    private long? _maxResponseContentBufferSize;

    /// <summary>
    /// The most bytes of a response body the call reads into memory, counted after decompression; a longer body fails
    /// with an <see cref="ApiException"/>. Null keeps the client's limit: its options' <c>MaxResponseContentBufferSize</c>,
    /// else a lowered <see cref="System.Net.Http.HttpClient.MaxResponseContentBufferSize"/>, else 64 MiB.
    /// <c>Stream</c> results are read by the caller and are not capped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public long? MaxResponseContentBufferSize
    {
        get => _maxResponseContentBufferSize;
        set => _maxResponseContentBufferSize = value is null or > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxResponseContentBufferSize must be a positive number of bytes.");
    }
}
