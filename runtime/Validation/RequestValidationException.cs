using System;
using System.Collections.Generic;
using System.Text;

namespace Contracts.Runtime.Validation;

/// <summary>
/// Thrown by a generated client that validates its requests (its options' <c>ValidateRequests</c>, or
/// <see cref="RequestOptions.ValidateRequest"/> for one call) when the body or a parameter breaks a constraint of the
/// OpenAPI document. Nothing was sent.
/// </summary>
public sealed class RequestValidationException : ArgumentException
{
    // The message lists this many violations; Errors holds them all.
    private const int MaxListed = 20;

    /// <summary>Creates the exception.</summary>
    /// <param name="operationName">The operation whose request was refused, as named in the OpenAPI document.</param>
    /// <param name="errors">Every violation found (at least one).</param>
    public RequestValidationException(string operationName, IReadOnlyList<ValidationError> errors)
        : base(FormatMessage(operationName ?? throw new ArgumentNullException(nameof(operationName)), errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        OperationName = operationName;
        Errors = errors;
    }

    /// <summary>The operation whose request was refused, as named in the OpenAPI document.</summary>
    public string OperationName { get; }

    /// <summary>Every violation found, in the order of the method's parameters, then the body's members.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string FormatMessage(string operationName, IReadOnlyList<ValidationError> errors)
    {
        var message = new StringBuilder();
        message.Append("The request of ").Append(operationName).Append(" was not sent: ")
            .Append(errors.Count == 1 ? "1 value breaks" : errors.Count + " values break")
            .Append(" the OpenAPI document's constraints.");
        for (var i = 0; i < errors.Count && i < MaxListed; i++)
        {
            message.Append("\n  ").Append(errors[i]);
        }

        if (errors.Count > MaxListed)
        {
            message.Append("\n  … and ").Append(errors.Count - MaxListed).Append(" more (see Errors).");
        }

        return message.ToString();
    }
}
