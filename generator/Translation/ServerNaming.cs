using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Translation;

/// <summary>
/// Names the generated server's types through the type registry, after every schema and response class is named, so that
/// a document keeps each name it had without the server and a generated name a schema already has gets a number
/// (<c>GetPetResult2</c>). An operation the server cannot serve in this version is left out here, with CTR149 at the
/// operation saying why.
/// </summary>
internal static class ServerNaming
{
    public static ServerNamesModel Name(ClientModel client, EmitTarget target, TypeRegistry registry, DiagnosticBag diagnostics)
    {
        var stem = target.ClientName.EndsWith("Client", StringComparison.Ordinal) && target.ClientName.Length > "Client".Length
            ? target.ClientName.Substring(0, target.ClientName.Length - "Client".Length)
            : target.ClientName;
        var handler = registry.Claim("I" + stem + "Handler");
        var endpoints = registry.Claim(stem + "Endpoints");
        var served = new List<ServedOperationName>();
        foreach (var operation in client.Operations)
        {
            if ((WhyNotServed(operation, client) ?? RouteTemplates.WhyNotRoutable(operation.PathTemplate)) is { } reason)
            {
                diagnostics.Add(DiagnosticDescriptors.OperationNotServed, operation.Pointer, operation.OperationId, reason);
                continue;
            }

            var method = operation.MethodName.EndsWith("Async", StringComparison.Ordinal)
                ? operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length)
                : operation.MethodName;
            served.Add(new ServedOperationName(operation.MethodName, registry.Claim(method + "Result")));
        }

        return new ServerNamesModel(handler, endpoints, "Map" + stem, served.ToEquatableArray());
    }

    /// <summary>Why the server cannot serve <paramref name="operation"/> in this version; null when it can.</summary>
    internal static string? WhyNotServed(OperationModel operation, ClientModel client)
    {
        if (client.Aws is not null && AwsTarget(operation) is null)
        {
            return "an AWS protocol operation without a constant X-Amz-Target header cannot be dispatched";
        }

        if (operation.Responses.Any(r => r.Kind == ResponseKind.Envelope) && EnvelopeOf(operation, client) is null)
        {
            return "its envelope (x-contracts-envelope) is not the document's only one";
        }

        if (operation.Responses.FirstOrDefault(r => r.Kind == ResponseKind.Envelope && r.Type is not null && !Equals(r.Type, operation.Response.Type)) is { } other)
        {
            return "its response " + other.StatusPattern + " is an envelope of other data than its result's";
        }

        foreach (var parameter in operation.Parameters)
        {
            if (!IsBindable(parameter))
            {
                return "the " + parameter.Location.ToString().ToLowerInvariant() + " parameter '" + parameter.WireName + "' is " + Describe(parameter);
            }
        }

        if (operation.Body is { Kind: BodyKind.Multipart } multipart
            && multipart.Fields.FirstOrDefault(f => f.Kind == MultipartFieldKind.Text && (f.Type.Kind == TypeKind.Array ? f.Type.Element! : f.Type).Kind == TypeKind.Union) is { } union)
        {
            return "its multipart part '" + union.WireName + "' is a union sent as text";
        }

        if (operation.Responses.FirstOrDefault(r => r.Kind == ResponseKind.EventStream) is { } stream && WhyStreamNotServed(operation, stream) is { } why)
        {
            return "its response " + stream.StatusPattern + " is a stream of items (" + stream.MediaType + ") " + why;
        }

        return null;
    }

    /// <summary>
    /// A stream is served when it is the operation's only success body, at one status code, and its items need no event
    /// name to be told apart (the endpoint writes each item as data only).
    /// </summary>
    private static string? WhyStreamNotServed(OperationModel operation, DeclaredResponseModel stream) =>
        operation.Response.Kind != ResponseKind.EventStream || operation.Stream is null ? "beside another success body"
        : !stream.IsCode ? "under a status range"
        : operation.Stream.ItemType.Kind == TypeKind.Union ? "of a union whose cases the event names may choose"
        : operation.Responses.Count(r => r.Kind == ResponseKind.EventStream) > 1 ? "among several streams"
        : null;

    /// <summary>The <c>X-Amz-Target</c> an AWS JSON operation is dispatched on; null when it has no constant one.</summary>
    internal static string? AwsTarget(OperationModel operation) =>
        operation.ConstantHeaders.FirstOrDefault(h => string.Equals(h.Name, "X-Amz-Target", StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The envelope an operation's envelope responses use: its result's, else the document's only one.</summary>
    internal static EnvelopeModel? EnvelopeOf(OperationModel operation, ClientModel client) =>
        operation.Response.EnvelopeField is { } field ? client.Envelopes.FirstOrDefault(e => e.FieldName == field)
        : client.Envelopes.Count == 1 ? client.Envelopes[0]
        : null;

    /// <summary>
    /// A scalar or a list of scalars in a style the binder undoes (not deepObject), or an object or map (of the
    /// document's records, bound from its members' text by a shape), or a deepObject list of objects.
    /// </summary>
    private static bool IsBindable(ParameterModel parameter)
    {
        if (parameter.Type.Kind is TypeKind.Object or TypeKind.Map || parameter.IsDeepObjectList)
        {
            return true;
        }

        if (parameter.Style == ParameterStyle.DeepObject)
        {
            return false;
        }

        var type = parameter.Type.Kind == TypeKind.Array ? parameter.Type.Element! : parameter.Type;
        return IsScalar(type);
    }

    internal static bool IsScalar(TypeRef type) => type.Kind is TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64
        or TypeKind.Single or TypeKind.Double or TypeKind.Decimal or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Bytes
        or TypeKind.Enum or TypeKind.Date or TypeKind.Duration or TypeKind.UnixTime;

    private static string Describe(ParameterModel parameter) => parameter.Type.Kind switch
    {
        TypeKind.External => "a type of the application's own (x-contracts-type), whose members the server does not know",
        TypeKind.Union => "a union",
        TypeKind.Any => "free-form JSON",
        _ when parameter.Style == ParameterStyle.DeepObject && IsScalar(parameter.Type) => "a deepObject of a scalar",
        _ when parameter.Style == ParameterStyle.DeepObject && IsScalar(parameter.Type.Element!) => "a deepObject of a list of scalars",
        _ => "a list of structured values",
    };
}
