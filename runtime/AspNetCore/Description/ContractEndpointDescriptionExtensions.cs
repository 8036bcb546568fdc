using System;
using Microsoft.AspNetCore.Http.Json;
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
    /// <remarks>
    /// Schemas come from ASP.NET Core's HTTP JSON options (<c>ConfigureHttpJsonOptions</c>). Where reflection is off
    /// (trimmed or Native AOT applications) every type an operation names must be resolvable there: this adds the
    /// scalar parameter types, last in the chain; add the generated JSON context for the models. What the API explorer
    /// cannot hold (cookie parameters, status ranges, the generated models' members) the document lists with
    /// <c>AddOpenApi(o =&gt; o.AddContractDescriptions())</c> from the Contracts.Runtime.AspNetCore.OpenApi package.
    /// </remarks>
    public static IServiceCollection AddContractEndpointDescriptions(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddEndpointsApiExplorer();
        if (services.TryAddEnumerableWasNew(ServiceDescriptor.Transient<IApiDescriptionProvider, ContractApiDescriptionProvider>()))
        {
            // After the application's own configuration, which may replace the chain.
            services.PostConfigure<JsonOptions>(static options =>
            {
                var chain = options.SerializerOptions.TypeInfoResolverChain;
                if (!chain.Contains(ScalarTypeInfoResolver.Instance))
                {
                    chain.Add(ScalarTypeInfoResolver.Instance);
                }
            });
        }

        return services;
    }

    private static bool TryAddEnumerableWasNew(this IServiceCollection services, ServiceDescriptor descriptor)
    {
        var count = services.Count;
        services.TryAddEnumerable(descriptor);
        return services.Count > count;
    }
}
