using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi;
using System.Net.Http;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>
/// Paths → the client's operations: the method name, then parameters, body and responses from their translators; an
/// operation that cannot be supported is skipped with a diagnostic. Owns nothing beyond one client's method names.
/// </summary>
internal sealed class OperationTranslator
{
    private static readonly string[] s_clientMembers = { "Dispose", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone" };

    private readonly OpenApiDocument _document;
    private readonly EmitTarget _target;
    private readonly ParameterTranslator _parameters;
    private readonly BodyTranslator _bodies;
    private readonly ResponseTranslator _responses;
    private readonly AwsProfile? _aws;
    private readonly TypeRegistry _registry;
    private readonly DiagnosticBag _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly SecurityTranslator? _security;
    private readonly PagingTranslator? _paging;
    private readonly bool _server;
    private readonly Reading.DocumentFacts? _facts;

    public OperationTranslator(
        OpenApiDocument document,
        EmitTarget target,
        ParameterTranslator parameters,
        BodyTranslator bodies,
        ResponseTranslator responses,
        AwsProfile? aws,
        TypeRegistry registry,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken,
        SecurityTranslator? security = null,
        PagingTranslator? paging = null,
        bool server = false,
        Reading.DocumentFacts? facts = null)
    {
        _server = server;
        _facts = facts;
        _document = document;
        _target = target;
        _parameters = parameters;
        _bodies = bodies;
        _responses = responses;
        _aws = aws;
        _registry = registry;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _security = security;
        _paging = paging;
    }

    /// <summary>The client of <paramref name="server"/>: every operation that can be supported, by method name.</summary>
    public ClientModel Translate(ServerModel server)
    {
        var methodNames = new UniqueNameBuilder(s_clientMembers);
        methodNames.Reserve(_target.ClientName);
        var renames = MethodRenames(methodNames);
        var operations = new List<OperationModel>();
        foreach (var path in _document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in (path.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>()).OrderBy(o => MethodName(o.Key), StringComparer.Ordinal))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var pointer = "#/paths/" + Escape(path.Key) + "/" + operation.Key.Method.ToLowerInvariant();
                if (BuildOperation(path.Key, path.Value, operation.Key, operation.Value, pointer, methodNames, renames.TryGetValue(pointer, out var renamed) ? renamed : null) is { } model)
                {
                    _registry.Spend(model.Parameters.Count + 1, pointer);
                    operations.Add(model);
                }
            }
        }

