using System;

namespace Contracts.Runtime.Validation;

/// <summary>
/// One value that breaks a constraint of the OpenAPI document (<c>minimum</c>, <c>maxLength</c>, <c>pattern</c>…), as
/// found by a generated record's <c>Validate()</c> or by a client that validates its requests.
/// </summary>
/// <remarks>
/// The message never quotes the value itself (it may be a credential): it names where the value is, the keyword and the
/// document's limit.
/// </remarks>
public sealed class ValidationError
{
    /// <summary>Creates an error.</summary>
    /// <param name="path">Where the value is, in JSON names: <c>address.lines[2]</c>; empty for the validated value itself.</param>
    /// <param name="keyword">The JSON Schema keyword the value breaks: <c>minimum</c>, <c>maxLength</c>, <c>pattern</c>…</param>
    /// <param name="limit">The document's limit as written (<c>10</c>, <c>^[a-z]+$</c>); null for keywords without one (<c>uniqueItems</c>).</param>
    /// <param name="message">What is wrong, in a sentence without the path: <c>must be at most 10 characters long</c>.</param>
    public ValidationError(string path, string keyword, string? limit, string message)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Keyword = keyword ?? throw new ArgumentNullException(nameof(keyword));
        Limit = limit;
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>Where the value is, in JSON names (<c>address.lines[2]</c>, a map value as <c>tags.env</c> or <c>tags["a b"]</c>); empty for the validated value itself. A request's parameters are named as in the document.</summary>
    public string Path { get; }

    /// <summary>The JSON Schema keyword the value breaks: <c>minimum</c>, <c>exclusiveMinimum</c>, <c>maximum</c>, <c>exclusiveMaximum</c>, <c>multipleOf</c>, <c>minLength</c>, <c>maxLength</c>, <c>pattern</c>, <c>minItems</c>, <c>maxItems</c>, <c>uniqueItems</c>, <c>minProperties</c>, <c>maxProperties</c>.</summary>
    public string Keyword { get; }

    /// <summary>The document's limit as text (<c>10</c>, <c>0.5</c>, the pattern); null for <c>uniqueItems</c>.</summary>
    public string? Limit { get; }

    /// <summary>What is wrong, without the path: <c>must be at most 10 characters long</c>.</summary>
    public string Message { get; }

    /// <summary>The path and the message: <c>address.lines[2]: must be at most 10 characters long</c>.</summary>
    public override string ToString() => Path.Length == 0 ? Message : Path + ": " + Message;
}
