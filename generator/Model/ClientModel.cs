using System.Linq;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>The client, its interface and its options for one document.</summary>
internal sealed record ClientModel(
    EmitTarget Target,
    string? Title,
    string? Description,
    ServerModel Server,
    EquatableArray<EnvelopeModel> Envelopes,
    EquatableArray<OperationModel> Operations,
    AwsModel? Aws = null,
    SecurityModel? Security = null)
{
    /// <summary>Some operation has a request to check before sending: the client offers <c>ValidateRequests</c>.</summary>
    public bool ValidatesRequests => Operations.Any(o => o.ValidatesRequest);
}

/// <summary>
/// The AWS protocol profile, recognised from the document (an <c>*.amazonaws.com</c> server and a SigV4 security
/// scheme): requests are signed with SigV4 for <see cref="SigningName"/>, in the region of <see cref="RegionVariable"/>.
/// </summary>
/// <param name="SigningName">The service's signing name, from the host (<c>lightsail</c>).</param>
/// <param name="RegionVariable">The options property that holds the region (a server variable), if any.</param>
/// <param name="JsonVersion"><c>1.0</c> or <c>1.1</c> when the operations use <c>X-Amz-Target</c> (AWS JSON); null otherwise.</param>
/// <param name="ServiceExceptionName">The base exception of the service (<c>LightsailException</c>).</param>
/// <param name="Errors">The error types the description declares, each with its exception.</param>
internal sealed record AwsModel(
    string SigningName,
    string? RegionVariable,
    string? JsonVersion,
    string ServiceExceptionName = "",
    EquatableArray<AwsErrorModel> Errors = default);

/// <summary>An error type of an AWS service and the exception generated for it.</summary>
/// <param name="ErrorType">The name AWS sends in <c>__type</c> (the description's schema name).</param>
/// <param name="ExceptionName">The generated exception class.</param>
/// <param name="Details">The record the error body is read into; null when the description gives the error no members.</param>
/// <param name="DetailsTypeInfoProperty">The JSON context property of <paramref name="Details"/>.</param>
internal sealed record AwsErrorModel(string ErrorType, string ExceptionName, TypeRef? Details, string? DetailsTypeInfoProperty);

/// <summary>The server URL a client calls by default, with its variables (each one becomes an option).</summary>
internal sealed record ServerModel(string UrlTemplate, string? Description, EquatableArray<ServerVariableModel> Variables);

/// <summary>A server URL variable such as <c>{region}</c>.</summary>
/// <param name="AllowedValues">The document's <c>enum</c> (with the default, when the document left it out); empty when it declares none.</param>
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
    Cookie,
}

