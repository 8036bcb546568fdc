using System.ComponentModel;

namespace Contracts.Runtime.AspNetCore;

/// <summary>How a generated endpoint answers a request it refuses before calling the handler.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ProblemFormat
{
    /// <summary>RFC 9457 problem details (<c>application/problem+json</c>), with every problem under <c>errors</c>.</summary>
    ProblemDetails,

    /// <summary>
    /// An AWS JSON error, as AWS services answer and AWS SDKs read it: the <c>X-Amzn-ErrorType</c> header and
    /// <c>{"__type": …, "message": …}</c> (<c>SerializationException</c> for an unreadable body, else
    /// <c>ValidationException</c>).
    /// </summary>
    AwsJson,
}
