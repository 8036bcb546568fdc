using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Microsoft.OpenApi;

namespace Contracts.Generator.Reading;

/// <summary>
/// Gives translation the document as one graph of objects, as Microsoft.OpenApi 1.6 gave it: every reference that
/// resolves is replaced by its target (3.x keeps a new reference object per <c>$ref</c>, resolved lazily), so one
/// component is one object wherever it is used, and <see cref="ComponentName"/> names it. A reference that resolves to
/// nothing is reported once per <c>$ref</c> (CTR004, located at the <c>$ref</c>); a schema keeps it (translation reads
/// it as any JSON value), every other part leaves it out of the list or map that held it.
/// </summary>
internal static class ReferenceResolution
{
    // The component name of each schema object, as 1.6's Reference on the object said it. Weak: the document owns the schemas.
    private static readonly ConditionalWeakTable<object, string> s_componentNames = new();

    /// <summary>The name of the component <paramref name="schema"/> is (a schema reached through <c>$ref</c>), or of the component an unresolved reference names; null for an inline schema.</summary>
    public static string? ComponentName(IOpenApiSchema? schema) => schema switch
    {
        null => null,
        OpenApiSchemaReference reference => reference.Reference?.Id,
        _ => s_componentNames.TryGetValue(schema, out var name) ? name : null,
    };

    /// <summary>True for a part of <c>components</c> (a parameter, response, request body, header), which 1.6 marked with its Reference.</summary>
    public static bool IsComponent(object? part) => part is not null && s_componentNames.TryGetValue(part, out _);

    /// <summary>A <c>$ref</c> that names no schema (1.6's <c>UnresolvedReference</c>).</summary>
    public static bool IsUnresolved(IOpenApiSchema? schema) => schema is OpenApiSchemaReference { Target: null };

    public static void Resolve(OpenApiDocument document, DiagnosticBag diagnostics, bool isSwagger2 = false)
    {
        var walk = new Walk(diagnostics, isSwagger2);
        walk.Document(document);
    }

    private sealed class Walk
    {
        private readonly DiagnosticBag _diagnostics;
        private readonly HashSet<object> _visited = new(Identity.Instance);
        private readonly Queue<OpenApiSchema> _schemas = new();

        private readonly bool _isSwagger2;

        public Walk(DiagnosticBag diagnostics, bool isSwagger2)
        {
            _diagnostics = diagnostics;
            _isSwagger2 = isSwagger2;
        }

        public void Document(OpenApiDocument document)
        {
            EmptyParts.Fill(document);
            if (document.Components is { } components)
            {
                if (components.Schemas is { } schemas)
                {
                    // Names first: a component that is only a $ref to another must not name the other.
                    foreach (var entry in schemas)
                    {
                        if (entry.Value is OpenApiSchema concrete && !s_componentNames.TryGetValue(concrete, out _))
                        {
                            s_componentNames.Add(concrete, entry.Key);
                        }
                    }

                    foreach (var name in schemas.Keys.ToList())
                    {
                        schemas[name] = Schema(schemas[name])!;
                    }
                }

                Name(components.Parameters);
                Name(components.Responses);
                Name(components.RequestBodies);
                Name(components.Headers);
                Map(components.Parameters, Parameter);
                Map(components.Responses, Response);
                Map(components.RequestBodies, RequestBody);
                Map(components.Headers, Header);
                Map(components.SecuritySchemes, s => s is OpenApiSecuritySchemeReference { Target: { } target } ? target : s is OpenApiSecuritySchemeReference ? null : s);
            }

            if (document.Paths is { } paths)
            {
                foreach (var path in paths.Keys.ToList())
                {
                    if (PathItem(paths[path]) is { } item)
                    {
                        paths[path] = item;
                    }
                    else
                    {
                        paths.Remove(path);
                    }
                }
            }

            // Schema objects are walked last, breadth first and iteratively: a document's schemas can nest deeper than the stack allows.
            while (_schemas.Count > 0)
            {
                SchemaMembers(_schemas.Dequeue());
            }
        }

