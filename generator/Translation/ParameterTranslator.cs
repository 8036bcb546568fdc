using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi;
using static Contracts.Generator.Translation.SchemaShapes;
using OpenApiParameterLocation = Microsoft.OpenApi.ParameterLocation;
using OpenApiParameterStyle = Microsoft.OpenApi.ParameterStyle;
using ParameterLocation = Contracts.Generator.Model.ParameterLocation;
using ParameterStyle = Contracts.Generator.Model.ParameterStyle;

namespace Contracts.Generator.Translation;

/// <summary>Operation parameters: path, query, header and cookie, with their <c>style</c> and <c>explode</c>; constant headers apart.</summary>
internal sealed class ParameterTranslator
{
    private readonly SchemaTranslator _schemas;
    private readonly AwsProfile? _aws;
    private readonly DiagnosticBag _diagnostics;
    private readonly DocumentFacts _facts;
    private readonly bool _isSwagger2;
    private HashSet<string>? _multiParameters;

    public ParameterTranslator(SchemaTranslator schemas, AwsProfile? aws, DiagnosticBag diagnostics, DocumentFacts facts, bool isSwagger2)
    {
        _schemas = schemas;
        _aws = aws;
        _diagnostics = diagnostics;
        _facts = facts;
        _isSwagger2 = isSwagger2;
    }

    /// <summary>Swagger 2.0 parameters with <c>collectionFormat: multi</c>, read from the tree on first need.</summary>
    private HashSet<string> MultiParameters =>
        _multiParameters ??= _facts.Mentions("multi") ? SwaggerCollectionFormats.FindMulti(_facts.Tree) : new HashSet<string>();

    /// <summary>The caller's parameters and the fixed headers; null when a required parameter cannot be supported (the operation is skipped).</summary>
    public (List<ParameterModel> Parameters, List<ConstantHeaderModel> ConstantHeaders)? Translate(IOpenApiPathItem pathItem, OpenApiOperation operation, OperationContext context)
    {
        var parameters = new List<ParameterModel>();
        var constantHeaders = new List<ConstantHeaderModel>();
        var isAwsJson = _aws?.Model.JsonVersion is not null && context.IsAwsKey;
        var renames = ParameterRenames(pathItem, operation, context);
        foreach (var (parameter, parameterPointer) in MergeParameters(pathItem, operation, context.Pointer))
        {
            if (_aws?.IsSigningHeader(parameter) == true)
            {
                // Computed by the SigV4 handler on every request; never a caller's concern.
                continue;
            }

            if (isAwsJson && parameter.In is OpenApiParameterLocation.Query or OpenApiParameterLocation.Path)
            {
                _diagnostics.Add(DiagnosticDescriptors.ParameterIgnored, parameterPointer, context.OperationId, parameter.In.ToString()!.ToLowerInvariant(), parameter.Name ?? string.Empty);
                continue;
            }

            if (parameter.In == OpenApiParameterLocation.Header && !IsHttpToken(parameter.Name))
            {
                // HttpClient drops such a header without a word (TryAddWithoutValidation returns false): say so here instead.
                const string NotAToken = "is not a valid HTTP header name (an RFC 9110 token: ASCII letters, digits and !#$%&'*+-.^_`|~), so HttpClient would drop it without sending it";
                var name = parameter.Name ?? string.Empty;
                if (parameter.Required)
                {
                    _diagnostics.Add(DiagnosticDescriptors.OperationSkipped, parameterPointer, context.OperationId, "the required header '" + name + "' " + NotAToken);
                    return null;
                }

                _diagnostics.Add(DiagnosticDescriptors.ParameterDropped, parameterPointer, context.OperationId, name, "it " + NotAToken);
                continue;
            }

            if (parameter.In == OpenApiParameterLocation.Header && parameter.Required && SingleValue(parameter.Schema) is { } constant)
            {
                constantHeaders.Add(new ConstantHeaderModel(parameter.Name ?? string.Empty, constant));
                continue;
            }

            var location = parameter.In switch
            {
                OpenApiParameterLocation.Path => ParameterLocation.Path,
                OpenApiParameterLocation.Query => ParameterLocation.Query,
                OpenApiParameterLocation.Header => ParameterLocation.Header,
                OpenApiParameterLocation.Cookie => ParameterLocation.Cookie,
                _ => (ParameterLocation?)null,
            };
            var required = parameter.Required || location == ParameterLocation.Path;
            var schema = parameter.Schema ?? FirstContentSchema(parameter);
            // A null item has no spelling in a URL or header: parameter lists take non-null items.
            var type = _schemas.Resolve(schema, parameterPointer + "/schema", context.BaseName + Identifiers.ToPascalCase(parameter.Name, "Parameter")).WithoutNullElements();
            var problem = location is null ? "its location '" + parameter.In + "' is not supported"
                : !IsSimpleParameterType(type) && !IsDeepObjectList(parameter, location.Value, type) ? Unspellable(type) + " cannot be spelled in a " + location.Value.ToString().ToLowerInvariant() + " parameter"
                : null;
            if (problem is not null)
            {
                if (required)
                {
                    _diagnostics.Add(DiagnosticDescriptors.OperationSkipped, parameterPointer, context.OperationId, "the required parameter '" + parameter.Name + "' is not supported: " + problem);
                    return null;
                }

                _diagnostics.Add(DiagnosticDescriptors.ParameterDropped, parameterPointer, context.OperationId, parameter.Name ?? string.Empty, problem);
                continue;
            }

            var style = StyleOf(parameter, location!.Value, parameterPointer, context.OperationId);
            parameters.Add(new ParameterModel(
                parameter.Name ?? string.Empty,
                renames.TryGetValue(parameterPointer, out var renamed) ? renamed : context.ParameterNames.Claim(Identifiers.ToCamelCase(parameter.Name, "value")),
                location.Value,
                type,
                required,
                parameter.Description,
                style,
                ExplodeOf(parameter, type),
                IsCredential: location == ParameterLocation.Path && IsSimpleScalar(type) && Secrets.IsSecret(parameter.Name ?? string.Empty, schema?.Format, writeOnly: false),
                Constraints: _schemas.Constraints.Of(schema, type, parameterPointer + "/schema")));
        }

        return (parameters, constantHeaders);
    }

