using System;
using System.Globalization;
using System.Net;

namespace Contracts.Runtime;

/// <summary>
/// What a successful call's response said besides its body: the status code and every header. The
/// <c>…WithResponseAsync</c> twin of a generated method returns it (as <see cref="ApiResponse{T}"/> with the result);
/// the plain method returns the result alone and stays as light as before.
/// </summary>
public class ApiResponse
{
    /// <summary>Creates the response metadata (for tests and hand-written clients).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public ApiResponse(HttpStatusCode statusCode, ResponseHeaders headers)
    {
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response's headers and its content's, read with typed getters (<see cref="ResponseHeaders.GetInt64"/>…).</summary>
    public ResponseHeaders Headers { get; }

    /// <summary>The status and how many headers came with it; never the headers' values or the result.</summary>
    public override string ToString() =>
        "HTTP " + ((int)StatusCode).ToString(CultureInfo.InvariantCulture) + ", " + Headers;
}

/// <summary>
/// The result of a successful call with its status code and headers. Not sealed: the twin of an operation whose
/// responses declare headers returns a generated subclass with a typed property per declared header.
/// </summary>
/// <typeparam name="T">The result type the plain method returns.</typeparam>
public class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates the response (for tests and hand-written clients).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public ApiResponse(HttpStatusCode statusCode, ResponseHeaders headers, T value)
        : base(statusCode, headers)
    {
        Value = value;
    }

    /// <summary>The result, as the plain method returns it.</summary>
    public T Value { get; }
}
