using System;
using System.Collections.Generic;
using Microsoft.OpenApi;

namespace Contracts.Generator.Translation;

/// <summary>
/// Operations, parameters, bodies and responses as translation reads them: Microsoft.OpenApi 3.x leaves absent lists
/// and maps null where 1.6 gave empty ones; these give empty ones.
/// </summary>
internal static class OperationAccess
{
    private static readonly IDictionary<string, IOpenApiMediaType> s_noContent = new Dictionary<string, IOpenApiMediaType>();
    private static readonly IDictionary<string, IOpenApiHeader> s_noHeaders = new Dictionary<string, IOpenApiHeader>();
    private static readonly IList<IOpenApiParameter> s_noParameters = Array.Empty<IOpenApiParameter>();
    private static readonly OpenApiResponses s_noResponses = new();

    public static OpenApiResponses ResponseMap(this OpenApiOperation operation) => operation.Responses ?? s_noResponses;

    public static IList<IOpenApiParameter> ParameterList(this OpenApiOperation operation) => operation.Parameters ?? s_noParameters;

    public static IList<IOpenApiParameter> ParameterList(this IOpenApiPathItem pathItem) => pathItem.Parameters ?? s_noParameters;

    public static IDictionary<string, IOpenApiMediaType> ContentMap(this IOpenApiResponse response) => response.Content ?? s_noContent;

    public static IDictionary<string, IOpenApiMediaType> ContentMap(this IOpenApiRequestBody body) => body.Content ?? s_noContent;

    public static IDictionary<string, IOpenApiMediaType> ContentMap(this IOpenApiParameter parameter) => parameter.Content ?? s_noContent;

    public static IDictionary<string, IOpenApiHeader> HeaderMap(this IOpenApiResponse response) => response.Headers ?? s_noHeaders;
}
