using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
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

    // The components ASP.NET Core exported for schemas replaced here (IReadOnlyListOfPet, say), which may now be unused.
    private readonly ConditionalWeakTable<OpenApiDocument, HashSet<string>> _replaced = new();

    private void DescribeSchemas(OpenApiOperation operation, ContractOperation contract, ContractSchemas schemas, OpenApiOperationTransformerContext context)
    {
        var perDocument = _describers.GetValue(context.Document!, static _ => new Dictionary<ContractSchemas, SchemaDescriber>());
        if (!perDocument.TryGetValue(schemas, out var describer))
        {
            perDocument[schemas] = describer = new SchemaDescriber(schemas, context.Document!);
        }

        var replaced = _replaced.GetValue(context.Document!, static _ => new HashSet<string>(StringComparer.Ordinal));

        foreach (var parameter in operation.Parameters ?? (IList<IOpenApiParameter>)Array.Empty<IOpenApiParameter>())
        {
            if (parameter is OpenApiParameter described
                && Declared(contract, described) is { } declared
                && describer.Describe(declared.Type) is { } schema)
            {
                Replaced(described.Schema, replaced);
                described.Schema = schema;
            }
        }

        if (contract.RequestBody is { } body && operation.RequestBody?.Content is { } requestContent)
        {
            Describe(requestContent, body.Type, describer, replaced);
        }

        foreach (var response in contract.Responses)
        {
            var key = IsRange(response.StatusCode) ? response.StatusCode.ToUpperInvariant() : response.StatusCode.ToLowerInvariant();
            if (response.Type is { } type
                && operation.Responses is { } responses
                && responses.TryGetValue(key, out var described)
                && described.Content is { } content)
            {
                Describe(content, type, describer, replaced);
            }
        }
    }

    private static void Describe(IDictionary<string, OpenApiMediaType> content, Type type, SchemaDescriber describer, HashSet<string> replaced)
    {
        if (describer.Describe(type) is not { } schema)
        {
            return;
        }

        foreach (var mediaType in content.Values)
        {
            Replaced(mediaType.Schema, replaced);
            mediaType.Schema = schema;
        }
    }

    private static void Replaced(IOpenApiSchema? schema, HashSet<string> replaced)
    {
        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            replaced.Add(id);
        }
    }

    /// <summary>
    /// Once every operation is described: puts the described components back where a later operation's schemas replaced
    /// them, and removes the components whose schemas were replaced here and that nothing refers to any more (ASP.NET
    /// Core's empty schema of a generated list, say). A component still referred to stays.
    /// </summary>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (_describers.TryGetValue(document, out var describers))
        {
            foreach (var describer in describers.Values)
            {
                describer.Restore();
            }
        }

        if (!_replaced.TryGetValue(document, out var replaced) || document.Components?.Schemas is not { } components)
        {
            return Task.CompletedTask;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var component in components.Values)
        {
            Use(component, used);
        }

        foreach (var pathItem in document.Paths.Values)
        {
            foreach (var operation in pathItem.Operations?.Values ?? (IEnumerable<OpenApiOperation>)Array.Empty<OpenApiOperation>())
            {
                foreach (var parameter in operation.Parameters ?? (IList<IOpenApiParameter>)Array.Empty<IOpenApiParameter>())
                {
                    Use(parameter.Schema, used);
                    UseContent(parameter.Content, used);
                }

                UseContent(operation.RequestBody?.Content, used);
                foreach (var response in operation.Responses?.Values ?? (IEnumerable<IOpenApiResponse>)Array.Empty<IOpenApiResponse>())
                {
                    UseContent(response.Content, used);
                    foreach (var header in response.Headers?.Values ?? (IEnumerable<IOpenApiHeader>)Array.Empty<IOpenApiHeader>())
                    {
                        Use(header.Schema, used);
                    }
                }
            }
        }

        foreach (var id in replaced)
        {
            if (!used.Contains(id))
            {
                components.Remove(id);
            }
        }

        return Task.CompletedTask;
    }

    private static void UseContent(IDictionary<string, OpenApiMediaType>? content, HashSet<string> used)
    {
        foreach (var mediaType in content?.Values ?? (IEnumerable<OpenApiMediaType>)Array.Empty<OpenApiMediaType>())
        {
            Use(mediaType.Schema, used);
        }
    }

    /// <summary>Every component <paramref name="schema"/> refers to, at any depth (a referenced component's own references are walked as components).</summary>
    private static void Use(IOpenApiSchema? schema, HashSet<string> used)
    {
        switch (schema)
        {
            case null:
                return;
            case OpenApiSchemaReference reference:
                if (reference.Reference.Id is { } id)
                {
                    used.Add(id);
                }

                return;
        }

        Use(schema.Items, used);
        Use(schema.AdditionalProperties, used);
        Use(schema.Not, used);
        foreach (var list in new[] { schema.AllOf, schema.AnyOf, schema.OneOf })
        {
            foreach (var item in list ?? (IList<IOpenApiSchema>)Array.Empty<IOpenApiSchema>())
            {
                Use(item, used);
            }
        }

        foreach (var property in schema.Properties?.Values ?? (IEnumerable<IOpenApiSchema>)Array.Empty<IOpenApiSchema>())
        {
            Use(property, used);
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