    /// <summary>
    /// The C# parameter names <c>x-contracts-name</c> gives an operation's parameters, by parameter pointer, claimed before
    /// the derived names. A name another parameter derives, an earlier rename, or the method's own parameters
    /// (<c>cancellationToken</c>, <c>requestOptions</c>) hold stays with its holder: CTR138, and the parameter keeps its derived name.
    /// </summary>
    private Dictionary<string, string> ParameterRenames(IOpenApiPathItem pathItem, OpenApiOperation operation, OperationContext context)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var merged = MergeParameters(pathItem, operation, context.Pointer).ToList();
        if (!merged.Any(p => p.Parameter.ExtensionMap().ContainsKey(Overrides.NameKey)))
        {
            return renames;
        }

        var found = new List<(IOpenApiParameter Parameter, string Pointer, string Rename)>();
        var derivedBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (parameter, pointer) in merged)
        {
            if (parameter.ExtensionMap().ContainsKey(Overrides.NameKey) && Overrides.NameOf(parameter.ExtensionMap(), pointer, _diagnostics) is { } rename)
            {
                found.Add((parameter, pointer, rename));
            }
            else if (!derivedBy.ContainsKey(Identifiers.ToCamelCase(parameter.Name, "value")))
            {
                derivedBy[Identifiers.ToCamelCase(parameter.Name, "value")] = parameter.Name ?? string.Empty;
            }
        }

        var renamedBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (parameter, pointer, rename) in found)
        {
            var taken = derivedBy.TryGetValue(rename, out var holder) ? "the name of parameter '" + holder + "'"
                : renamedBy.TryGetValue(rename, out var earlier) ? "the name x-contracts-name gives parameter '" + earlier + "'"
                : !context.ParameterNames.TryClaim(rename, out _) ? "the name of a parameter every method has (cancellationToken, requestOptions)"
                : null;
            if (taken is not null)
            {
                _diagnostics.Add(DiagnosticDescriptors.RenameCollides, pointer + "/" + Overrides.NameKey, rename, "parameter '" + parameter.Name + "' of operation '" + context.OperationId + "'", taken);
                continue;
            }

            renamedBy[rename] = parameter.Name ?? string.Empty;
            renames[pointer] = rename;
        }

        return renames;
    }

    /// <summary>Path-item parameters overridden by the operation's own (same name and location).</summary>
    private static IEnumerable<(IOpenApiParameter Parameter, string Pointer)> MergeParameters(IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer)
    {
        var own = new HashSet<string>(operation.ParameterList().Select(p => p.In + ":" + p.Name), StringComparer.Ordinal);
        var pathPointer = pointer.Substring(0, pointer.LastIndexOf('/'));
        for (var i = 0; i < pathItem.ParameterList().Count; i++)
        {
            if (!own.Contains(pathItem.ParameterList()[i].In + ":" + pathItem.ParameterList()[i].Name))
            {
                yield return (pathItem.ParameterList()[i], pathPointer + "/parameters/" + i);
            }
        }

        for (var i = 0; i < operation.ParameterList().Count; i++)
        {
            yield return (operation.ParameterList()[i], pointer + "/parameters/" + i);
        }
    }

    /// <summary>
    /// The parameter's style (the reader fills in the location's default, and turns Swagger 2.0's
    /// <c>collectionFormat</c> into style and explode). A style the location does not allow falls back to its default.
    /// </summary>
    private ParameterStyle StyleOf(IOpenApiParameter parameter, ParameterLocation location, string pointer, string operationId)
    {
        var style = parameter.Style switch
        {
            OpenApiParameterStyle.Form => ParameterStyle.Form,
            OpenApiParameterStyle.Label => ParameterStyle.Label,
            OpenApiParameterStyle.Matrix => ParameterStyle.Matrix,
            OpenApiParameterStyle.SpaceDelimited => ParameterStyle.SpaceDelimited,
            OpenApiParameterStyle.PipeDelimited => ParameterStyle.PipeDelimited,
            OpenApiParameterStyle.DeepObject => ParameterStyle.DeepObject,
            _ => ParameterStyle.Simple,
        };
        var allowed = location switch
        {
            ParameterLocation.Path => style is ParameterStyle.Simple or ParameterStyle.Label or ParameterStyle.Matrix,
            ParameterLocation.Query => style is ParameterStyle.Form or ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited or ParameterStyle.DeepObject,
            ParameterLocation.Header => style == ParameterStyle.Simple,
            _ => style == ParameterStyle.Form,
        };
        var fallback = location is ParameterLocation.Query or ParameterLocation.Cookie ? ParameterStyle.Form : ParameterStyle.Simple;
        if (!allowed)
        {
            _diagnostics.Add(DiagnosticDescriptors.ParameterStyleIgnored, pointer, operationId, parameter.Name ?? string.Empty, StyleName(style), location.ToString().ToLowerInvariant(), StyleName(fallback));
            return fallback;
        }

        return style;
    }

    /// <summary>
    /// OpenAPI's <c>explode</c>; for Swagger 2.0 form lists, true only for <c>collectionFormat: multi</c> (csv, the
    /// default, is <c>name=a,b</c>), which the reader does not keep apart (see <see cref="SwaggerCollectionFormats"/>).
    /// </summary>
    private bool ExplodeOf(IOpenApiParameter parameter, TypeRef type) =>
        _isSwagger2 && type.Kind == TypeKind.Array && parameter.Style == OpenApiParameterStyle.Form
            ? MultiParameters.Contains(parameter.In.ToString()!.ToLowerInvariant() + ":" + parameter.Name)
            : parameter.Explode;

    private static string StyleName(ParameterStyle style) => char.ToLowerInvariant(style.ToString()[0]) + style.ToString().Substring(1);

    /// <summary>A parameter described by <c>content</c> instead of <c>schema</c>: the schema of its (single) media type.</summary>
    private static IOpenApiSchema? FirstContentSchema(IOpenApiParameter parameter)
    {
        foreach (var content in parameter.ContentMap())
        {
            return content.Value.Schema;
        }

        return null;
    }

    /// <summary>An RFC 9110 token (<c>1*tchar</c>): what HttpClient accepts as a header name.</summary>
    private static bool IsHttpToken(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var c in name!)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9') && "!#$%&'*+-.^_`|~".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static string Unspellable(TypeRef type) =>
        "a list of " + (type.Element!.Kind switch { TypeKind.Array => "lists", TypeKind.Union => "unions with structured cases", TypeKind.External => "a type of the user's (x-contracts-type)", _ => "objects" });

    /// <summary>A query list of objects or maps declared <c>deepObject</c>: flattened with indices (<c>lines[0][amount]</c>).</summary>
    private static bool IsDeepObjectList(IOpenApiParameter parameter, ParameterLocation location, TypeRef type) =>
        location == ParameterLocation.Query && parameter.Style == OpenApiParameterStyle.DeepObject && ParameterModel.IsListOfObjects(type);

    /// <summary>One value, spelled from its text (a credential is never a list or an object).</summary>
    private static bool IsSimpleScalar(TypeRef type) => type.Kind is not (TypeKind.Array or TypeKind.Object or TypeKind.Map or TypeKind.Any or TypeKind.Union or TypeKind.External);

    /// <summary>Scalars, lists of scalars, objects, maps and free-form JSON can be spelled by a style; lists of lists or objects cannot (except deepObject lists of objects).</summary>
    /// <remarks>A union is spelled from its JSON; in a list, only a union whose cases are all scalars has a text form.</remarks>
    private bool IsSimpleParameterType(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => type.Element!.Kind is not (TypeKind.Object or TypeKind.Map or TypeKind.Any or TypeKind.Array or TypeKind.External)
            && (type.Element.Kind != TypeKind.Union || _schemas.Unions.IsScalar(type.Element.Name!)),
        _ => true,
    };
}
