using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Contracts.Runtime.AspNetCore.OpenApi;

/// <summary>
/// Adds to the operation of a generated endpoint what an API description cannot hold: an
/// <c>ApiParameterDescription</c> has no cookie location (ASP.NET Core would list a cookie as a query parameter, so the
/// description provider leaves cookies out), and an <c>ApiResponseType</c> holds one status code, never a range. Where
/// the endpoint's group carries the generated types' <see cref="ContractSchemas"/>, it also describes the operation's
/// schemas from them (ContractOperationTransformer.Schemas.cs), and, as a document transformer, tidies the components
/// once every operation is described.
/// </summary>
internal sealed partial class ContractOperationTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        ContractOperation? contract = null;
        for (var i = metadata.Count - 1; i >= 0 && contract is null; i--)
        {
            contract = metadata[i] as ContractOperation;
        }

        if (contract is null)
        {
            return;
        }

        await AddCookiesAsync(operation, contract, context, cancellationToken).ConfigureAwait(false);
        await AddRangesAsync(operation, contract, context, cancellationToken).ConfigureAwait(false);

        // The generated server's group carries its types' schemas when the project references this library.
        ContractSchemas? schemas = null;
        for (var i = metadata.Count - 1; i >= 0 && schemas is null; i--)
        {
            schemas = metadata[i] as ContractSchemas;
        }

        if (schemas is not null)
        {
            DescribeSchemas(operation, contract, schemas, context);
        }
    }

    private static async Task AddCookiesAsync(OpenApiOperation operation, ContractOperation contract, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in contract.Parameters)
        {
            if (parameter.Source != ParameterSource.Cookie)
            {
                continue;
            }

            operation.Parameters ??= new List<IOpenApiParameter>();
            if (Listed(operation.Parameters, parameter.Name))
            {
                continue;
            }

            // An optional value is absent, never null: the schema is the value's, as for the other parameters.
            var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Cookie,
                Required = parameter.Required,
                Schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken).ConfigureAwait(false),
            });
        }
    }

    private static bool Listed(IList<IOpenApiParameter> parameters, string cookie)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.In == ParameterLocation.Cookie && string.Equals(parameter.Name, cookie, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task AddRangesAsync(OpenApiOperation operation, ContractOperation contract, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var response in contract.Responses)
        {
            if (!IsRange(response.StatusCode))
            {
                continue;
            }

            var described = new OpenApiResponse { Description = response.Description ?? response.StatusCode };
            foreach (var mediaType in response.MediaTypes)
            {
                described.Content ??= new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
                described.Content[mediaType] = new OpenApiMediaType
                {
                    // Content of no particular type is described as any value, as for a status code.
                    Schema = response.Type is { } type
                        ? await context.GetOrCreateSchemaAsync(type, null, cancellationToken).ConfigureAwait(false)
                        : new OpenApiSchema(),
                };
            }

            operation.Responses ??= new OpenApiResponses();
            operation.Responses[response.StatusCode.ToUpperInvariant()] = described;
        }
    }

    /// <summary><c>1XX</c> to <c>5XX</c> (either case), as the document's response keys spell ranges.</summary>
    private static bool IsRange(string status) =>
        status.Length == 3 && status[0] is >= '1' and <= '5' && status[1] is 'X' or 'x' && status[2] is 'X' or 'x';
}
