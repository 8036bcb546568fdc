using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;
using Contracts.Generator.Reading;
using Microsoft.OpenApi;

namespace Contracts.Generator.Translation.Naming;

/// <summary>
/// Names inline schemas that carry a <c>title</c> after it, and makes every inline schema with the same title and the
/// same shape (<see cref="ShapeKeys"/>) one type. A title that names several shapes in the document names each of them
/// with the member it sits under as a prefix (Stripe's <c>param</c> under <c>sepa_debit</c>: <c>SepaDebitParam</c>);
/// a name already taken (a component's) takes the same prefix; without one, the name of where it is used. Component schemas keep their names, and
/// inline schemas without a title keep the name of where they are used (docs/names.md).
/// </summary>
internal sealed class InlineNames
{
    private readonly TypeRegistry _registry;
    private readonly Func<IOpenApiSchema, bool> _isNamedShape;

    /// <summary>How many distinct shapes each title's name has in the whole document (counted before any is named).</summary>
    private readonly Dictionary<string, int> _shapesPerTitle;
    private readonly Dictionary<(string Title, string Shape), TypeRef> _types = new();

    private InlineNames(TypeRegistry registry, Func<IOpenApiSchema, bool> isNamedShape, Dictionary<string, int> shapesPerTitle)
    {
        _registry = registry;
        _isNamedShape = isNamedShape;
        _shapesPerTitle = shapesPerTitle;
    }

    /// <summary>Counts the shapes under each title of the document's inline schemas that become a named type.</summary>
    /// <param name="isNamedShape">Whether a schema becomes a record, an enum or a union (not an alias of another type).</param>
    public static InlineNames For(OpenApiDocument document, TypeRegistry registry, Func<IOpenApiSchema, bool> isNamedShape)
    {
        var shapes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var walker = new TitleWalker(isNamedShape, shapes);
        walker.WalkDocument(document);
        return new InlineNames(registry, isNamedShape, shapes.ToDictionary(s => s.Key, s => s.Value.Count, StringComparer.Ordinal));
    }

    /// <summary>
    /// For an inline schema with a title that becomes a named type: the type already made for the same title and shape,
    /// or the name (claimed) for a new one, which the caller gives to <see cref="Remember"/> once the type exists.
    /// Null for any other schema.
    /// </summary>
    public (TypeRef? Known, string Name, (string Title, string Shape)? Key)? Lookup(IOpenApiSchema schema, string pointer, string hint)
    {
        if (schema.ReferenceId() is not null || string.IsNullOrWhiteSpace(schema.Title) || !_isNamedShape(schema))
        {
            return null;
        }

        var title = TitleName(schema.Title ?? string.Empty);
        if (title.Length == 0)
        {
            return null;
        }

        var shape = ShapeKeys.Of(schema);
        (string, string)? key = shape is null ? null : (title, shape);
        if (key is { } found && _types.TryGetValue(found, out var known))
        {
            return (known, known.Name!, key);
        }

        // One shape under the title: the title alone, unless another type has the name. Several shapes: each is told
        // apart by where it is used, as no position in the document would say which is which.
        var prefixed = Prefixed(title, pointer, hint);
        var shared = !_shapesPerTitle.TryGetValue(title, out var count) || count > 1;
        if (!shared && _registry.TryClaim(title, out var claimed))
        {
            return (null, claimed, key);
        }

        return (null, _registry.Claim(prefixed), key);
    }

    /// <summary>Keeps the type made for a title and shape, so that the next schema of the same shape is that type.</summary>
    public void Remember((string Title, string Shape)? key, TypeRef type)
    {
        if (key is { } found)
        {
            _types[found] = type;
        }
    }

    /// <summary>The title as a type name; empty when it has no letter or digit (then it names nothing).</summary>
    private static string TitleName(string title) => Identifiers.ToPascalCase(title, string.Empty);

    /// <summary>
    /// The title with the name of the member the schema sits under in front (items and union alternatives look through
    /// to it). Where the member adds nothing (a body has none; <c>address</c> before <c>address</c>), where the schema is
    /// used tells it apart better than a number would: the name it would have without a title.
    /// </summary>
    private static string Prefixed(string title, string pointer, string hint)
    {
        var member = MemberOf(pointer);
        var prefix = member is null ? string.Empty : Identifiers.ToPascalCase(member, string.Empty);
        return prefix.Length == 0 || title.StartsWith(prefix, StringComparison.Ordinal) ? hint : prefix + title;
    }

