using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>
/// The generated ASP.NET Core server of one document, as the server emitter prints it: the handler interface, one
/// result struct and one endpoint per served operation, and the <c>Map…</c> method. Built from the model's operations
/// and the names <see cref="Translation.ServerNaming"/> gave them, so an operation the selection dropped is not served.
/// </summary>
/// <param name="IntegerEnums">The document's integer enums (a parameter of one is parsed as a number).</param>
/// <param name="FormShapes">The shapes of the objects bound from fields (object parameters, form bodies), each after those it uses.</param>
internal sealed record EndpointsModel(
    EmitTarget Target,
    string? Title,
    string? Description,
    string HandlerName,
    string EndpointsName,
    string MapMethodName,
    EquatableArray<EndpointModel> Endpoints,
    EquatableArray<string> IntegerEnums,
    EquatableArray<FormShapeModel> FormShapes = default)
{
    /// <summary>The generated types' schemas, for the application's own OpenAPI document; null when the project does not describe them.</summary>
    public SchemaDescriptionsModel? Schemas { get; init; }

    /// <summary>The server of <paramref name="model"/>; null when the document does not ask for one.</summary>
    public static EndpointsModel? Of(SpecModel model)
    {
        if (model.Server is not { } names)
        {
            return null;
        }

        var byMethod = model.Client.Operations.ToDictionary(o => o.MethodName, StringComparer.Ordinal);
        var integerEnums = model.Enums.Where(e => e.IsInteger).Select(e => e.Name).ToEquatableArray();
        var shapes = new FormShapeBuilder(model.Records, integerEnums);
        var endpoints = new List<EndpointModel>();
        foreach (var served in names.Operations)
        {
            if (byMethod.TryGetValue(served.MethodName, out var operation))
            {
                var endpoint = EndpointModel.Of(operation, served.ResultName, Translation.ServerNaming.EnvelopeOf(operation, model.Client)) with
                {
                    Authorization = operation.AwsSecurity is { } awsSecurity ? Authorization(awsSecurity) : Authorization(model.Client.Security, operation.SecurityField),
                    AwsTarget = model.Client.Aws is null ? null : Translation.ServerNaming.AwsTarget(operation),
                    ParameterShapes = operation.Parameters.Select(p => IsBoundFromFields(p) ? shapes.KeyOf(p.Type) : string.Empty).ToEquatableArray(),
                    BodyShape = operation.Body is { Kind: BodyKind.Form } form ? shapes.KeyOf(form.Type) : null,
                };
                endpoints.Add(model.Client.Aws is { } aws ? endpoint.WithAwsErrors(aws) : endpoint);
            }
        }

        return new EndpointsModel(model.Target, model.Client.Title, model.Client.Description, names.HandlerName, names.EndpointsName, names.MapMethodName, endpoints.ToEquatableArray(),
            integerEnums, shapes.Shapes);
    }

    /// <summary>An object or map parameter, or a deepObject list of objects: bound from its members' text by a shape.</summary>
    public static bool IsBoundFromFields(ParameterModel parameter) =>
        parameter.Type.Kind is TypeKind.Object or TypeKind.Map || parameter.IsDeepObjectList;

    /// <summary>
    /// The authorization an operation's <c>security</c> asks for: none when the document has none for it; anonymous when
    /// the list is empty or one alternative is <c>{}</c>; otherwise the policies named after the schemes — one
    /// alternative needs all of its schemes (one policy each), several alternatives one policy named
    /// <c>a+b|c</c> (alternatives joined by <c>|</c>, the schemes of one by <c>+</c>) that the application defines.
    /// </summary>
    private static AuthorizationModel? Authorization(SecurityModel? security, string? field)
    {
        if (security is null || field is null || security.Requirements.FirstOrDefault(r => r.FieldName == field) is not { } list)
        {
            return null;
        }

        return Authorization(list.Alternatives);
    }

    private static AuthorizationModel Authorization(EquatableArray<SecurityRequirementModel> alternatives)
    {
        if (alternatives.IsEmpty || alternatives.Any(a => a.Schemes.IsEmpty))
        {
            return new AuthorizationModel(true, EquatableArray<string>.Empty);
        }

        if (alternatives.Count == 1)
        {
            return new AuthorizationModel(false, alternatives[0].Schemes.Select(s => s.Scheme).Distinct(StringComparer.Ordinal).ToEquatableArray());
        }

        var combined = string.Join("|", alternatives.Select(a => string.Join("+", a.Schemes.Select(s => s.Scheme).Distinct(StringComparer.Ordinal))).Distinct(StringComparer.Ordinal));
        return new AuthorizationModel(false, new[] { combined }.ToEquatableArray());
    }
}

/// <summary>What an endpoint requires of the caller, from the operation's <c>security</c>.</summary>
/// <param name="AllowsAnonymous">The operation is open (<c>security: []</c>, or an alternative <c>{}</c>).</param>
/// <param name="Policies">Authorization policies that must all pass, named after the document's schemes; empty when anonymous.</param>
internal sealed record AuthorizationModel(bool AllowsAnonymous, EquatableArray<string> Policies);

