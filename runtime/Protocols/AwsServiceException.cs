using System;
using System.ComponentModel;

namespace Contracts.Runtime.Aws;

/// <summary>
/// An error returned by an AWS service. Generated clients throw a subclass named after the error
/// (<c>NotFoundException</c>), or their service's base exception for error types the description does not list.
/// </summary>
public class AwsServiceException : ApiException
{
    /// <summary>Creates the exception from the parsed error response.</summary>
    /// <remarks>Called by the constructors of generated exceptions; the runtime parses the response into <see cref="AwsErrorInfo"/>.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AwsServiceException(AwsErrorInfo error)
        : base(
            (error ?? throw new ArgumentNullException(nameof(error))).OperationName,
            error.StatusCode,
            "the service returned " + ResponseText.Printable(error.ErrorType, ResponseText.MaxQuotedLength),
            error.ErrorType,
            error.Message,
            error.Message is null ? ResponseText.Excerpt(error.Body) : null)
    {
        ErrorType = error.ErrorType;
        RequestId = error.RequestId;
    }

    /// <summary>The error's short name, such as <c>NotFoundException</c> (data: as the service sent it; the message prints it escaped).</summary>
    public string ErrorType { get; }

    /// <summary>The request id AWS assigned, to quote to AWS support.</summary>
    public string? RequestId { get; }
}
