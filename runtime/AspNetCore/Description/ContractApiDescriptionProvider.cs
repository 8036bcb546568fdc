using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Hosting;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// Describes every route endpoint carrying a <see cref="ContractOperation"/> to the API explorer, the way ASP.NET Core
/// describes minimal-API handlers: ASP.NET Core's own provider only describes endpoints with a handler method, which
/// generated request delegates do not have, so the two never describe the same endpoint.
/// </summary>
internal sealed class ContractApiDescriptionProvider : IApiDescriptionProvider
{
    private readonly EndpointDataSource _endpoints;
    private readonly string _applicationName;

    public ContractApiDescriptionProvider(EndpointDataSource endpoints, IHostEnvironment environment)
    {
        _endpoints = endpoints;
        _applicationName = environment.ApplicationName;
    }

    // Where ASP.NET Core's minimal-API provider runs: descriptions come out in the same place among MVC's.
    public int Order => -1100;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var endpoint in _endpoints.Endpoints)
        {
            if (endpoint is not RouteEndpoint route
                || route.Metadata.GetMetadata<ContractOperation>() is not { } operation
                || route.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true }
                // A handler method: ASP.NET Core describes the endpoint itself.
                || route.Metadata.GetMetadata<MethodInfo>() is not null
                || route.Metadata.GetMetadata<IHttpMethodMetadata>() is not { HttpMethods.Count: > 0 } methods)
            {
                continue;
            }

            foreach (var method in methods.HttpMethods)
            {
                context.Results.Add(Describe(route, operation, method));
            }
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    private ApiDescription Describe(RouteEndpoint route, ContractOperation operation, string method)
    {
        var description = new ApiDescription
        {
            HttpMethod = method,
            GroupName = route.Metadata.GetMetadata<IEndpointGroupNameMetadata>()?.EndpointGroupName,
            RelativePath = RelativePath(route.RoutePattern),
            ActionDescriptor = new ActionDescriptor
            {
                DisplayName = route.DisplayName,
                EndpointMetadata = Metadata(route, operation),
            },
        };

        // Untagged operations are grouped under the application's name, as ASP.NET Core groups untagged handlers.
        description.ActionDescriptor.RouteValues["controller"] = _applicationName;

        AddPathParameters(description, route.RoutePattern, operation);
        AwsJsonTargetDescription.Apply(description, route);
        foreach (var parameter in operation.Parameters)
        {
            // Cookies have no binding source the document generator renders (it would call them query parameters),
            // so they are left out rather than described wrongly; AddContractDescriptions (Contracts.Runtime.AspNetCore.OpenApi)
            // adds them to the operation.
            var source = parameter.Source switch
            {
                ParameterSource.Query => BindingSource.Query,
                ParameterSource.Header => BindingSource.Header,
                _ => null,
            };
            if (source is not null)
            {
                description.ParameterDescriptions.Add(Parameter(parameter.Name, source, parameter.Type, parameter.Required, null));
            }
        }

        if (operation.RequestBody is { } body)
        {
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = "body",
                Source = BindingSource.Body,
                Type = body.Type,
                IsRequired = body.Required,
                ModelMetadata = new ContractModelMetadata(body.Type),
                ParameterDescriptor = new ParameterDescriptor { Name = "body", ParameterType = body.Type },
            });
            foreach (var mediaType in body.MediaTypes)
            {
                description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = mediaType });
            }
        }

        foreach (var response in operation.Responses)
        {
            if (Response(response) is { } responseType)
            {
                description.SupportedResponseTypes.Add(responseType);
            }
        }

        return description;
    }

    // The operation's own name, summary, description and tags go first, so the endpoint's explicit metadata
    // (WithName, WithTags, ... on the endpoint or its group), read last-wins, still overrides them.
    private static List<object> Metadata(RouteEndpoint route, ContractOperation operation)
    {
        var metadata = new List<object>(route.Metadata.Count + 4) { new EndpointNameMetadata(operation.OperationId) };
        if (operation.Tags.Count > 0)
        {
            var tags = new string[operation.Tags.Count];
            for (var i = 0; i < tags.Length; i++)
            {
                tags[i] = operation.Tags[i];
            }

            metadata.Add(new TagsAttribute(tags));
        }

        if (operation.Summary is { } summary)
        {
            metadata.Add(new EndpointSummaryAttribute(summary));
        }

        if (operation.Description is { } text)
        {
            metadata.Add(new EndpointDescriptionAttribute(text));
        }

        metadata.AddRange(route.Metadata);
        return metadata;
    }

    // Every parameter of the route template, named as the template names it (the document path is the template, so
    // its names must agree); typed from the operation, or as text for a parameter the operation does not declare
    // (a route group's prefix, for example).
    private static void AddPathParameters(ApiDescription description, RoutePattern pattern, ContractOperation operation)
    {
        foreach (var part in pattern.Parameters)
        {
            ContractParameter? declared = null;
            foreach (var parameter in operation.Parameters)
            {
                if (parameter.Source == ParameterSource.Path
                    && string.Equals(parameter.RouteName ?? parameter.Name, part.Name, StringComparison.OrdinalIgnoreCase))
                {
                    declared = parameter;
                    break;
                }
            }

            var routeInfo = new ApiParameterRouteInfo { IsOptional = part.IsOptional, DefaultValue = part.Default };
            description.ParameterDescriptions.Add(Parameter(part.Name, BindingSource.Path, declared?.Type ?? typeof(string), !part.IsOptional, routeInfo));
        }
    }

    private static ApiParameterDescription Parameter(string name, BindingSource source, Type type, bool required, ApiParameterRouteInfo? routeInfo)
    {
        // An optional value is absent, never null: the schema is the value's, not a nullable one.
        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        return new ApiParameterDescription
        {
            Name = name,
            Source = source,
            Type = valueType,
            IsRequired = required,
            RouteInfo = routeInfo,
            ModelMetadata = new ContractModelMetadata(valueType),
            ParameterDescriptor = new ParameterDescriptor { Name = name, ParameterType = valueType },
        };
    }

    // ASP.NET Core 10 reads a response's description from ApiResponseType.Description, which the ASP.NET Core 8
    // reference this library compiles against does not have; set where the running framework has it. A constant
    // name on a known type: the trimmer keeps the property, and reflection over it is Native AOT-safe.
    private static readonly PropertyInfo? s_responseDescription = typeof(ApiResponseType).GetProperty("Description", typeof(string));

    private static ApiResponseType? Response(ContractResponse response)
    {
        var responseType = new ApiResponseType { Type = response.Type };
        if (response.Description is { } text && s_responseDescription is { CanWrite: true } property)
        {
            property.SetValue(responseType, text);
        }

        if (string.Equals(response.StatusCode, "default", StringComparison.OrdinalIgnoreCase))
        {
            responseType.IsDefaultResponse = true;
        }
        else if (int.TryParse(response.StatusCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status)
                 && status is >= 100 and <= 599)
        {
            responseType.StatusCode = status;
        }
        else
        {
            // A range (4XX): an API description holds one status code, so a range cannot be told apart from one of
            // its codes; left out rather than described as a code the operation does not single out.
            // AddContractDescriptions (Contracts.Runtime.AspNetCore.OpenApi) adds it to the operation.
            return null;
        }

        if (response.Type is { } type)
        {
            responseType.ModelMetadata = new ContractModelMetadata(type);
        }

        // Content of no particular type (an envelope around the declared value, say) is described as any JSON.
        foreach (var mediaType in response.MediaTypes)
        {
            responseType.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = mediaType });
        }

        return responseType;
    }

    // The template without constraints or defaults: the document generator reads parameter names from it.
    private static string RelativePath(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            if (path.Length > 0)
            {
                path.Append('/');
            }

            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        path.Append('{');
                        if (parameter.IsCatchAll)
                        {
                            path.Append(parameter.EncodeSlashes ? "*" : "**");
                        }

                        path.Append(parameter.Name);
                        if (parameter.IsOptional)
                        {
                            path.Append('?');
                        }

                        path.Append('}');
                        break;
                }
            }
        }

        return path.ToString();
    }
}
