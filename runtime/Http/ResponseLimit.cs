using System;
using System.Globalization;
using System.Net.Http;

namespace Contracts.Runtime.Http;

/// <summary>
/// How many bytes of a response body a call may buffer, and the setting that decided it (named in the exception so
/// that the reader knows what to raise). Precedence: the call's <see cref="RequestOptions"/>, the client's options,
/// an <see cref="HttpClient.MaxResponseContentBufferSize"/> lowered from its default, then <see cref="Default"/>.
/// </summary>
internal readonly struct ResponseLimit
{
    /// <summary>
    /// The cap when nobody set one. <see cref="HttpClient.MaxResponseContentBufferSize"/> defaults to <see cref="int.MaxValue"/>,
    /// which is no cap at all: a small compressed body could inflate until the process ran out of memory.
    /// </summary>
    public const long Default = 64L << 20;

    // The largest byte array .NET allocates is 0x7FFFFFC7; the reader needs one byte past the limit to see it crossed.
    private const long MaxBufferable = 0x7FFFFFC7 - 1;

    // Stored as an int (every limit is at most MaxBufferable) and a byte: eight bytes, so that the call that holds this
    // struct stays within the size it had before it carried a per-call timeout.
    private readonly int _bytes;
    private readonly Source _source;

    private ResponseLimit(long bytes, Source source)
    {
        _bytes = (int)Math.Min(bytes, MaxBufferable);
        _source = source;
    }

    private enum Source : byte
    {
        Call,
        Client,
        HttpClient,
        Default,
    }

    /// <summary>At most this many bytes are buffered; one more fails the call.</summary>
    public long Bytes => _bytes;

    public static ResponseLimit Resolve(HttpClient httpClient, RequestOptions? clientDefaults, RequestOptions? requestOptions)
    {
        if (requestOptions?.MaxResponseContentBufferSize is { } perCall)
        {
            return new ResponseLimit(perCall, Source.Call);
        }

        if (clientDefaults?.MaxResponseContentBufferSize is { } perClient)
        {
            return new ResponseLimit(perClient, Source.Client);
        }

        var fromHttpClient = httpClient.MaxResponseContentBufferSize;
        return fromHttpClient != int.MaxValue ? new ResponseLimit(fromHttpClient, Source.HttpClient) : new ResponseLimit(Default, Source.Default);
    }

    /// <summary>Completes "the response body exceeds …" (built only when a body does).</summary>
    public string Describe()
    {
        var bytes = Bytes.ToString(CultureInfo.InvariantCulture);
        return _source switch
        {
            Source.Call => "the limit of " + bytes + " bytes set by RequestOptions.MaxResponseContentBufferSize for this call",
            Source.Client => "the limit of " + bytes + " bytes set by MaxResponseContentBufferSize in the client's options",
            Source.HttpClient => "the limit of " + bytes + " bytes set by HttpClient.MaxResponseContentBufferSize",
            _ => "the default limit of " + bytes + " bytes; raise it with MaxResponseContentBufferSize in the client's options or per call in RequestOptions",
        };
    }
}