/// <summary>OpenAPI's <c>style</c> of a parameter (mirrors <c>Contracts.Runtime.Http.ParameterStyle</c>).</summary>
internal enum ParameterStyle
{
    Form,
    Simple,
    Label,
    Matrix,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

/// <summary>One client method.</summary>
/// <param name="OperationId">The name used in exceptions (the <c>operationId</c>, or method and path).</param>
/// <param name="PathTemplate">The path with any <c>#fragment</c> removed; <c>{name}</c> placeholders remain.</param>
/// <param name="CancellationTokenName">The method's <c>CancellationToken</c> parameter (a document parameter may have taken <c>cancellationToken</c>).</param>
/// <param name="RequestOptionsName">The method's per-call <c>RequestOptions</c> parameter, the last one.</param>
/// <param name="IsIdempotent">Safe to send twice (GET, HEAD, PUT, DELETE, OPTIONS; for AWS, Get/List/Describe operations): a 500 or a dropped connection is retried.</param>
/// <param name="Parameters">The document's parameters; after <see cref="Passes.MethodSignatures"/>, in the method's order (path, query, header, cookie, each in document order).</param>
/// <param name="MethodParameters">The C# method's parameters in order, set by <see cref="Passes.MethodSignatures"/> (empty before it runs).</param>
/// <param name="SecurityField">The <see cref="SecurityArrayModel.FieldName"/> of the security the request carries; null when the operation has none (the request is created as before security was supported).</param>
/// <param name="WithResponse">The twin method returning the status code and headers with the result; its name is set by <see cref="Passes.MethodSignatures"/>.</param>
/// <param name="Stream">The method that reads the streamed success response item by item; null when the operation offers no stream.</param>
/// <param name="Paging">The paginator of a paged operation (<c>…AllAsync</c>); null when its paging is not recognised.</param>
/// <param name="DocumentPath">The path as the document's <c>paths</c> key writes it (an AWS key keeps its <c>#X-Amz-Target=…</c>); what selection's path globs match.</param>
/// <param name="Tags">The operation's <c>tags</c>, in document order; what selection's tag filters match.</param>
/// <param name="Responses">Every response the operation declares, in ordinal order of their status; only when the server is generated (else empty).</param>
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
    string CancellationTokenName,
    string RequestOptionsName,
    bool IsIdempotent = false,
    EquatableArray<ErrorResponseModel> Errors = default,
    string? ErrorsFieldName = null,
    EquatableArray<MethodParameterModel> MethodParameters = default,
    string? SecurityField = null,
    ResponseMethodModel? WithResponse = null,
    StreamMethodModel? Stream = null,
    PagingModel? Paging = null,
    string DocumentPath = "",
    EquatableArray<string> Tags = default,
    EquatableArray<DeclaredResponseModel> Responses = default)
{
    /// <summary>The request has something to check before sending: a parameter's or the body's constraints.</summary>
    public bool ValidatesRequest => Body?.Constraints is not null || Parameters.Any(p => p.Constraints is not null);

    /// <summary>The JSON pointer of the operation in the document (<c>#/paths/~1pets/get</c>): its diagnostics are under it.</summary>
    public string Pointer => "#/paths/" + DocumentPath.Replace("~", "~0").Replace("/", "~1") + "/" + HttpMethod.ToLowerInvariant();

    /// <summary>
    /// For an AWS operation when the server is generated: its <c>security</c> alternatives (the client signs every
    /// request, so it has no <see cref="SecurityField"/>); null otherwise.
    /// </summary>
    public EquatableArray<SecurityRequirementModel>? AwsSecurity { get; init; }
}

/// <summary>An error response declared with a JSON schema: <c>404</c>, a range such as <c>4XX</c>, or <c>default</c>.</summary>
internal sealed record ErrorResponseModel(string StatusPattern, TypeRef Type, string TypeInfoProperty);

/// <summary>A parameter the caller supplies.</summary>
/// <param name="Style">How the value is spelled; the location's default unless the document says otherwise.</param>
/// <param name="Explode">OpenAPI's <c>explode</c> (lists and objects as repeated pairs).</param>
/// <param name="TypeInfoProperty">For object and map values (and deepObject lists of them): the JSON context property that turns them into members.</param>
/// <param name="Constraints">The validation keywords of the value, checked before sending when the client validates requests; null when none.</param>
/// <param name="IsCredential">A scalar path value that is a credential (by name or <c>format: password</c>, as for members): the client marks it so that the runtime keeps it out of exception messages.</param>
internal sealed record ParameterModel(
    string WireName,
    string ParameterName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    ParameterStyle Style = ParameterStyle.Simple,
    bool Explode = false,
    string? TypeInfoProperty = null,
    bool IsCredential = false,
    ConstraintsModel? Constraints = null)
{
    /// <summary>True when the value goes through the JSON context (objects, maps and deepObject lists of them).</summary>
    public bool NeedsTypeInfo => Type.Kind is TypeKind.Object or TypeKind.Map or TypeKind.Union or TypeKind.External || IsDeepObjectList;

    /// <summary>A deepObject list of objects or maps, spelled with indices and brackets: <c>lines[0][amount]=100</c>.</summary>
    public bool IsDeepObjectList => Style == ParameterStyle.DeepObject && IsListOfObjects(Type);

    /// <summary>A list whose items are objects or maps (only deepObject can spell it).</summary>
    public static bool IsListOfObjects(TypeRef type) => type.Kind == TypeKind.Array && type.Element!.Kind is TypeKind.Object or TypeKind.Map;
}