/// <summary>One served operation.</summary>
/// <param name="RouteTemplate">The document's path with each parameter as its route name.</param>
/// <param name="RouteNames">Per entry of <see cref="OperationModel.Parameters"/>: the route value a path parameter is read from; empty for the others.</param>
/// <param name="PathSegments">
/// Per entry of <see cref="OperationModel.Parameters"/>: for a path parameter that is a whole segment, its segment counted
/// from the end of the path (0 is the last), which the binder reads from the raw request target so that an escaped <c>/</c>
/// stays in the value; -1 for a parameter that shares its segment (read from the route value) and for the others.
/// </param>
/// <param name="Cases">One factory of the result struct per declared response, in ordinal order of their status.</param>
/// <param name="ImplicitCase">The case the result converts to implicitly from its body (the only success with a body); -1 when none.</param>
internal sealed record EndpointModel(
    OperationModel Operation,
    string ResultName,
    string RouteTemplate,
    EquatableArray<string> RouteNames,
    EquatableArray<int> PathSegments,
    EquatableArray<ResultCaseModel> Cases,
    int ImplicitCase)
{
    /// <summary>The <c>X-Amz-Target</c> of an AWS JSON operation, all of which share <c>POST /</c>; null for the others.</summary>
    public string? AwsTarget { get; init; }

    /// <summary>The endpoint's authorization; null when the document declares no security for the operation.</summary>
    public AuthorizationModel? Authorization { get; init; }

    /// <summary>Per entry of <see cref="OperationModel.Parameters"/>: the key of the <see cref="FormShapeModel"/> it is bound by; empty for scalars and lists.</summary>
    public EquatableArray<string> ParameterShapes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The key of the shape a form body is bound by; null for other bodies.</summary>
    public string? BodyShape { get; init; }

    public static EndpointModel Of(OperationModel operation, string resultName, EnvelopeModel? envelope = null)
    {
        var routeNames = new string[operation.Parameters.Count];
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < routeNames.Length; i++)
        {
            var parameter = operation.Parameters[i];
            if (parameter.Location != ParameterLocation.Path)
            {
                routeNames[i] = string.Empty;
                continue;
            }

            // The router reads names case-insensitively and refuses some characters; such a name reads from p0, p1, …
            var name = IsRouteName(parameter.WireName) && taken.Add(parameter.WireName) ? parameter.WireName : null;
            for (var n = 0; name is null; n++)
            {
                var candidate = "p" + n.ToString(CultureInfo.InvariantCulture);
                name = operation.Parameters.Any(p => string.Equals(p.WireName, candidate, StringComparison.OrdinalIgnoreCase)) || !taken.Add(candidate) ? null : candidate;
            }

            routeNames[i] = name;
        }

        var template = operation.PathTemplate;
        for (var i = 0; i < routeNames.Length; i++)
        {
            if (routeNames[i].Length > 0)
            {
                template = template.Replace("{" + operation.Parameters[i].WireName + "}", "{" + routeNames[i] + "}");
            }
        }

        var segments = operation.PathTemplate.Length > 1 ? operation.PathTemplate.TrimEnd('/').Split('/') : new[] { string.Empty };
        var pathSegments = operation.Parameters
            .Select(p => p.Location == ParameterLocation.Path && Array.LastIndexOf(segments, "{" + p.WireName + "}") is var at && at >= 0 ? segments.Length - 1 - at : -1)
            .ToEquatableArray();
        // A stream's items are what the handler gives: the case carries the item type the client's stream method reads.
        // An envelope without a data type is the failure envelope: the factory takes its error.
        var cases = operation.Responses.Select(r => r.Kind == ResponseKind.EventStream && operation.Stream is { } stream
                ? new ResultCaseModel(r with { Type = stream.ItemType, TypeInfoProperty = stream.ItemTypeInfoProperty }, FactoryName(r.StatusPattern), stream.Format)
                : r.Kind == ResponseKind.Envelope && envelope is not null
                ? (r.Type is null
                    ? new ResultCaseModel(r with { Type = envelope.ErrorType, TypeInfoProperty = envelope.ErrorTypeInfoProperty }, FactoryName(r.StatusPattern), Envelope: envelope, EnvelopeSuccess: false)
                    : new ResultCaseModel(r.TypeInfoProperty is null ? r with { TypeInfoProperty = operation.Response.TypeInfoProperty } : r, FactoryName(r.StatusPattern), Envelope: envelope, EnvelopeSuccess: true))
                : new ResultCaseModel(r, FactoryName(r.StatusPattern)))
            .ToEquatableArray();
        var withBody = cases.Select((c, i) => (Case: c, Index: i)).Where(c => c.Case.Response.IsSuccess && c.Case.Response.Kind != ResponseKind.None).ToList();
        var implicitCase = withBody.Count == 1 && withBody[0].Case.Response.IsCode && ConvertsImplicitly(withBody[0].Case.Response) ? withBody[0].Index : -1;
        return new EndpointModel(operation, resultName, template, routeNames.ToEquatableArray(), pathSegments, cases, implicitCase);
    }

    /// <summary>
    /// In an AWS document, each declared response whose body is one of the service's errors is that error: written
    /// AWS-shaped (<c>__type</c> and <c>X-Amzn-ErrorType</c>) by a factory named after it. AWS's OpenAPI conversions give
    /// each error of an operation a placeholder status (480, 481, …) since OpenAPI keys responses by status; AWS
    /// answers them all with 400, and so does the factory.
    /// </summary>
    public EndpointModel WithAwsErrors(AwsModel aws)
    {
        var taken = new HashSet<string>(Cases.Select(c => c.FactoryName), StringComparer.Ordinal) { "StatusCode", "WriteAsync", "Equals", "GetHashCode", "ToString", "GetType", ResultName };
        var cases = Cases.Select(c =>
        {
            if (c.Envelope is not null || !c.Response.IsCode || c.Response.IsSuccess || c.Response.SchemaId is not { } id
                || aws.Errors.FirstOrDefault(e => e.ErrorType == id) is not { } error)
            {
                return c;
            }

            var name = Translation.Naming.Identifiers.ToPascalCase(error.ErrorType, "Error");
            var status = c.StatusRange.Low is >= 480 and <= 499 ? 400 : c.StatusRange.Low;
            return taken.Add(name) ? c with { FactoryName = name, AwsError = error, AwsStatus = status } : c with { AwsError = error, AwsStatus = status };
        }).ToEquatableArray();
        return this with { Cases = cases };
    }

    /// <summary>Letters, digits and <c>_</c>, not starting with a digit: a route parameter name the router takes as it is.</summary>
    private static bool IsRouteName(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');

    /// <summary>C# has no user-defined conversion from an interface (lists and maps are <c>IReadOnlyList</c>/<c>IReadOnlyDictionary</c>).</summary>
    private static bool ConvertsImplicitly(DeclaredResponseModel response) =>
        response.Kind is ResponseKind.Text or ResponseKind.Stream
        || (response.Kind != ResponseKind.EventStream && response.Type is { Kind: not (TypeKind.Array or TypeKind.Map) });

    /// <summary>The factory of a status: its HTTP name for the common codes, <c>Status{code}</c> otherwise, a class name for a range, <c>Status</c> for default.</summary>
    internal static string FactoryName(string status) => status switch
    {
        "200" => "Ok",
        "201" => "Created",
        "202" => "Accepted",
        "204" => "NoContent",
        "400" => "BadRequest",
        "401" => "Unauthorized",
        "403" => "Forbidden",
        "404" => "NotFound",
        "409" => "Conflict",
        "422" => "UnprocessableEntity",
        "500" => "InternalServerError",
        "1XX" => "Informational",
        "2XX" => "Success",
        "3XX" => "Redirection",
        "4XX" => "ClientError",
        "5XX" => "ServerError",
        "default" => "Status",
        _ => "Status" + status,
    };
}

