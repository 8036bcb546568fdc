using System;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Contracts.Runtime.AspNetCore;

/// <summary>Registers the description of generated endpoints with ASP.NET Core's API explorer.</summary>
public static class ContractEndpointDescriptionExtensions
{
    /// <summary>
    /// Describes every generated endpoint (each carries a <see cref="ContractOperation"/>) to ASP.NET Core's API
    /// explorer, so the application's own OpenAPI document (<c>AddOpenApi()</c>, or any generator reading the API
    /// explorer) lists their operations, parameters, request bodies and declared responses. Calling it again adds
    /// nothing.
    /// </summary>
    public static IServiceCollection AddContractEndpointDescriptions(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddEndpointsApiExplorer();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, ContractApiDescriptionProvider>());
        return services;
    }
}