        private IOpenApiPathItem? PathItem(IOpenApiPathItem? item)
        {
            var resolved = Target(item, (OpenApiPathItemReference r) => r.Target, r => r.Reference?.Id);
            if (resolved is not OpenApiPathItem pathItem || !_visited.Add(pathItem))
            {
                return resolved;
            }

            EmptyParts.PathItem(pathItem);

            List(pathItem.Parameters, Parameter);
            foreach (var operation in pathItem.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                List(operation.Parameters, Parameter);
                if (operation.RequestBody is { } body)
                {
                    operation.RequestBody = RequestBody(body);
                }

                Map(operation.Responses, Response);
                foreach (var callback in operation.Callbacks?.Values.OfType<OpenApiCallback>() ?? Enumerable.Empty<OpenApiCallback>())
                {
                    foreach (var expression in callback.PathItems?.Keys.ToList() ?? new List<RuntimeExpression>())
                    {
                        if (PathItem(callback.PathItems![expression]) is { } item2)
                        {
                            callback.PathItems[expression] = item2;
                        }
                        else
                        {
                            callback.PathItems.Remove(expression);
                        }
                    }
                }
            }

            return pathItem;
        }

        private IOpenApiParameter? Parameter(IOpenApiParameter? parameter)
        {
            var resolved = Target(parameter, (OpenApiParameterReference r) => r.Target, r => r.Reference?.Id);
            if (resolved is OpenApiParameter concrete && _visited.Add(concrete))
            {
                EmptyParts.Parameter(concrete);

                // 3.x reads Swagger's collectionFormat: csv as style simple wherever the parameter is; 1.6 gave a query
                // parameter style form (a query parameter cannot be simple).
                if (_isSwagger2 && concrete.In == ParameterLocation.Query && concrete.Style == ParameterStyle.Simple)
                {
                    concrete.Style = ParameterStyle.Form;
                }
                concrete.Schema = Schema(concrete.Schema);
                Content(concrete.Content);
            }

            return resolved;
        }

        private IOpenApiHeader? Header(IOpenApiHeader? header)
        {
            var resolved = Target(header, (OpenApiHeaderReference r) => r.Target, r => r.Reference?.Id);
            if (resolved is OpenApiHeader concrete && _visited.Add(concrete))
            {
                EmptyParts.Header(concrete);
                concrete.Schema = Schema(concrete.Schema);
                Content(concrete.Content);
            }

            return resolved;
        }

        private IOpenApiRequestBody? RequestBody(IOpenApiRequestBody? body)
        {
            var resolved = Target(body, (OpenApiRequestBodyReference r) => r.Target, r => r.Reference?.Id);
            if (resolved is OpenApiRequestBody concrete && _visited.Add(concrete))
            {
                EmptyParts.RequestBody(concrete);
                Content(concrete.Content);
            }

            return resolved;
        }

        private IOpenApiResponse? Response(IOpenApiResponse? response)
        {
            var resolved = Target(response, (OpenApiResponseReference r) => r.Target, r => r.Reference?.Id);
            if (resolved is OpenApiResponse concrete && _visited.Add(concrete))
            {
                EmptyParts.Response(concrete);
                Map(concrete.Headers, Header);
                Content(concrete.Content);
            }

            return resolved;
        }

        private void Content(IDictionary<string, IOpenApiMediaType>? content) => Map(content, media =>
        {
            var resolved = media is OpenApiMediaTypeReference reference ? reference.Target : media;
            if (resolved is OpenApiMediaType concrete && _visited.Add(concrete))
            {
                EmptyParts.Media(concrete);
                concrete.Schema = Schema(concrete.Schema);
                foreach (var encoding in concrete.Encoding?.Values ?? Enumerable.Empty<OpenApiEncoding>())
                {
                    Map(encoding.Headers, Header);
                }
            }

            return resolved;
        });

