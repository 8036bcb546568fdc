using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>The client, its interface and its options for one document.</summary>
internal sealed record ClientModel(
    EmitTarget Target,
    string? Title,
    string? Description,
    ServerModel Server,
    EquatableArray<EnvelopeModel> Envelopes,
    EquatableArray<OperationModel> Operations);

/// <summary>The server URL a client calls by default, with its variables (each one becomes an option).</summary>
internal sealed record ServerModel(string UrlTemplate, string? Description, EquatableArray<ServerVariableModel> Variables);

/// <summary>A server URL variable such as <c>{region}</c>.</summary>
internal sealed record ServerVariableModel(
    string Name,
    string PropertyName,
    string DefaultValue,
    string? Description,
    EquatableArray<string> AllowedValues);

/// <summary>
/// A response envelope declared with <c>x-contracts-envelope</c>: the members that hold the flag, the data and
/// the error, and the error type's members that carry its code and message.
/// </summary>
internal sealed record EnvelopeModel(
    string FieldName,
    string SuccessProperty,
    string DataProperty,
    string ErrorProperty,
    TypeRef ErrorType,
    string ErrorTypeInfoProperty,
    string? ErrorCodeMember,
    string? ErrorMessageMember);

/// <summary>Where a parameter travels.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>One client method.</summary>
/// <param name="OperationId">The name used in exceptions (the <c>operationId</c>, or method and path).</param>
/// <param name="PathTemplate">The path with any <c>#fragment</c> removed; <c>{name}</c> placeholders remain.</param>
internal sealed record OperationModel(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<ConstantHeaderModel> ConstantHeaders,
    RequestBodyModel? Body,
    ResponseModel Response,
    string CancellationTokenName);

/// <summary>A parameter the caller supplies.</summary>
internal sealed record ParameterModel(
    string WireName,
    string ParameterName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description);

/// <summary>A header whose only allowed value is fixed by the document (a one-value enum); sent on every call.</summary>
internal sealed record ConstantHeaderModel(string Name, string Value);

/// <summary>The JSON request body.</summary>
internal sealed record RequestBodyModel(
    string ParameterName,
    TypeRef Type,
    string TypeInfoProperty,
    string MediaType,
    bool IsRequired,
    string? Description);

/// <summary>How a method turns the response into its result.</summary>
internal enum ResponseKind
{
    /// <summary>No body: the method returns <c>Task</c>.</summary>
    None,

    /// <summary>A JSON body of <see cref="ResponseModel.Type"/>.</summary>
    Json,

    /// <summary>An envelope whose data member is of <see cref="ResponseModel.Type"/>.</summary>
    Envelope,
}

/// <summary>The successful result of an operation.</summary>
internal sealed record ResponseModel(
    ResponseKind Kind,
    TypeRef? Type,
    string? TypeInfoProperty,
    string? EnvelopeField,
    string? Description)
{
    public static readonly ResponseModel None = new(ResponseKind.None, null, null, null, null);
}
