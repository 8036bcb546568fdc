using System.ComponentModel;
using System.Net;

namespace Contracts.Runtime.Aws;

/// <summary>What an AWS error response says: the error type, message and request id, read from its body and headers.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsErrorInfo
{
    internal AwsErrorInfo(string operationName, HttpStatusCode statusCode, string errorType, string? message, string? requestId, byte[] body)
    {
        OperationName = operationName;
        StatusCode = statusCode;
        ErrorType = errorType;
        Message = message;
        RequestId = requestId;
        Body = body;
    }

    /// <summary>The operation that failed.</summary>
    internal string OperationName { get; }

    /// <summary>The HTTP status of the response.</summary>
    internal HttpStatusCode StatusCode { get; }

    /// <summary>The error's short name, such as <c>NotFoundException</c> (from <c>__type</c> or <c>X-Amzn-ErrorType</c>).</summary>
    public string ErrorType { get; }

    /// <summary>The error message (<c>message</c> or <c>Message</c>), when the body has one.</summary>
    internal string? Message { get; }

    /// <summary>The request id AWS assigned (<c>x-amzn-RequestId</c>), to quote to AWS support.</summary>
    internal string? RequestId { get; }

    internal byte[] Body { get; }
}