        /// <summary>The schema itself, its target when it is a reference that resolves, or the reference when it does not (reported).</summary>
        private IOpenApiSchema? Schema(IOpenApiSchema? schema)
        {
            var resolved = schema;
            for (var hops = 0; resolved is OpenApiSchemaReference reference && hops < 64; hops++)
            {
                if (reference.Target is null)
                {
                    // A reference into another file that the bundler could not bring in is CTR009 already (1.6 did not
                    // resolve references to other files, so it said nothing more); only a local one is CTR004.
                    if (reference.Reference?.IsExternal != true)
                    {
                        ReportUnresolved(reference.Reference?.Id);
                    }

                    return reference;
                }

                resolved = reference.Target;
            }

            if (resolved is OpenApiSchema concrete && _visited.Add(concrete))
            {
                _schemas.Enqueue(concrete);
            }

            return resolved;
        }

        private IOpenApiSchema? Member(IOpenApiSchema? schema) =>
            Schema(schema) is { } resolved && !IsUnresolved(resolved) && resolved.Extensions?.ContainsKey(PathReferences.UnknownMarker) != true ? resolved : null;

        private void SchemaMembers(OpenApiSchema schema)
        {
            ValueTyping.Apply(schema);
            UnionMembers.Unmark(schema);
            // As 1.6 left them: an unresolved member of a list or map is a null entry (translation reads it as any JSON value).
            if (schema.Properties is { } properties)
            {
                foreach (var name in properties.Keys.ToList())
                {
                    properties[name] = Member(properties[name])!;
                }
            }

            foreach (var list in new[] { schema.AllOf, schema.OneOf, schema.AnyOf })
            {
                for (var i = 0; list is not null && i < list.Count; i++)
                {
                    list[i] = Member(list[i])!;
                }
            }
            schema.Items = Schema(schema.Items);
            schema.AdditionalProperties = Schema(schema.AdditionalProperties);
            schema.Not = Schema(schema.Not);
        }

        private T? Target<T, TReference>(T? value, System.Func<TReference, T?> target, System.Func<TReference, string?> id)
            where T : class
            where TReference : class, T
        {
            if (value is not TReference reference)
            {
                return value;
            }

            if (target(reference) is { } resolved)
            {
                return resolved;
            }

            ReportUnresolved(id(reference));
            return null;
        }

        private void ReportUnresolved(string? id)
        {
            if (!string.IsNullOrEmpty(id))
            {
                _diagnostics.Add(DiagnosticDescriptors.UnresolvedReference, SourceLocator.ReferencePrefix + id, id!);
            }
        }

        private static void Name<T>(IDictionary<string, T>? components)
            where T : class
        {
            foreach (var entry in components ?? new Dictionary<string, T>())
            {
                if (entry.Value is not IOpenApiReferenceHolder && entry.Value is not null && !s_componentNames.TryGetValue(entry.Value, out _))
                {
                    s_componentNames.Add(entry.Value, entry.Key);
                }
            }
        }

        private static void List<T>(IList<T>? list, System.Func<T, T?> resolve)
            where T : class
        {
            if (list is null || list.IsReadOnly)
            {
                return;
            }

            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (resolve(list[i]) is { } resolved)
                {
                    list[i] = resolved;
                }
                else
                {
                    list.RemoveAt(i);
                }
            }
        }

        private static void Map<TKey, TValue>(IDictionary<TKey, TValue>? map, System.Func<TValue, TValue?> resolve)
            where TValue : class
        {
            if (map is null || map.IsReadOnly)
            {
                return;
            }

            foreach (var key in map.Keys.ToList())
            {
                if (resolve(map[key]) is { } resolved)
                {
                    map[key] = resolved;
                }
                else
                {
                    map.Remove(key);
                }
            }
        }
    }

    private sealed class Identity : IEqualityComparer<object>
    {
        public static readonly Identity Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
