using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.Runtime.AspNetCore;
using Microsoft.OpenApi;

namespace Contracts.Testing;

/// <summary>An operation of the document: its id, path, operation and parameters (the path item's included).</summary>
internal sealed record DocumentOperation(string OperationId, string Path, OpenApiOperation Operation, IReadOnlyList<IOpenApiParameter> Parameters);

/// <summary>A handler parameter: where its value is drawn from and whether the client may leave it out.</summary>
internal sealed record PlannedArgument(string Name, int HandlerIndex, Type Type, IOpenApiSchema? Schema, bool Required, bool OnTheWire);

/// <summary>A declared response a case can answer with: its factory, the status written and the body's schema and type.</summary>
/// <param name="Key">The document's response key (or, for an AWS error, the error's name).</param>
/// <param name="Factory">The result struct's factory that writes it.</param>
/// <param name="StatusCode">The status on the wire.</param>
/// <param name="IsSuccess">The client reads it as a success.</param>
/// <param name="BodyType">The factory's body parameter type; null when it takes none.</param>
/// <param name="BodySchema">The body's schema in the document, to draw it from.</param>
/// <param name="AwsErrorType">
/// For a declared AWS error, its type (<c>__type</c>, the error schema's name): the factory is named after it and writes
/// status 400 with the type, and the client throws the exception named after it.
/// </param>
internal sealed record PlannedResponse(string Key, MethodInfo Factory, int StatusCode, bool IsSuccess, Type? BodyType, IOpenApiSchema? BodySchema, string? AwsErrorType = null);

/// <summary>How the kit drives one operation: the handler method, the client method, the arguments and the responses.</summary>
internal sealed class OperationPlan
{
    private static readonly MethodInfo s_fromResult = typeof(Task).GetMethod(nameof(Task.FromResult))!;
    private IReadOnlyList<PlannedResponse> _successes = [];
    private IReadOnlyList<PlannedResponse> _errors = [];
    private MethodInfo? _fromResult;

    private OperationPlan(string operationId, MethodInfo handlerMethod)
    {
        OperationId = operationId;
        HandlerMethod = handlerMethod;
    }

    public string OperationId { get; }

    public MethodInfo HandlerMethod { get; }

    public MethodInfo ClientMethod { get; private set; } = null!;

    public IReadOnlyList<PlannedArgument> Arguments { get; private set; } = [];

    public string? SkipReason { get; private set; }

    /// <summary>Declared responses no case answers with, each with the reason.</summary>
    public IReadOnlyList<string> Unanswered { get; private set; } = [];

    /// <summary>
    /// A declared AWS error: the response's schema is a named error, and the result has a factory named after it (the
    /// generator names AWS error factories so; the document's status is a placeholder and the wire's is 400). The factory
    /// takes the error's members, or only a message when the error declares none.
    /// </summary>
    private static PlannedResponse? AwsError(IOpenApiResponse response, List<MethodInfo> factories)
    {
        foreach (var media in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
        {
            if (media.Value.Schema is OpenApiSchemaReference { Reference.Id: { } id }
                && factories.FirstOrDefault(f => f.Name == id) is { } factory)
            {
                var parameters = factory.GetParameters();
                if (parameters.Length == 1 && parameters[0].ParameterType == typeof(string))
                {
                    return new PlannedResponse(id, factory, 400, false, null, null, id);
                }

                if (parameters.Length == 1)
                {
                    return new PlannedResponse(id, factory, 400, false, parameters[0].ParameterType, media.Value.Schema, id);
                }
            }
        }

        return null;
    }

    /// <summary>Letters and digits, lower-cased: how an operationId, a parameter name and a C# name are matched.</summary>
    public static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }

    /// <summary>The case's response: a success, and every third case an error when the operation declares one.</summary>
    public PlannedResponse ResponseFor(int caseNumber)
    {
        if (_successes.Count == 0)
        {
            return _errors[caseNumber % _errors.Count];
        }

        if (_errors.Count > 0 && caseNumber % 3 == 2)
        {
            return _errors[caseNumber / 3 % _errors.Count];
        }

        return _successes[caseNumber % _successes.Count];
    }

    /// <summary>The handler's answer: <paramref name="result"/> in a completed task.</summary>
    public object Answer(object? result) => _fromResult!.Invoke(null, [result])!;

    /// <summary>The client method's arguments: the drawn values, the cancellation token, no request options.</summary>
    public object?[] ClientArguments(object?[] values, CancellationToken cancellationToken)
    {
        var parameters = ClientMethod.GetParameters();
        var call = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            if (type == typeof(CancellationToken))
            {
                call[i] = cancellationToken;
            }
            else if (type == typeof(RequestOptions))
            {
                call[i] = null;
            }
            else
            {
                var argument = Arguments.First(a => a.HandlerIndex == i);
                call[i] = values[Arguments.ToList().IndexOf(argument)];
            }
        }

