using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;

namespace Contracts.Generator.Reading;

/// <summary>
/// The lists and maps Microsoft.OpenApi 1.6 always gave and 3.x leaves null when the document has none (servers,
/// variables, parameters, responses, content, headers, security, tags, OAuth flows' scopes, components' maps):
/// translation reads a document in which each is there, empty or not. Schemas' own lists are read through
/// <c>SchemaAccess</c> instead (there are far more schemas, and most have none of them).
/// </summary>
internal static class EmptyParts
{
    public static void Fill(OpenApiDocument document)
    {
        document.Servers ??= new List<OpenApiServer>();
        document.Security ??= new List<OpenApiSecurityRequirement>();
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Paths ??= new OpenApiPaths();
        Servers(document.Servers);
        if (document.Components is { } components)
        {
            components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
            components.Responses ??= new Dictionary<string, IOpenApiResponse>();
            components.RequestBodies ??= new Dictionary<string, IOpenApiRequestBody>();
            components.Headers ??= new Dictionary<string, IOpenApiHeader>();
            components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            components.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            foreach (var scheme in components.SecuritySchemes.Values.OfType<OpenApiSecurityScheme>())
            {
                scheme.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                foreach (var flow in new[] { scheme.Flows?.Implicit, scheme.Flows?.Password, scheme.Flows?.ClientCredentials, scheme.Flows?.AuthorizationCode, scheme.Flows?.DeviceAuthorization })
                {
                    if (flow is not null)
                    {
                        flow.Scopes ??= new Dictionary<string, string>();
                    }
                }
            }
        }
    }

    public static void PathItem(OpenApiPathItem pathItem)
    {
        pathItem.Operations ??= new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>();
        pathItem.Parameters ??= new List<IOpenApiParameter>();
        pathItem.Servers ??= new List<OpenApiServer>();
        pathItem.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        Servers(pathItem.Servers);
        foreach (var operation in pathItem.Operations.Values)
        {
            operation.Parameters ??= new List<IOpenApiParameter>();
            operation.Responses ??= new OpenApiResponses();
            operation.Security ??= new List<OpenApiSecurityRequirement>();
            operation.Servers ??= new List<OpenApiServer>();
            operation.Tags ??= new HashSet<OpenApiTagReference>();
            operation.Callbacks ??= new Dictionary<string, IOpenApiCallback>();
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            Servers(operation.Servers);
        }
    }

    public static void Parameter(OpenApiParameter parameter)
    {
        parameter.Content ??= new Dictionary<string, IOpenApiMediaType>();
        parameter.Extensions ??= new Dictionary<string, IOpenApiExtension>();
    }

    public static void Header(OpenApiHeader header)
    {
        header.Content ??= new Dictionary<string, IOpenApiMediaType>();
        header.Extensions ??= new Dictionary<string, IOpenApiExtension>();
    }

    public static void RequestBody(OpenApiRequestBody body)
    {
        body.Content ??= new Dictionary<string, IOpenApiMediaType>();
        body.Extensions ??= new Dictionary<string, IOpenApiExtension>();
    }

    public static void Response(OpenApiResponse response)
    {
        response.Content ??= new Dictionary<string, IOpenApiMediaType>();
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Links ??= new Dictionary<string, IOpenApiLink>();
        response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
    }

    public static void Media(OpenApiMediaType media)
    {
        media.Encoding ??= new Dictionary<string, OpenApiEncoding>();
        media.Extensions ??= new Dictionary<string, IOpenApiExtension>();
    }

    private static void Servers(IList<OpenApiServer> servers)
    {
        foreach (var server in servers)
        {
            server.Variables ??= new Dictionary<string, OpenApiServerVariable>();
            foreach (var variable in server.Variables.Values)
            {
                variable.Enum ??= new List<string>();
            }
        }
    }
}