        return new ClientModel(
            _target,
            _document.Info?.Title,
            _document.Info?.Description,
            server,
            EquatableArray<EnvelopeModel>.Empty,
            operations.OrderBy(o => o.MethodName, StringComparer.Ordinal).ToEquatableArray(),
            _aws?.Model);
    }

    /// <summary>
    /// The method names <c>x-contracts-name</c> gives operations (without <c>Async</c>), by operation pointer, claimed
    /// (with <c>Async</c>) before the derived names. A name another operation derives, an earlier rename or a member of
    /// the client holds stays with its holder: CTR138, and the operation keeps its derived name.
    /// </summary>
    private Dictionary<string, string> MethodRenames(UniqueNameBuilder methodNames)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_document.Paths is null || !_document.Paths.Values.Any(p => p.Operations is { } operations && operations.Values.Any(o => o.ExtensionMap().ContainsKey(Overrides.NameKey))))
        {
            return renames;
        }

        var derivedBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var found = new List<(string Pointer, string Rename, string OperationId)>();
        foreach (var path in _document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in (path.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>()).OrderBy(o => MethodName(o.Key), StringComparer.Ordinal))
            {
                var pointer = "#/paths/" + Escape(path.Key) + "/" + operation.Key.Method.ToLowerInvariant();
                var (operationId, baseName) = NamesOf(RouteOf(path.Key), operation.Key, operation.Value);
                if (operation.Value.ExtensionMap().ContainsKey(Overrides.NameKey) && Overrides.NameOf(operation.Value.ExtensionMap(), pointer, _diagnostics) is { } rename)
                {
                    found.Add((pointer, rename, operationId));
                }
                else if (!derivedBy.ContainsKey(baseName + "Async"))
                {
                    derivedBy[baseName + "Async"] = operationId;
                }
            }
        }

        var renamedBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pointer, rename, operationId) in found)
        {
            var method = rename + "Async";
            var taken = derivedBy.TryGetValue(method, out var holder) ? "the method name of operation '" + holder + "'"
                : renamedBy.TryGetValue(method, out var earlier) ? "the method name x-contracts-name gives operation '" + earlier + "'"
                : !methodNames.TryClaim(method, out _) ? "the name of the client or of a member every client has"
                : null;
            if (taken is not null)
            {
                _diagnostics.Add(DiagnosticDescriptors.RenameCollides, pointer + "/" + Overrides.NameKey, rename, "operation '" + operationId + "' (method " + method + ")", taken);
                continue;
            }

            renamedBy[method] = operationId;
            renames[pointer] = rename;
        }

        return renames;
    }

    /// <summary>The path of a path key: AWS-style keys (<c>/#X-Amz-Target=Service.Op</c>) name the operation in a fragment that is never sent.</summary>
    private static string RouteOf(string pathKey)
    {
        var fragment = pathKey.IndexOf('#');
        var path = fragment >= 0 ? pathKey.Substring(0, fragment) : pathKey;
        return path.Length == 0 ? "/" : path;
    }

    /// <summary>The operation's id (made up from the route when it has none) and its method name without <c>Async</c>, as derived.</summary>
    private static (string OperationId, string BaseName) NamesOf(string path, HttpMethod method, OpenApiOperation operation) =>
        string.IsNullOrWhiteSpace(operation.OperationId)
            ? (method.Method.ToUpperInvariant() + " " + path, NameFromRoute(method, path))
            : (operation.OperationId!, Identifiers.ToPascalCase(operation.OperationId!, "Call"));

    /// <param name="rename">The method name x-contracts-name gives the operation (without <c>Async</c>), already claimed; null to derive it.</param>
    private OperationModel? BuildOperation(
        string pathKey, IOpenApiPathItem pathItem, HttpMethod method, OpenApiOperation operation, string pointer, UniqueNameBuilder methodNames, string? rename)
    {
        // AWS-style keys ("/#X-Amz-Target=Service.Op") name the operation in a fragment that is never sent.
        var fragment = pathKey.IndexOf('#');
        var path = RouteOf(pathKey);
        var (operationId, derivedName) = NamesOf(path, method, operation);
        var baseName = rename ?? derivedName;
        var parameterNames = new UniqueNameBuilder();
        var cancellationTokenName = parameterNames.Claim("cancellationToken");
        var requestOptionsName = parameterNames.Claim("requestOptions");
        var context = new OperationContext(operationId, baseName, pointer, fragment >= 0, parameterNames);
        if (_parameters.Translate(pathItem, operation, context) is not { } built)
        {
            return null;
        }

        RequestBodyModel? body = null;
        if (operation.RequestBody is { } requestBody && !BodyTranslator.CannotCarryAnything(requestBody))
        {
            var hasTarget = built.ConstantHeaders.Any(h => string.Equals(h.Name, "X-Amz-Target", StringComparison.OrdinalIgnoreCase));
            body = _bodies.Translate(requestBody, context, hasTarget);
            if (body is null)
            {
                return null;
            }
        }

        if (_responses.Translate(operation, operationId, baseName, pointer) is not { } response)
        {
            return null;
        }

        // The AWS protocol (signing, retries, AWS errors) sends and reads JSON only.
        if (_aws is not null && (body is { Kind: not BodyKind.Json } || response.Kind is ResponseKind.Text or ResponseKind.Stream or ResponseKind.EventStream))
        {
            var what = body is { Kind: not BodyKind.Json } ? "a request body of type '" + body.MediaType + "'" : "a response that is not JSON";
            _diagnostics.Add(DiagnosticDescriptors.OperationSkipped, pointer, operationId, "the AWS protocol sends and reads JSON only, not " + what);
            return null;
        }

        var methodName = rename is not null ? rename + "Async" : methodNames.Claim(baseName + "Async");
        _paging?.Observe(methodName, operation, pointer);
        var errors = _aws is null && response.Kind != ResponseKind.Envelope ? _responses.TranslateErrors(operation, baseName, pointer) : EquatableArray<ErrorResponseModel>.Empty;

        // A streamed success (AWS clients stay JSON only): the operation's own method when the stream is its only body.
        var streamOnly = response.Kind == ResponseKind.EventStream;
        var stream = _aws is null ? _responses.TranslateStream(operation, operationId, baseName, pointer, streamOnly ? methodName : null) : null;
        return new OperationModel(
            operationId,
            methodName,
            method.ToString().ToUpperInvariant(),
            path,
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            built.Parameters.ToEquatableArray(),
            built.ConstantHeaders.ToEquatableArray(),
            body,
            response,
            cancellationTokenName,
            requestOptionsName,
            IsIdempotent(method, operationId),
            errors,
            errors.IsEmpty ? null : "s_" + methodName + "Errors",
            SecurityField: _security?.FieldFor(pointer, methodName),
            WithResponse: streamOnly ? null : ResponseMethodModel.Unnamed with { Headers = _responses.TranslateHeaders(operation, operationId, pointer) },
            Stream: stream,
            DocumentPath: pathKey,
            Tags: (operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Reference?.Id ?? t.Name ?? string.Empty).Where(n => n.Length > 0).ToEquatableArray(),
            // The server answers every declared response apart; the AWS protocol and envelopes it does not serve (ServerNaming).
            Responses: _server ? _responses.TranslateDeclared(operation, response, errors, baseName, pointer) : EquatableArray<DeclaredResponseModel>.Empty)
        {
            AwsSecurity = _aws is not null && _server ? AwsSecurity(pointer) : null,
        };
    }

    /// <summary>
    /// The <c>security</c> an AWS operation's endpoint enforces (its own list, else the document's): the client signs
    /// every request whatever the list says, so only the server reads it; null when there is none.
    /// </summary>
    private EquatableArray<SecurityRequirementModel>? AwsSecurity(string pointer) =>
        (_facts?.SecurityRequirementsAt(pointer + "/security") ?? _facts?.SecurityRequirementsAt("#/security")) is { } alternatives
            ? alternatives.Select(a => new SecurityRequirementModel(a.Select(use => new SchemeUseModel(use.Scheme, use.Scopes.ToEquatableArray())).ToEquatableArray())).ToEquatableArray()
            : null;

    /// <summary>The method as 1.6's <c>OperationType</c> spelled it (<c>Get</c>, <c>Delete</c>…): names and the order of operations follow it.</summary>
    internal static string MethodName(HttpMethod method) =>
        method.Method.Length == 0 ? method.Method : method.Method.Substring(0, 1).ToUpperInvariant() + method.Method.Substring(1).ToLowerInvariant();

    /// <summary>Safe to send twice: by HTTP method, and for AWS by the read-only naming convention of its operations.</summary>
    private bool IsIdempotent(HttpMethod method, string operationId) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options
        || (_aws is not null && AwsProfile.IsReadOnlyName(operationId));

    /// <summary>
    /// A method name for an operation without <c>operationId</c>: the HTTP method, then each path segment, with
    /// <c>{id}</c> read as <c>ById</c> (<c>GET /pets/{petId}/toys</c> → <c>GetPetsByPetIdToys</c>).
    /// </summary>
    private static string NameFromRoute(HttpMethod method, string path)
    {
        var words = new List<string> { MethodName(method) };
        foreach (var segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(segment.StartsWith("{", StringComparison.Ordinal) ? "By " + segment.Trim('{', '}') : segment);
        }

        return Identifiers.ToPascalCase(string.Join(" ", words), "Call");
    }
}
