using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing.Naming;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using OpenApiParameterLocation = Microsoft.OpenApi.Models.ParameterLocation;
using ParameterLocation = Contracts.Generator.Model.ParameterLocation;

namespace Contracts.Generator.Parsing;

/// <summary>Paths and servers → the client model.</summary>
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
        var baseName = Identifiers.ToPascalCase(string.IsNullOrWhiteSpace(operation.OperationId) ? method + " " + path : operation.OperationId, "Call");
        var parameterNames = new UniqueNameBuilder();
        var cancellationTokenName = parameterNames.Claim("cancellationToken");
        var parameters = new List<ParameterModel>();
        var constantHeaders = new List<ConstantHeaderModel>();
        var isAwsJson = _aws?.JsonVersion is not null && fragment >= 0;
        foreach (var (parameter, parameterPointer) in MergeParameters(pathItem, operation, pointer))
        {
            if (IsSigningHeader(parameter))
            {
                // Computed by the SigV4 handler on every request; never a caller's concern.
                continue;
            }

            if (isAwsJson && parameter.In is OpenApiParameterLocation.Query or OpenApiParameterLocation.Path)
            {
                _diagnostics.Add(DiagnosticDescriptors.ParameterIgnored, parameterPointer, operationId, parameter.In.ToString()!.ToLowerInvariant(), parameter.Name);
                continue;
            }

            if (parameter.In == OpenApiParameterLocation.Header && parameter.Required && SingleValue(parameter.Schema) is { } constant)
            {
                constantHeaders.Add(new ConstantHeaderModel(parameter.Name, constant));
                continue;
            }

            var location = parameter.In switch
            {
                OpenApiParameterLocation.Path => ParameterLocation.Path,
                OpenApiParameterLocation.Query => ParameterLocation.Query,
                OpenApiParameterLocation.Header => ParameterLocation.Header,
                _ => (ParameterLocation?)null,
            };
            var type = Resolve(parameter.Schema, parameterPointer + "/schema", baseName + Identifiers.ToPascalCase(parameter.Name, "Parameter"));
            if (location is null || !IsSimpleParameterType(type))
            {
                var reason = location is null
                    ? "the " + parameter.In + " parameter '" + parameter.Name + "' is not supported yet"
                    : "the parameter '" + parameter.Name + "' has a structured schema, which is not supported yet";
                _diagnostics.Add(DiagnosticDescriptors.OperationSkipped, parameterPointer, operationId, reason);
                return null;
            }

            parameters.Add(new ParameterModel(
                parameter.Name,
                parameterNames.Claim(Identifiers.ToCamelCase(parameter.Name, "value")),
                location.Value,
                type,
                parameter.Required || location == ParameterLocation.Path,
                parameter.Description));
        }

        RequestBodyModel? body = null;
        if (operation.RequestBody is { } requestBody)
        {
            var mediaType = requestBody.Content.Keys.FirstOrDefault(IsJson);
            if (mediaType is null)
            {
                _diagnostics.Add(DiagnosticDescriptors.OperationSkipped, pointer + "/requestBody", operationId,
                    "request bodies of type '" + string.Join("', '", requestBody.Content.Keys) + "' are not supported yet");
                return null;
            }

            var bodyType = Resolve(requestBody.Content[mediaType].Schema, pointer + "/requestBody/content/" + Escape(mediaType) + "/schema", baseName + "Request");
            var hasTarget = constantHeaders.Any(h => string.Equals(h.Name, "X-Amz-Target", StringComparison.OrdinalIgnoreCase));
            body = new RequestBodyModel(parameterNames.Claim("request"), bodyType, string.Empty, RequestMediaType(mediaType, hasTarget), requestBody.Required, requestBody.Description);
        }

        if (BuildResponse(operation, operationId, baseName, pointer) is not { } response)
        {
            return null;
        }

        return new OperationModel(
            operationId,
            methodNames.Claim(baseName + "Async"),
            method.ToString().ToUpperInvariant(),
            path,
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            parameters.ToEquatableArray(),
            constantHeaders.ToEquatableArray(),
            body,
            response,
            cancellationTokenName,
            IsIdempotent(method, operationId));
    }

    private ResponseModel? BuildResponse(OpenApiOperation operation, string operationId, string baseName, string pointer)
    {
        // The first 2xx response is the result; a lone "default" is taken as the result too.
        var successKey = operation.Responses.Keys.Where(k => k.StartsWith("2", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault()
            ?? (operation.Responses.Count == 1 && operation.Responses.ContainsKey("default") ? "default" : null);
        if (successKey is null || operation.Responses[successKey].Content.Count == 0)
        {
            return ResponseModel.None;
        }

        var response = operation.Responses[successKey];
        var mediaType = response.Content.Keys.FirstOrDefault(IsJson);
        var responsePointer = pointer + "/responses/" + Escape(successKey);
        if (mediaType is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.OperationSkipped, responsePointer, operationId,
                "responses of type '" + string.Join("', '", response.Content.Keys) + "' are not supported yet");
            return null;
        }

        var schemaPointer = responsePointer + "/content/" + Escape(mediaType) + "/schema";
        var schema = response.Content[mediaType].Schema;
        if (schema is not null && FindEnvelope(schema) is { } envelope)
        {
            var draft = UseEnvelope(envelope, schemaPointer);
            var dataType = Resolve(EnvelopeDataSchema(schema, envelope, draft.Data), schemaPointer, baseName + "Result");
            return new ResponseModel(ResponseKind.Envelope, dataType, string.Empty, draft.FieldName, response.Description);
        }

        return new ResponseModel(ResponseKind.Json, Resolve(schema, schemaPointer, baseName + "Response"), string.Empty, null, response.Description);
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

    private static string? SingleValue(OpenApiSchema? schema) =>
        schema is { Enum.Count: 1 } && schema.Enum[0] is OpenApiString value ? value.Value : null;

    private bool IsSimpleParameterType(TypeRef type) => type.Kind switch
    {
        TypeKind.Union => _scalarUnions.Contains(type.Name!),
        TypeKind.Object or TypeKind.Map or TypeKind.Any => false,
        TypeKind.Array => type.Element!.Kind is not (TypeKind.Object or TypeKind.Map or TypeKind.Any or TypeKind.Array) && (type.Element.Kind != TypeKind.Union || _scalarUnions.Contains(type.Element.Name!)),
        _ => true,
    };

    private static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("*/*", StringComparison.Ordinal)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
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

        var names = new UniqueNameBuilder("BaseAddress", _target.OptionsName);
        var variables = server.Variables.Select(v => new ServerVariableModel(
            v.Key,
            names.Claim(Identifiers.ToPascalCase(v.Key, "Variable")),
            v.Value.Default ?? v.Value.Enum.FirstOrDefault() ?? string.Empty,
            v.Value.Description,
            (v.Value.Enum ?? new List<string>()).ToEquatableArray()));
        return new ServerModel(server.Url, server.Description, variables.ToEquatableArray());
    }
}
