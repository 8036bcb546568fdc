using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Runtime.Http;

/// <summary>
/// Describes a response envelope such as <c>{"success": true, "data": …}</c> / <c>{"success": false, "error": …}</c>:
/// which members hold the flag, the result and the error, and how to read the error's code and message.
/// Generated clients create one per envelope declared in the OpenAPI document (<c>x-contracts-envelope</c>).
/// </summary>
/// <typeparam name="TError">The declared error type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EnvelopeShape<TError>
{
    /// <summary>Creates a shape.</summary>
    public EnvelopeShape(
        string successProperty,
        string dataProperty,
        string errorProperty,
        JsonTypeInfo<TError> errorTypeInfo,
        Func<TError, string?> errorCode,
        Func<TError, string?> errorMessage)
    {
        SuccessProperty = JsonEncodedText.Encode(successProperty ?? throw new ArgumentNullException(nameof(successProperty)));
        DataProperty = JsonEncodedText.Encode(dataProperty ?? throw new ArgumentNullException(nameof(dataProperty)));
        ErrorProperty = JsonEncodedText.Encode(errorProperty ?? throw new ArgumentNullException(nameof(errorProperty)));
        ErrorTypeInfo = errorTypeInfo ?? throw new ArgumentNullException(nameof(errorTypeInfo));
        ErrorCode = errorCode ?? throw new ArgumentNullException(nameof(errorCode));
        ErrorMessage = errorMessage ?? throw new ArgumentNullException(nameof(errorMessage));
    }

    /// <summary>The boolean member that says whether the call succeeded.</summary>
    internal JsonEncodedText SuccessProperty { get; }

    /// <summary>The member that holds the result on success.</summary>
    internal JsonEncodedText DataProperty { get; }

    /// <summary>The member that holds the error on failure.</summary>
    internal JsonEncodedText ErrorProperty { get; }

    /// <summary>How to read the error member.</summary>
    internal JsonTypeInfo<TError> ErrorTypeInfo { get; }

    /// <summary>Extracts the machine-readable code from an error.</summary>
    internal Func<TError, string?> ErrorCode { get; }

    /// <summary>Extracts the human-readable message from an error.</summary>
    internal Func<TError, string?> ErrorMessage { get; }
}