        return call;
    }

    public static OperationPlan Build(
        MethodInfo handlerMethod,
        string name,
        Type clientType,
        IReadOnlyDictionary<string, DocumentOperation> operations,
        IReadOnlyList<ContractOperation> described,
        bool declaredErrors)
    {
        if (!operations.TryGetValue(Normalize(name), out var operation))
        {
            return new OperationPlan(name, handlerMethod) { SkipReason = "the document has no operation whose operationId names " + handlerMethod.Name };
        }

        var plan = new OperationPlan(operation.OperationId, handlerMethod);
        plan.SkipReason = plan.Plan(operation, clientType, described.FirstOrDefault(d => d.OperationId == operation.OperationId), declaredErrors);
        return plan;
    }

    private string? Plan(DocumentOperation operation, Type clientType, ContractOperation? description, bool declaredErrors)
    {
        if (HandlerMethod.ReturnType is not { IsGenericType: true } taskType || taskType.GetGenericTypeDefinition() != typeof(Task<>))
        {
            return "the handler method does not return Task<result>";
        }

        var resultType = taskType.GetGenericArguments()[0];
        _fromResult = s_fromResult.MakeGenericMethod(resultType);

        // The handler's parameters are the client method's, in its order, without the request options.
        var handlerParameters = HandlerMethod.GetParameters();
        var valueParameters = handlerParameters.Where(p => p.ParameterType != typeof(CancellationToken)).ToList();
        var clientMethod = clientType.GetMethods().FirstOrDefault(m =>
            m.Name == HandlerMethod.Name.Replace("Async", "WithResponseAsync", StringComparison.Ordinal)
            && m.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken) && p.ParameterType != typeof(RequestOptions))
                .Select(p => p.ParameterType).SequenceEqual(valueParameters.Select(p => p.ParameterType)));
        if (clientMethod is null)
        {
            return $"the client {clientType.Name} has no method {HandlerMethod.Name.Replace("Async", "WithResponseAsync", StringComparison.Ordinal)} taking the handler's parameters";
        }

        ClientMethod = clientMethod;
        var clientParameters = clientMethod.GetParameters();
        var arguments = new List<PlannedArgument>();
        var bodyTaken = false;
        foreach (var parameter in valueParameters)
        {
            var clientIndex = Array.FindIndex(clientParameters, p => p.Name == parameter.Name);
            var documentParameter = operation.Parameters.FirstOrDefault(p => p.Name is { } n && Normalize(n) == Normalize(parameter.Name!));
            if (documentParameter is not null && !(description?.RequestBody?.Type == parameter.ParameterType && operation.Operation.RequestBody is not null && !bodyTaken && IsBodyName(parameter.Name!)))
            {
                var schema = documentParameter.Schema ?? documentParameter.Content?.Values.FirstOrDefault()?.Schema;
                arguments.Add(new PlannedArgument(parameter.Name!, clientIndex, parameter.ParameterType, schema, documentParameter.Required || documentParameter.In == ParameterLocation.Path, OnTheWire: true));
                continue;
            }

            if (operation.Operation.RequestBody is { } body && !bodyTaken)
            {
                bodyTaken = true;
                if (parameter.ParameterType == typeof(Stream))
                {
                    return "its request body is a stream of bytes (" + string.Join(", ", body.Content?.Keys ?? []) + "), not drawn from a schema";
                }

                var media = PickMedia(body.Content, parameter.ParameterType == typeof(string));
                if (media is null)
                {
                    return "its request body has no JSON or text media type the kit draws (" + string.Join(", ", body.Content?.Keys ?? []) + ")";
                }

                arguments.Add(new PlannedArgument(parameter.Name!, clientIndex, parameter.ParameterType, media.Value.Value.Schema, body.Required, OnTheWire: false));
                continue;
            }

            return $"the handler parameter '{parameter.Name}' matches no parameter or body of the operation in the document";
        }

        Arguments = arguments;

        // The responses the result's factories make.
        var factories = resultType.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == resultType && !m.IsSpecialName).ToList();
        var successes = new List<PlannedResponse>();
        var errors = new List<PlannedResponse>();
        var unusable = new List<string>();
        var keys = operation.Operation.Responses?.Keys.ToList() ?? [];
        foreach (var (key, response) in operation.Operation.Responses ?? [])
        {
            var factory = factories.FirstOrDefault(f => f.Name == FactoryName(key));
            if (factory is null && AwsError(response, factories) is { } aws)
            {
                errors.Add(aws);
                continue;
            }

            if (factory is null)
            {
                unusable.Add(key + " (no factory " + FactoryName(key) + ")");
                continue;
            }

            var status = StatusFor(key, keys);
            if (status is null || status < 200 || status >= 600 || (status >= 300 && status < 400))
            {
                unusable.Add(key + " (no status the client reads as a success or an error)");
                continue;
            }

            var factoryParameters = factory.GetParameters();
            var bodyParameter = factoryParameters.LastOrDefault(p => p.Name != "statusCode");
            Type? bodyType = bodyParameter?.ParameterType;
            IOpenApiSchema? schema = null;
            if (bodyType is not null)
            {
                if (bodyType == typeof(Stream) || (bodyType.IsGenericType && bodyType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)))
                {
                    unusable.Add(key + " (a " + (bodyType == typeof(Stream) ? "byte stream" : "stream of items") + ")");
                    continue;
                }

                var media = PickMedia(response.Content, bodyType == typeof(string));
                if (media is null)
                {
                    unusable.Add(key + " (no JSON or text content)");
                    continue;
                }

                schema = Enveloped(media.Value.Value.Schema, status < 400);
            }

            var planned = new PlannedResponse(key, factory, status.Value, status < 400, bodyType, schema);
            (status < 400 ? successes : errors).Add(planned);
        }

        _successes = successes;
        _errors = declaredErrors || successes.Count == 0 ? errors : [];
        Unanswered = unusable;
        if (successes.Count == 0 && errors.Count == 0)
        {
            return "none of its responses can be answered: " + string.Join(", ", unusable);
        }

        return null;
    }

    private static bool IsBodyName(string name) => name is "request" or "body" or "content";

    private static KeyValuePair<string, IOpenApiMediaType>? PickMedia(IDictionary<string, IOpenApiMediaType>? content, bool text)
    {
        if (content is null)
        {
            return null;
        }

        foreach (var entry in content)
        {
            if (entry.Key.Contains("json", StringComparison.OrdinalIgnoreCase) && !text)
            {
                return entry;
            }
        }

        foreach (var entry in content)
        {
            if (text && (entry.Key.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || entry.Key.Contains("json", StringComparison.OrdinalIgnoreCase)))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>For a response of an <c>x-contracts-envelope</c> schema: the schema of what the envelope holds.</summary>
    private static IOpenApiSchema? Enveloped(IOpenApiSchema? schema, bool success)
    {
        if (schema is null)
        {
            return null;
        }

        var parts = new List<IOpenApiSchema>();
        Collect(schema, parts);
        var envelope = parts.Select(p => p.Extensions is { } e && e.TryGetValue("x-contracts-envelope", out var x) ? x : null).FirstOrDefault(x => x is not null);
        if (envelope is not JsonNodeExtension { Node: JsonObject members })
        {
            return schema;
        }

        var member = (success ? members["data"] : members["error"])?.GetValue<string>();
        if (member is null)
        {
            return schema;
        }

        foreach (var part in parts)
        {
            if (part.Properties is { } properties && properties.TryGetValue(member, out var inner))
            {
                return inner;
            }
        }

        return schema;
    }

    private static void Collect(IOpenApiSchema schema, List<IOpenApiSchema> parts)
    {
        parts.Add(schema);
        foreach (var part in schema.AllOf ?? [])
        {
            Collect(part, parts);
        }
    }

    /// <summary>The generated factory of a response key (as the generator names it).</summary>
    internal static string FactoryName(string status) => status switch
    {
        "200" => "Ok",
        "201" => "Created",
        "202" => "Accepted",
        "204" => "NoContent",
        "400" => "BadRequest",
        "401" => "Unauthorized",
        "403" => "Forbidden",
        "404" => "NotFound",
        "409" => "Conflict",
        "422" => "UnprocessableEntity",
        "500" => "InternalServerError",
        "1XX" => "Informational",
        "2XX" => "Success",
        "3XX" => "Redirection",
        "4XX" => "ClientError",
        "5XX" => "ServerError",
        "default" => "Status",
        _ => "Status" + status,
    };

    /// <summary>The status a case answers a key with: the code itself, or for a range and default a code no other key claims.</summary>
    private static int? StatusFor(string key, IReadOnlyList<string> keys)
    {
        if (int.TryParse(key, out var code))
        {
            return code;
        }

        int[] candidates = key.ToUpperInvariant() switch
        {
            "2XX" => [200, 201, 202, 203],
            "4XX" => [400, 418, 422, 409, 404],
            "5XX" => [500, 503, 502],
            "DEFAULT" => [500, 503, 418, 400, 422],
            _ => [],
        };
        return candidates.Cast<int?>().FirstOrDefault(c => !keys.Any(k => k != key && Claims(k, c!.Value)));
    }

    private static bool Claims(string key, int status) =>
        int.TryParse(key, out var code) ? code == status
        : key.Length == 3 && key[1] is 'X' or 'x' && key[0] - '0' == status / 100;
}
