using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi.Models;

namespace Contracts.Generator.Translation;

/// <summary>Paths and servers → the client model (parameters, bodies and responses in their own partials).</summary>
internal sealed partial class SpecParser
{
    private static readonly string[] s_clientMembers = { "Dispose", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone" };

    private ClientModel BuildClient()
    {
        var methodNames = new UniqueNameBuilder(s_clientMembers);
        methodNames.Reserve(_target.ClientName);
        var operations = new List<OperationModel>();
        foreach (var path in _document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in path.Value.Operations.OrderBy(o => o.Key.ToString(), StringComparer.Ordinal))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var pointer = "#/paths/" + Escape(path.Key) + "/" + operation.Key.ToString().ToLowerInvariant();
                if (BuildOperation(path.Key, path.Value, operation.Key, operation.Value, pointer, methodNames) is { } model)
                {
                    Spend(model.Parameters.Count + 1, pointer);
                    operations.Add(model);
                }
            }
        }

        return new ClientModel(
            _target,
            _document.Info?.Title,
            _document.Info?.Description,
            _server!,
            EquatableArray<EnvelopeModel>.Empty,
            operations.OrderBy(o => o.MethodName, StringComparer.Ordinal).ToEquatableArray(),
            _aws);
    }

    private OperationModel? BuildOperation(string pathKey, OpenApiPathItem pathItem, OperationType method, OpenApiOperation operation, string pointer, UniqueNameBuilder methodNames)
    {
        // AWS-style keys ("/#X-Amz-Target=Service.Op") name the operation in a fragment that is never sent.
        var fragment = pathKey.IndexOf('#');
        var path = fragment >= 0 ? pathKey.Substring(0, fragment) : pathKey;
        if (path.Length == 0)
        {
            path = "/";
        }

        var operationId = string.IsNullOrWhiteSpace(operation.OperationId) ? method.ToString().ToUpperInvariant() + " " + path : operation.OperationId;
        var baseName = string.IsNullOrWhiteSpace(operation.OperationId) ? NameFromRoute(method, path) : Identifiers.ToPascalCase(operation.OperationId, "Call");
        var parameterNames = new UniqueNameBuilder();
        var cancellationTokenName = parameterNames.Claim("cancellationToken");
        var requestOptionsName = parameterNames.Claim("requestOptions");
        var context = new OperationContext(operationId, baseName, pointer, fragment >= 0, parameterNames);
        if (BuildParameters(pathItem, operation, context) is not { } built)
        {
            return null;
        }

        RequestBodyModel? body = null;
        if (operation.RequestBody is { } requestBody && !CannotCarryAnything(requestBody))
        {
            var hasTarget = built.ConstantHeaders.Any(h => string.Equals(h.Name, "X-Amz-Target", StringComparison.OrdinalIgnoreCase));
            body = BuildRequestBody(requestBody, context, hasTarget);
            if (body is null)
            {
                return null;
            }
        }

        if (BuildResponse(operation, operationId, baseName, pointer) is not { } response)
        {
            return null;
        }

        // The AWS protocol (signing, retries, AWS errors) sends and reads JSON only.
        if (_aws is not null && (body is { Kind: not BodyKind.Json } || response.Kind is ResponseKind.Text or ResponseKind.Stream))
        {
            var what = body is { Kind: not BodyKind.Json } ? "a request body of type '" + body.MediaType + "'" : "a response that is not JSON";
            _diagnostics.Add(DiagnosticDescriptors.OperationSkipped, pointer, operationId, "the AWS protocol sends and reads JSON only, not " + what);
            return null;
        }

        var methodName = methodNames.Claim(baseName + "Async");
        var errors = _aws is null && response.Kind != ResponseKind.Envelope ? BuildErrorResponses(operation, baseName, pointer) : EquatableArray<ErrorResponseModel>.Empty;
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
            errors.IsEmpty ? null : "s_" + methodName + "Errors");
    }

    /// <summary>
    /// A method name for an operation without <c>operationId</c>: the HTTP method, then each path segment, with
    /// <c>{id}</c> read as <c>ById</c> (<c>GET /pets/{petId}/toys</c> → <c>GetPetsByPetIdToys</c>).
    /// </summary>
    private static string NameFromRoute(OperationType method, string path)
    {
        var words = new List<string> { method.ToString() };
        foreach (var segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(segment.StartsWith("{", StringComparison.Ordinal) ? "By " + segment.Trim('{', '}') : segment);
        }

        return Identifiers.ToPascalCase(string.Join(" ", words), "Call");
    }

    /// <summary>What the parts of one operation share while it is being built.</summary>
    private sealed class OperationContext(string operationId, string baseName, string pointer, bool isAwsKey, UniqueNameBuilder parameterNames)
    {
        public string OperationId { get; } = operationId;

        public string BaseName { get; } = baseName;

        public string Pointer { get; } = pointer;

        /// <summary>The path key names an AWS operation in its fragment (<c>/#X-Amz-Target=…</c>).</summary>
        public bool IsAwsKey { get; } = isAwsKey;

        public UniqueNameBuilder ParameterNames { get; } = parameterNames;
    }

    /// <summary>Path-item parameters overridden by the operation's own (same name and location).</summary>
    private static IEnumerable<(OpenApiParameter Parameter, string Pointer)> MergeParameters(OpenApiPathItem pathItem, OpenApiOperation operation, string pointer)
    {
        var own = new HashSet<string>(operation.Parameters.Select(p => p.In + ":" + p.Name), StringComparer.Ordinal);
        var pathPointer = pointer.Substring(0, pointer.LastIndexOf('/'));
        for (var i = 0; i < pathItem.Parameters.Count; i++)
        {
            if (!own.Contains(pathItem.Parameters[i].In + ":" + pathItem.Parameters[i].Name))
            {
                yield return (pathItem.Parameters[i], pathPointer + "/parameters/" + i);
            }
        }

        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            yield return (operation.Parameters[i], pointer + "/parameters/" + i);
        }
    }

    private ServerModel BuildServer()
    {
        var servers = _document.Servers ?? new List<OpenApiServer>();
        var server = servers.FirstOrDefault(s => s.Url?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) == true) ?? servers.FirstOrDefault();
        if (server?.Url is null || !server.Url.Contains("://"))
        {
            _diagnostics.Add(DiagnosticDescriptors.NoServer, "#/servers");
        }

        if (server?.Url is null)
        {
            return new ServerModel(string.Empty, null, EquatableArray<ServerVariableModel>.Empty);
        }

        // The options' own members: a variable named like one gets a suffix instead of a duplicate member.
        var names = new UniqueNameBuilder("BaseAddress", "MaxResponseContentBufferSize", "ExpandServerUrl", _target.OptionsName);
        var variables = server.Variables.Select(v => BuildServerVariable(v.Key, v.Value, names));
        return new ServerModel(server.Url, server.Description, variables.ToEquatableArray());
    }

    /// <summary>
    /// A server variable and the values the client accepts for it: the document's <c>enum</c>, which the runtime checks
    /// when the client is constructed. The default is accepted too even where the document forgot to list it, so that a
    /// client with default options always constructs.
    /// </summary>
    private static ServerVariableModel BuildServerVariable(string name, OpenApiServerVariable variable, UniqueNameBuilder names)
    {
        var declared = variable.Enum ?? new List<string>();
        var defaultValue = variable.Default ?? declared.FirstOrDefault() ?? string.Empty;
        var allowed = declared.Count == 0 || declared.Contains(defaultValue) ? declared : declared.Concat(new[] { defaultValue });
        return new ServerVariableModel(
            name,
            names.Claim(Identifiers.ToPascalCase(name, "Variable")),
            defaultValue,
            variable.Description,
            allowed.ToEquatableArray());
    }
}
