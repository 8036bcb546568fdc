namespace Contracts.Generator.Model;

/// <summary>
/// One response an operation declares, as the generated server answers it: its status (a code, a range such as
/// <c>4XX</c>, or <c>default</c>), what its body is and, for JSON, the type written through the JSON context. Kept for every
/// declared response (the client's <see cref="ResponseModel"/> merges the successes), and only when the server is generated.
/// </summary>
/// <param name="StatusPattern"><c>200</c>, <c>4XX</c> (upper case) or <c>default</c>.</param>
/// <param name="Kind"><see cref="ResponseKind.None"/> (no content), Json, Text, Stream, Envelope or EventStream.</param>
/// <param name="Type">The JSON body's type; <see cref="TypeRef.String"/> for text; null otherwise.</param>
/// <param name="TypeInfoProperty">The JSON context property of <paramref name="Type"/> (set by <see cref="Passes.JsonContextNaming"/>).</param>
/// <param name="MediaType">The media type written as <c>Content-Type</c>; null without content.</param>
/// <param name="Description">The response's description.</param>
internal sealed record DeclaredResponseModel(
    string StatusPattern,
    ResponseKind Kind,
    TypeRef? Type,
    string? TypeInfoProperty,
    string? MediaType,
    string? Description)
{
    /// <summary>The status is one code (<c>200</c>), not a range or <c>default</c>.</summary>
    public bool IsCode => StatusPattern.Length == 3 && char.IsDigit(StatusPattern[1]);

    /// <summary>A 2xx code, a <c>2XX</c> range (or the lone <c>default</c> the client takes as its result).</summary>
    public bool IsSuccess => StatusPattern[0] == '2';

    /// <summary>The component schema the JSON body is (<c>#/components/schemas/{id}</c>); null for an inline schema or no JSON body.</summary>
    public string? SchemaId { get; init; }
}
