using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>
/// The AWS protocol profile. Driven by what the document says (host, security scheme, X-Amz-Target headers),
/// never by the name of a particular service. Owns the exception names of the service's errors.
/// </summary>
internal sealed class AwsProfile
{
    // The headers SigV4 computes; descriptions converted from AWS models list them as parameters on every path.
    private static readonly HashSet<string> s_signingHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "X-Amz-Content-Sha256", "X-Amz-Date", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Security-Token", "X-Amz-Signature", "X-Amz-SignedHeaders",
    };

    // Target prefixes of the services whose protocol is AWS JSON 1.0 (the service models say so; the OpenAPI
    // conversions do not carry it). Every other X-Amz-Target service speaks AWS JSON 1.1.
    private static readonly string[] s_json10Prefixes =
    {
        "DynamoDB_", "DynamoDBStreams_", "AWSStepFunctions", "HealthLake", "AmazonSQS", "SimpleWorkflowService", "Timestream_",
    };

    private static readonly Regex s_awsHost = new(
        @"^(?:https?://)?(?<service>[A-Za-z0-9-]+)\.(?:\{[A-Za-z0-9_]+\}|[a-z0-9-]+)\.amazonaws\.com(?:\.cn)?(?:/|$)",
        RegexOptions.CultureInvariant);

    private readonly Dictionary<string, string> _errorExceptions;

    private AwsProfile(AwsModel model, Dictionary<string, string> errorExceptions)
    {
        Model = model;
        _errorExceptions = errorExceptions;
    }

    /// <summary>What the client is told about the service; its <see cref="AwsModel.Errors"/> come from <see cref="WithErrors"/>.</summary>
    public AwsModel Model { get; }

    /// <summary>
    /// The profile of an AWS service (an amazonaws.com server and a SigV4 security scheme), or null. Claims the name of
    /// the service exception and of one exception per error schema (any 4xx/5xx response, including the fake 480–486
    /// that converted AWS descriptions use), so it runs before any other type is named.
    /// </summary>
    public static AwsProfile? Detect(OpenApiDocument document, ServerModel server, EmitTarget target, TypeRegistry registry)
    {
        if (DetectAws(document, server) is not { } model)
        {
            return null;
        }

        var serviceException = registry.Claim(Identifiers.ToPascalCase(target.ContextName.Substring(0, target.ContextName.Length - "JsonContext".Length), "Service") + "Exception");
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in path.Value.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                foreach (var response in operation.ResponseMap())
                {
                    if (IsErrorStatus(response.Key) && response.Value.ContentMap().Values.Select(c => c.Schema?.ReferenceId()).FirstOrDefault(id => id is not null) is { } id
                        && document.Components?.Schemas?.ContainsKey(id) == true)
                    {
                        ids.Add(id);
                    }
                }
            }
        }

        var errorExceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            errorExceptions[id] = registry.Claim(Identifiers.ToPascalCase(id, "Error"));
        }

        return new AwsProfile(model with { ServiceExceptionName = serviceException }, errorExceptions);
    }

    /// <summary>True when component schema <paramref name="key"/> is the body of an AWS error (its exception takes the name).</summary>
    public bool IsErrorSchema(string key) => _errorExceptions.ContainsKey(key);

    /// <summary>The model with its error models, given every record (an error's details are its schema's record).</summary>
    public AwsModel WithErrors(SchemaTranslator schemas) => Model with
    {
        Errors = _errorExceptions
            .Select(e => new AwsErrorModel(
                e.Key,
                e.Value,
                schemas.ComponentTypeOf(e.Key) is { Kind: TypeKind.Object } type ? type : null,
                null))
            .OrderBy(e => e.ExceptionName, StringComparer.Ordinal)
            .ToEquatableArray(),
    };

    /// <summary>AWS names its read-only operations Get…, List… and Describe…: safe to send twice.</summary>
    public static bool IsReadOnlyName(string operationId) =>
        operationId.StartsWith("Get", StringComparison.Ordinal) || operationId.StartsWith("List", StringComparison.Ordinal) || operationId.StartsWith("Describe", StringComparison.Ordinal);

    private static bool IsErrorStatus(string key) =>
        key.Length == 3 && (key[0] == '4' || key[0] == '5');

    /// <summary>Recognises an AWS service: an amazonaws.com server and a SigV4 security scheme.</summary>
    private static AwsModel? DetectAws(OpenApiDocument document, ServerModel server)
    {
        var host = s_awsHost.Match(server.UrlTemplate);
        var schemes = document.Components?.SecuritySchemes?.Values ?? Enumerable.Empty<IOpenApiSecurityScheme>();
        var signs = schemes.Any(s =>
            (s.ExtensionMap().TryGetValue("x-amazon-apigateway-authtype", out var type) && JsonValues.AsString(JsonValues.Of(type)) == "awsSigv4")
            || (s.Description?.IndexOf("Signature authorization v4", StringComparison.OrdinalIgnoreCase) >= 0));
        if (!host.Success || !signs)
        {
            return null;
        }

        var region = server.Variables.FirstOrDefault(v => string.Equals(v.Name, "region", StringComparison.OrdinalIgnoreCase))?.PropertyName;
        var targets = TargetPrefixes(document).ToList();
        string? jsonVersion = null;
        if (targets.Count > 0)
        {
            jsonVersion = targets.Any(t => s_json10Prefixes.Any(p => t.StartsWith(p, StringComparison.Ordinal))) ? "1.0" : "1.1";
        }

        return new AwsModel(host.Groups["service"].Value.ToLowerInvariant(), region, jsonVersion);
    }

    /// <summary>The values of constant X-Amz-Target headers, e.g. <c>Lightsail_20161128.GetBucketAccessKeys</c>.</summary>
    private static IEnumerable<string> TargetPrefixes(OpenApiDocument document)
    {
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in path.Value.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                foreach (var parameter in operation.ParameterList())
                {
                    if (string.Equals(parameter.Name, "X-Amz-Target", StringComparison.OrdinalIgnoreCase) && SingleValue(parameter.Schema) is { } target)
                    {
                        yield return target;
                    }
                }
            }
        }
    }

    /// <summary>A header SigV4 computes on every request (listed as a parameter by converted descriptions): never the caller's.</summary>
    public bool IsSigningHeader(IOpenApiParameter parameter) =>
        parameter.In == Microsoft.OpenApi.ParameterLocation.Header && s_signingHeaders.Contains(parameter.Name ?? string.Empty);

    /// <summary>AWS JSON bodies travel as <c>application/x-amz-json-1.x</c>, whatever media type the description names.</summary>
    public string RequestMediaType(string declared, bool hasTarget) =>
        Model.JsonVersion is { } version && hasTarget ? "application/x-amz-json-" + version : declared;
}
