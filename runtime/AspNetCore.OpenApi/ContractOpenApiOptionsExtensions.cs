using System;
using Microsoft.AspNetCore.OpenApi;

namespace Contracts.Runtime.AspNetCore.OpenApi;

/// <summary>Completes the application's own OpenAPI document over generated endpoints.</summary>
public static class ContractOpenApiOptionsExtensions
{
    /// <summary>
    /// Completes what ASP.NET Core's API explorer cannot say about the generated endpoints that
    /// <c>AddContractEndpointDescriptions()</c> describes: cookie parameters (<c>in: cookie</c>), status ranges
    /// (<c>4XX</c>) and the generated models' schemas, as the source document declares them. Other endpoints are left
    /// as they are.
    /// </summary>
    /// <param name="options">The options of one document (<c>AddOpenApi(o =&gt; o.AddContractDescriptions())</c>).</param>
    /// <returns>The same options.</returns>
    public static OpenApiOptions AddContractDescriptions(this OpenApiOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var transformer = new ContractOperationTransformer();
        options.AddOperationTransformer(transformer);
        // After the operations: removes what describing them left unused.
        options.AddDocumentTransformer(transformer);
        return options;
    }
}
