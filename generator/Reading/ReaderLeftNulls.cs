using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.OpenApi;

namespace Contracts.Generator.Reading;

/// <summary>
/// Where a reference does not resolve, Microsoft.OpenApi 1.6 reports it (CTR004, located at the <c>$ref</c>) and leaves
/// a null in the list or map that held it: an operation's or a path item's parameters, its responses, a response's
/// headers, a content map. Translation reads a document in which every such entry is an object, so this removes those
/// entries once, after reading: the reference is reported, and the document generates without the part it names.
/// Schemas keep their nulls, which translation reads as "any JSON value".
/// </summary>
internal static class ReaderLeftNulls
{
    public static void Remove(OpenApiDocument document)
    {
        var walk = new Walk();
        walk.Document(document);
    }

    private sealed class Walk
    {
        private readonly HashSet<object> _visited = new(Identity.Instance);

        public void Document(OpenApiDocument document)
        {
            Clean(document.Paths);
            foreach (var pathItem in document.Paths?.Values ?? Enumerable.Empty<OpenApiPathItem>())
            {
                PathItem(pathItem);
            }

            if (document.Components is { } components)
            {
                Clean(components.Responses);
                Clean(components.Parameters);
                Clean(components.RequestBodies);
                Clean(components.Headers);
                Clean(components.SecuritySchemes);
                Clean(components.Callbacks);
                Clean(components.Examples);
                Clean(components.Links);
                Each(components.Responses?.Values, Response);
                Each(components.Parameters?.Values, Parameter);
                Each(components.RequestBodies?.Values, RequestBody);
                Each(components.Headers?.Values, Header);
            }

            Clean(document.SecurityRequirements);
            Clean(document.Servers);
            Clean(document.Tags);
        }

        private void PathItem(OpenApiPathItem pathItem)
        {
            if (!_visited.Add(pathItem))
            {
                return;
            }

            Clean(pathItem.Parameters);
            Clean(pathItem.Operations);
            Clean(pathItem.Servers);
            Each(pathItem.Parameters, Parameter);
            foreach (var operation in pathItem.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                Clean(operation.Parameters);
                Clean(operation.Responses);
                Clean(operation.Security);
                Clean(operation.Servers);
                Clean(operation.Tags);
                Clean(operation.Callbacks);
                Each(operation.Parameters, Parameter);
                Each(operation.Responses?.Values, Response);
                if (operation.RequestBody is { } body)
                {
                    RequestBody(body);
                }

                foreach (var callback in operation.Callbacks?.Values ?? Enumerable.Empty<OpenApiCallback>())
                {
                    Clean(callback.PathItems);
                    Each(callback.PathItems?.Values, PathItem);
                }
            }
        }

        private void Parameter(OpenApiParameter parameter)
        {
            if (_visited.Add(parameter))
            {
                Content(parameter.Content);
            }
        }

        private void Header(OpenApiHeader header)
        {
            if (_visited.Add(header))
            {
                Content(header.Content);
            }
        }

        private void RequestBody(OpenApiRequestBody body)
        {
            if (_visited.Add(body))
            {
                Content(body.Content);
            }
        }

        private void Response(OpenApiResponse response)
        {
            if (_visited.Add(response))
            {
                Clean(response.Headers);
                Clean(response.Links);
                Each(response.Headers?.Values, Header);
                Content(response.Content);
            }
        }

        private void Content(IDictionary<string, OpenApiMediaType>? content)
        {
            Clean(content);
            foreach (var media in content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
            {
                Clean(media.Encoding);
                foreach (var encoding in media.Encoding?.Values ?? Enumerable.Empty<OpenApiEncoding>())
                {
                    Clean(encoding.Headers);
                    Each(encoding.Headers?.Values, Header);
                }
            }
        }

        private static void Each<T>(IEnumerable<T>? items, System.Action<T> visit)
        {
            // A copy: visiting cleans nested collections only, never the one being enumerated, but the copy costs little.
            foreach (var item in items?.ToList() ?? new List<T>())
            {
                visit(item);
            }
        }

        private static void Clean<T>(IList<T>? list)
            where T : class
        {
            if (list is null || list.IsReadOnly)
            {
                return;
            }

            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (list[i] is null)
                {
                    list.RemoveAt(i);
                }
            }
        }

        private static void Clean<TKey, TValue>(IDictionary<TKey, TValue>? map)
            where TValue : class
        {
            if (map is null || map.IsReadOnly)
            {
                return;
            }

            List<TKey>? empty = null;
            foreach (var entry in map)
            {
                if (entry.Value is null)
                {
                    (empty ??= new List<TKey>()).Add(entry.Key);
                }
            }

            foreach (var key in empty ?? Enumerable.Empty<TKey>())
            {
                map.Remove(key);
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
