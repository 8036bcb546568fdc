using System;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Thrown when AWS credentials cannot be found or loaded. The message names where they were looked for (such as
/// environment variable names) and never contains a credential value.
/// </summary>
public sealed class AwsCredentialsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public AwsCredentialsException(string message)
        : base(message)
    {
    }
}
