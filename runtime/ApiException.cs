using System;
using System.Net;

namespace Contracts.Runtime;

/// <summary>
/// Thrown by generated clients when a call reaches the service but does not produce the declared result:
/// an error status, an error envelope, or a body that cannot be read. Transport failures
/// (<see cref="System.Net.Http.HttpRequestException"/>) and cancellation are not wrapped.
/// </summary>
/// <remarks>
/// What the exception prints (<see cref="Message"/>, <see cref="Reason"/>, <see cref="ResponseExcerpt"/>,
/// <see cref="Exception.ToString"/> and the messages of its inner exceptions) is safe to log: the service's text is
/// escaped and bounded (<see cref="ResponseText"/>) and the request's credentials are replaced with <c>***</c>.
/// <see cref="ErrorCode"/> and <see cref="ErrorMessage"/> are data: the service's values, with credentials replaced
/// but otherwise unchanged, so that code can compare them; escape them before printing them on their own.
/// </remarks>
public class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(
        string operationName,
        HttpStatusCode statusCode,
        string reason,
        string? errorCode = null,
        string? errorMessage = null,
        string? responseExcerpt = null,
        Exception? innerException = null)
        : base(FormatMessage(operationName, statusCode, reason, errorCode, errorMessage, responseExcerpt), RedactedExceptions.Wrap(innerException))
    {
        OperationName = operationName;
        StatusCode = statusCode;
        _reason = reason;
        _errorCode = errorCode;
        _errorMessage = errorMessage;
        _responseExcerpt = responseExcerpt;
        _message = base.Message;
    }

    // The service's text as received; not readonly: the runtime scrubs credentials out of it before the exception
    // leaves it (see Redact), and the message is printed again from the scrubbed text.
    private string _reason;
    private string? _errorCode;
    private string? _errorMessage;
    private string? _responseExcerpt;
    private string _message;

    /// <summary>The operation that failed, as named in the OpenAPI document.</summary>
    public string OperationName { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Why the response was rejected, in a few words (printable: the service's text in it is escaped and bounded).</summary>
    public string Reason => ResponseText.Printable(_reason, ResponseText.MaxMessageLength);

    /// <summary>The service's machine-readable error code, when the body carried one (as sent, credentials replaced).</summary>
    public string? ErrorCode => _errorCode;

    /// <summary>The service's human-readable error message, when the body carried one (as sent, credentials replaced).</summary>
    public string? ErrorMessage => _errorMessage;

    /// <summary>The start of the response body (at most <see cref="ResponseText.MaxExcerptLength"/> characters, escaped as <see cref="ResponseText"/> says).</summary>
    public string? ResponseExcerpt => _responseExcerpt is null ? null : ResponseText.Printable(_responseExcerpt, ResponseText.MaxExcerptLength);

    /// <summary>
    /// The headers of the response that failed the call (<c>Retry-After</c>, <c>Request-Id</c>, rate limits…), or null
    /// when the exception was not raised by a response. Like the rest of the exception they are safe to log: the
    /// request's credentials are replaced with <c>***</c>, and so are <c>Set-Cookie</c> values and the values of
    /// headers named like credentials.
    /// </summary>
    public ResponseHeaders? Headers { get; internal set; }

    /// <inheritdoc/>
    public override string Message => _message;

    /// <summary>
    /// Replaces the request's credentials wherever the service echoed them (reason, error code and message,
    /// excerpt, the messages of inner exceptions), so that logging the exception never logs a secret.
    /// </summary>
    internal void Redact(Http.CredentialScrubber scrubber)
    {
        if (scrubber.IsEmpty)
        {
            return;
        }

        _reason = scrubber.Scrub(_reason)!;
        _errorCode = scrubber.Scrub(_errorCode);
        _errorMessage = scrubber.Scrub(_errorMessage);
        _responseExcerpt = scrubber.Scrub(_responseExcerpt);
        Headers = Headers?.Select((_, value) => scrubber.Scrub(value)!);

        // Printed again from the scrubbed text, so that a bound never cuts a credential before it is recognized.
        _message = scrubber.Scrub(FormatMessage(OperationName, StatusCode, _reason, _errorCode, _errorMessage, _responseExcerpt))!;
        RedactedExceptions.Redact(InnerException, scrubber);
    }

    private static string FormatMessage(string operation, HttpStatusCode status, string reason, string? code, string? message, string? excerpt)
    {
        var text = operation + " failed with HTTP " + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) + ": "
            + ResponseText.Printable(reason, ResponseText.MaxMessageLength);
        if (code is not null || message is not null)
        {
            text += " (" + (code is null ? "no code" : ResponseText.Printable(code, ResponseText.MaxExcerptLength))
                + ": " + (message is null ? "no message" : ResponseText.Printable(message, ResponseText.MaxExcerptLength)) + ")";
        }

        // The excerpt helps when the body could not be read; a typed error already says what went wrong.
        if (excerpt is not null && code is null && message is null)
        {
            text += ". Response body starts with: " + ResponseText.Printable(excerpt, ResponseText.MaxExcerptLength);
        }

        return text;
    }
}

/// <summary>An <see cref="ApiException"/> that also carries the typed error the service returned.</summary>
/// <typeparam name="TError">The error type declared by the OpenAPI document.</typeparam>
public class ApiException<TError> : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiException(string operationName, HttpStatusCode statusCode, string reason, TError error, string? errorCode, string? errorMessage, string? responseExcerpt = null)
        : base(operationName, statusCode, reason, errorCode, errorMessage, responseExcerpt)
    {
        Error = error;
    }

    /// <summary>The error body, as declared by the OpenAPI document.</summary>
    public TError Error { get; }
}