/// <summary>A header whose only allowed value is fixed by the document (a one-value enum); sent on every call.</summary>
internal sealed record ConstantHeaderModel(string Name, string Value);

/// <summary>How a request body is written.</summary>
internal enum BodyKind
{
    /// <summary>JSON through the generated context.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>: the object's members as fields.</summary>
    Form,

    /// <summary><c>multipart/form-data</c>: one method parameter per part (<see cref="RequestBodyModel.Fields"/>).</summary>
    Multipart,

    /// <summary><c>text/*</c>: a string.</summary>
    Text,

    /// <summary>Any other media type: a stream sent as is.</summary>
    Binary,
}

/// <summary>The request body.</summary>
/// <param name="DeepObjectMembers">Form bodies: members whose arrays are indexed (<c>encoding: {style: deepObject}</c>).</param>
/// <param name="Fields">Multipart bodies: the parts, each a method parameter.</param>
/// <param name="Constraints">What is checked in the body before sending when the client validates requests (<see cref="Passes.ValidationReach"/>); null when nothing.</param>
internal sealed record RequestBodyModel(
    string ParameterName,
    TypeRef Type,
    string TypeInfoProperty,
    string MediaType,
    bool IsRequired,
    string? Description,
    BodyKind Kind = BodyKind.Json,
    EquatableArray<string> DeepObjectMembers = default,
    EquatableArray<MultipartFieldModel> Fields = default,
    ConstraintsModel? Constraints = null)
{
    /// <summary>True when the body goes through the JSON context.</summary>
    public bool NeedsTypeInfo => Kind is BodyKind.Json or BodyKind.Form;
}

/// <summary>How a multipart part is written.</summary>
internal enum MultipartFieldKind
{
    /// <summary>A scalar (or list of scalars, one part each) as text.</summary>
    Text,

    /// <summary>A file (<c>format: binary</c>): a <c>FilePart</c>.</summary>
    File,

    /// <summary>A list of files: one part per <c>FilePart</c>.</summary>
    Files,

    /// <summary>A structured value, as a JSON part.</summary>
    Json,
}

/// <summary>One part of a multipart body, and the method parameter that supplies it.</summary>
internal sealed record MultipartFieldModel(
    string WireName,
    string ParameterName,
    TypeRef Type,
    MultipartFieldKind Kind,
    bool IsRequired,
    string? Description,
    string TypeInfoProperty = "");

/// <summary>How a method turns the response into its result.</summary>
internal enum ResponseKind
{
    /// <summary>No body: the method returns <c>Task</c>.</summary>
    None,

    /// <summary>A JSON body of <see cref="ResponseModel.Type"/>.</summary>
    Json,

    /// <summary>An envelope whose data member is of <see cref="ResponseModel.Type"/>.</summary>
    Envelope,

    /// <summary>A <c>text/*</c> body, returned as a string.</summary>
    Text,

    /// <summary>Any other media type: an unbuffered stream that owns the response.</summary>
    Stream,

    /// <summary>The only success body is a stream of items: the method is <see cref="OperationModel.Stream"/>.</summary>
    EventStream,
}

/// <summary>The successful result of an operation.</summary>
internal sealed record ResponseModel(
    ResponseKind Kind,
    TypeRef? Type,
    string? TypeInfoProperty,
    string? EnvelopeField,
    string? Description,
    bool AllowsEmpty = false)
{
    /// <summary>True when the result goes through the JSON context.</summary>
    public bool NeedsTypeInfo => Kind is ResponseKind.Json or ResponseKind.Envelope;

    public static readonly ResponseModel None = new(ResponseKind.None, null, null, null, null);
}