    /// <summary>The last <c>properties/&lt;key&gt;</c> of a JSON pointer, unescaped, or null.</summary>
    private static string? MemberOf(string pointer)
    {
        var segments = pointer.Split('/');
        for (var i = segments.Length - 1; i > 0; i--)
        {
            if (segments[i - 1] == "properties" && (i < 2 || segments[i - 2] != "properties"))
            {
                return segments[i].Replace("~1", "/").Replace("~0", "~");
            }
        }

        return null;
    }

    /// <summary>Walks every inline schema of the document once, collecting the shapes of titled ones.</summary>
    private sealed class TitleWalker(Func<IOpenApiSchema, bool> isNamedShape, Dictionary<string, HashSet<string>> shapes)
    {
        private readonly HashSet<IOpenApiSchema> _seen = new();

        public void WalkDocument(OpenApiDocument document)
        {
            foreach (var schema in document.Components?.Schemas?.Values ?? Enumerable.Empty<IOpenApiSchema>())
            {
                // A component's own title never names it; its inline members' titles do.
                WalkChildren(schema, 0);
            }

            foreach (var parameter in document.Components?.Parameters?.Values ?? Enumerable.Empty<IOpenApiParameter>())
            {
                Walk(parameter);
            }

            foreach (var body in document.Components?.RequestBodies?.Values ?? Enumerable.Empty<IOpenApiRequestBody>())
            {
                Walk(body?.Content);
            }

            foreach (var response in document.Components?.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            {
                Walk(response);
            }

            foreach (var path in document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
            {
                foreach (var parameter in path?.Parameters ?? new List<IOpenApiParameter>())
                {
                    Walk(parameter);
                }

                foreach (var operation in path?.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                {
                    foreach (var parameter in operation?.Parameters ?? new List<IOpenApiParameter>())
                    {
                        Walk(parameter);
                    }

                    if (operation?.RequestBody is { } body && !ReferenceResolution.IsComponent(body))
                    {
                        Walk(body.ContentMap());
                    }

                    foreach (var response in operation?.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                    {
                        Walk(response);
                    }
                }
            }
        }

        private void Walk(IOpenApiParameter? parameter)
        {
            if (parameter is not null && !ReferenceResolution.IsComponent(parameter))
            {
                Walk(parameter.Schema, 0);
                Walk(parameter.ContentMap());
            }
        }

        private void Walk(IOpenApiResponse? response)
        {
            if (response is not null && !ReferenceResolution.IsComponent(response))
            {
                Walk(response.ContentMap());
            }
        }

        private void Walk(IDictionary<string, IOpenApiMediaType>? content)
        {
            foreach (var media in content?.Values ?? Enumerable.Empty<IOpenApiMediaType>())
            {
                Walk(media?.Schema, 0);
            }
        }

        private void Walk(IOpenApiSchema? schema, int depth)
        {
            // Referenced schemas are walked as components; each inline schema once.
            if (schema is null || schema.ReferenceId() is not null || depth > Limits.MaxSchemaDepth || !_seen.Add(schema))
            {
                return;
            }

            if (!string.IsNullOrWhiteSpace(schema.Title) && TitleName(schema.Title!) is { Length: > 0 } title && isNamedShape(schema) && ShapeKeys.Of(schema) is { } shape)
            {
                if (!shapes.TryGetValue(title, out var set))
                {
                    shapes[title] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(shape);
            }

            WalkChildren(schema, depth);
        }

        private void WalkChildren(IOpenApiSchema? schema, int depth)
        {
            if (schema is null)
            {
                return;
            }

            foreach (var property in schema.PropertyMap().Values)
            {
                Walk(property, depth + 1);
            }

            Walk(schema.Items, depth + 1);
            Walk(schema.AdditionalProperties, depth + 1);
            foreach (var part in schema.AllOfList().Concat(schema.OneOfList()).Concat(schema.AnyOfList()))
            {
                Walk(part, depth + 1);
            }
        }
    }
}
