using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Contracts.Runtime.AspNetCore.OpenApi;

/// <summary>
/// The schemas of a generated operation's parameters, body and responses. ASP.NET Core exports a schema from a type's
/// JSON metadata; the generated JSON context reads and writes each model with a converter, which shows it no member, so it
/// exports <c>{}</c>. The generated server carries each generated type's schema as the source document declares it
/// (<see cref="ContractSchemas"/>, made by the generator from its model); this puts them among the document's components
/// and points the operation's schemas at them. The other types are described from their CLR type (scalars as the
/// document would spell them, lists as arrays), as the generated binder reads them: a query integer is an integer, not
/// the JSON number-or-string ASP.NET Core's JSON options would make of it.
/// </summary>
internal sealed partial class ContractOperationTransformer
{
    // One describer per document and schema set: each component is parsed once per document, not once per operation.
    private readonly ConditionalWeakTable<OpenApiDocument, Dictionary<ContractSchemas, SchemaDescriber>> _describers = new();

    private void DescribeSchemas(OpenApiOperation operation, ContractOperation contract, ContractSchemas schemas, OpenApiOperationTransformerContext context)
    {
        var perDocument = _describers.GetValue(context.Document!, static _ => new Dictionary<ContractSchemas, SchemaDescriber>());
        if (!perDocument.TryGetValue(schemas, out var describer))
        {
            perDocument[schemas] = describer = new SchemaDescriber(schemas, context.Document!);
        }

        foreach (var parameter in operation.Parameters ?? (IList<IOpenApiParameter>)Array.Empty<IOpenApiParameter>())
        {
            if (parameter is OpenApiParameter described
                && Declared(contract, described) is { } declared
                && describer.Describe(declared.Type) is { } schema)
            {
                described.Schema = schema;
            }
        }

        if (contract.RequestBody is { } body && operation.RequestBody?.Content is { } requestContent)
        {
            Describe(requestContent, body.Type, describer);
        }

        foreach (var response in contract.Responses)
        {
            var key = IsRange(response.StatusCode) ? response.StatusCode.ToUpperInvariant() : response.StatusCode.ToLowerInvariant();
            if (response.Type is { } type
                && operation.Responses is { } responses
                && responses.TryGetValue(key, out var described)
                && described.Content is { } content)
            {
                Describe(content, type, describer);
            }
        }
    }

    private static void Describe(IDictionary<string, OpenApiMediaType> content, Type type, SchemaDescriber describer)
    {
        if (describer.Describe(type) is not { } schema)
        {
            return;
        }

        foreach (var mediaType in content.Values)
        {
            mediaType.Schema = schema;
        }
    }

    /// <summary>The declared parameter an operation's parameter stands for: same location, and the name (a path parameter's route name).</summary>
    private static ContractParameter? Declared(ContractOperation contract, OpenApiParameter parameter)
    {
        foreach (var declared in contract.Parameters)
        {
            var (location, name) = declared.Source switch
            {
                ParameterSource.Path => (ParameterLocation.Path, declared.RouteName ?? declared.Name),
                ParameterSource.Query => (ParameterLocation.Query, declared.Name),
                ParameterSource.Header => (ParameterLocation.Header, declared.Name),
                ParameterSource.Cookie => (ParameterLocation.Cookie, declared.Name),
                _ => ((ParameterLocation?)null, declared.Name),
            };
            if (location == parameter.In && string.Equals(name, parameter.Name, StringComparison.OrdinalIgnoreCase))
            {
                return declared;
            }
        }

        return null;
    }
}