/// <summary>One case of a result struct: a declared response and its factory.</summary>
/// <param name="Format">For a stream of items: how they are written.</param>
/// <param name="Envelope">For an envelope response: the envelope's members.</param>
/// <param name="EnvelopeSuccess">The envelope says success and holds the data (else it holds the error).</param>
internal sealed record ResultCaseModel(DeclaredResponseModel Response, string FactoryName, StreamFormat? Format = null, EnvelopeModel? Envelope = null, bool EnvelopeSuccess = false)
{
    /// <summary>For a declared error of an AWS service: the error, written with its type (<c>__type</c>); its details are the body, or a message when it has none.</summary>
    public AwsErrorModel? AwsError { get; init; }

    /// <summary>For <see cref="AwsError"/>: the status written (400 for a conversion's placeholder code).</summary>
    public int AwsStatus { get; init; }

    /// <summary>The case's body is a value type (a stream of items is an interface, whatever its items; an AWS error's is its details or message).</summary>
    public bool BodyIsValueType => AwsError is null && Response.Kind != ResponseKind.EventStream && Response.Type is { IsValueType: true };

    /// <summary>The lowest and highest status code the factory accepts (one code, a range, or any for default).</summary>
    public (int Low, int High) StatusRange => Response.StatusPattern switch
    {
        "default" => (100, 599),
        var pattern when pattern.EndsWith("XX", StringComparison.Ordinal) => ((pattern[0] - '0') * 100, (pattern[0] - '0') * 100 + 99),
        var pattern => (int.Parse(pattern, NumberStyles.None, CultureInfo.InvariantCulture), int.Parse(pattern, NumberStyles.None, CultureInfo.InvariantCulture)),
    };
}
