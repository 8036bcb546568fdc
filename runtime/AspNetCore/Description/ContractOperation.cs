using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// Endpoint metadata: the operation of the source OpenAPI description a generated endpoint serves (its parameters,
/// request body and declared responses). Generated endpoints are plain request delegates with no handler method for
/// ASP.NET Core's API explorer to inspect; <see cref="ContractEndpointDescriptionExtensions.AddContractEndpointDescriptions"/>
/// describes them from this instead, so the application's own OpenAPI document lists the same operations.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ContractOperation
{
    /// <summary>Describes the operation <paramref name="operationId"/>.</summary>
    public ContractOperation(
        string operationId,
        IReadOnlyList<ContractParameter> parameters,
        ContractRequestBody? requestBody,
        IReadOnlyList<ContractResponse> responses)
    {
        OperationId = operationId ?? throw new ArgumentNullException(nameof(operationId));
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        RequestBody = requestBody;
        Responses = responses ?? throw new ArgumentNullException(nameof(responses));
    }

    /// <summary>The document's <c>operationId</c>.</summary>
    public string OperationId { get; }

    /// <summary>The document's <c>summary</c>, when it has one.</summary>
    public string? Summary { get; init; }

    /// <summary>The document's <c>description</c>, when it has one.</summary>
    public string? Description { get; init; }

    /// <summary>The document's <c>tags</c>, in order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    /// <summary>The parameters, in the document's order (path, query, header and cookie).</summary>
    public IReadOnlyList<ContractParameter> Parameters { get; }

    /// <summary>The request body, or <see langword="null"/> when the operation takes none.</summary>
    public ContractRequestBody? RequestBody { get; }

    /// <summary>Every declared response.</summary>
    public IReadOnlyList<ContractResponse> Responses { get; }

    /// <inheritdoc/>
    public override string ToString() => "Contract operation " + OperationId;
}

/// <summary>One parameter of a <see cref="ContractOperation"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ContractParameter
{
    /// <summary>The parameter <paramref name="name"/> (as the document spells it) read from <paramref name="source"/> as <paramref name="type"/>.</summary>
    public ContractParameter(string name, ParameterSource source, Type type, bool required)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Source = source;
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Required = required;
    }

    /// <summary>The name as the document spells it.</summary>
    public string Name { get; }

    /// <summary>Where the value travels.</summary>
    public ParameterSource Source { get; }

    /// <summary>The C# type the handler receives (a list type for array parameters; nullable when optional).</summary>
    public Type Type { get; }

    /// <summary>Whether a request must carry it (path parameters always must).</summary>
    public bool Required { get; }

    /// <summary>
    /// For a path parameter: the name of its parameter in the route template, when the document's name is not a valid
    /// route parameter name and the template uses another; <see langword="null"/> when they are the same.
    /// </summary>
    public string? RouteName { get; init; }
}

/// <summary>The request body of a <see cref="ContractOperation"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ContractRequestBody
{
    /// <summary>A body read as <paramref name="type"/> from one of <paramref name="mediaTypes"/>.</summary>
    public ContractRequestBody(Type type, IReadOnlyList<string> mediaTypes, bool required)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
        MediaTypes = mediaTypes ?? throw new ArgumentNullException(nameof(mediaTypes));
        Required = required;
    }

    /// <summary>The C# type the handler receives (<see cref="string"/> for text, <see cref="System.IO.Stream"/> for other media).</summary>
    public Type Type { get; }

    /// <summary>The media types the document declares for it.</summary>
    public IReadOnlyList<string> MediaTypes { get; }

    /// <summary>Whether a request must carry it.</summary>
    public bool Required { get; }
}

/// <summary>One declared response of a <see cref="ContractOperation"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ContractResponse
{
    /// <summary>A response without content: <paramref name="statusCode"/> as the document's key (<c>204</c>, <c>4XX</c>, <c>default</c>).</summary>
    public ContractResponse(string statusCode)
        : this(statusCode, null, Array.Empty<string>())
    {
    }

    /// <summary>
    /// A response whose content is <paramref name="type"/> in <paramref name="mediaTypes"/>; a <see langword="null"/>
    /// type describes content of any shape.
    /// </summary>
    public ContractResponse(string statusCode, Type? type, IReadOnlyList<string> mediaTypes)
    {
        StatusCode = statusCode ?? throw new ArgumentNullException(nameof(statusCode));
        Type = type;
        MediaTypes = mediaTypes ?? throw new ArgumentNullException(nameof(mediaTypes));
    }

    /// <summary>The document's response key: a status code (<c>200</c>), a range (<c>4XX</c>) or <c>default</c>.</summary>
    public string StatusCode { get; }

    /// <summary>The C# type of the content, or <see langword="null"/> when the response has none or its shape is not one type.</summary>
    public Type? Type { get; }

    /// <summary>The media types of the content (empty when there is none).</summary>
    public IReadOnlyList<string> MediaTypes { get; }

    /// <summary>The document's <c>description</c> of the response, when it has one.</summary>
    public string? Description { get; init; }
}
