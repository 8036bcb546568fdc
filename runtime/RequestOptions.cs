using System;
using System.ComponentModel;
using Contracts.Runtime.Authentication;

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

    /// <summary>The client's security schemes and credentials; set on the client-level options only.</summary>
    internal ClientAuthentication? Authentication { get; private set; }

    /// <summary>
    /// Attaches the client's authentication to these (client-level) options and returns them. Generated client
    /// constructors call this; it is plumbing.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RequestOptions WithAuthentication(ClientAuthentication authentication)
    {
        Authentication = authentication ?? throw new ArgumentNullException(nameof(authentication));
        return this;
    }
}
