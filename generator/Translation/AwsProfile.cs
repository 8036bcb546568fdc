using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace Contracts.Generator.Translation;

/// <summary>
/// The AWS protocol profile. Driven by what the document says (host, security scheme, X-Amz-Target headers),
/// never by the name of a particular service.
/// </summary>
internal sealed partial class SpecParser
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

    private AwsModel? _aws;
    private readonly Dictionary<string, string> _awsErrorExceptions = new(StringComparer.Ordinal);

    /// <summary>
    /// Collects the schemas of error responses (any 4xx/5xx status, including the fake 480–486 that converted AWS
    /// descriptions use) and names an exception after each; their records take a "Details" suffix.
    /// </summary>
    private void CollectAwsErrors()
    {
        var serviceException = _typeNames.Claim(Identifiers.ToPascalCase(_target.ContextName.Substring(0, _target.ContextName.Length - "JsonContext".Length), "Service") + "Exception");
        _aws = _aws! with { ServiceExceptionName = serviceException };
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in _document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in path.Value.Operations.Values)
            {
                foreach (var response in operation.Responses)
                {
                    if (IsErrorStatus(response.Key) && response.Value.Content.Values.Select(c => c.Schema?.Reference?.Id).FirstOrDefault(id => id is not null) is { } id
                        && _document.Components?.Schemas?.ContainsKey(id) == true)
                    {
                        ids.Add(id);
                    }
                }
            }
        }

        foreach (var id in ids)
        {
            _awsErrorExceptions[id] = _typeNames.Claim(Identifiers.ToPascalCase(id, "Error"));
        }
    }

    private static bool IsErrorStatus(string key) =>
        key.Length == 3 && (key[0] == '4' || key[0] == '5');

    /// <summary>The error models, once every record exists.</summary>
    private EquatableArray<AwsErrorModel> BuildAwsErrors() =>
        _awsErrorExceptions
            .Select(e => new AwsErrorModel(
                e.Key,
                e.Value,
                _componentTypes.TryGetValue(e.Key, out var type) && type.Kind == TypeKind.Object ? type : null,
                null))
            .OrderBy(e => e.ExceptionName, StringComparer.Ordinal)
            .ToEquatableArray();

    /// <summary>Safe to send twice: by HTTP method, and for AWS by the read-only naming convention of its operations.</summary>
    private bool IsIdempotent(OperationType method, string operationId) =>
        method is OperationType.Get or OperationType.Head or OperationType.Put or OperationType.Delete or OperationType.Options
        || (_aws is not null && (operationId.StartsWith("Get", StringComparison.Ordinal) || operationId.StartsWith("List", StringComparison.Ordinal) || operationId.StartsWith("Describe", StringComparison.Ordinal)));

    /// <summary>Recognises an AWS service: an amazonaws.com server and a SigV4 security scheme.</summary>
    private AwsModel? DetectAws(ServerModel server)
    {
        var host = s_awsHost.Match(server.UrlTemplate);
        var schemes = _document.Components?.SecuritySchemes?.Values ?? Enumerable.Empty<OpenApiSecurityScheme>();
        var signs = schemes.Any(s =>
            (s.Extensions.TryGetValue("x-amazon-apigateway-authtype", out var type) && type is OpenApiString { Value: "awsSigv4" })
            || (s.Description?.IndexOf("Signature authorization v4", StringComparison.OrdinalIgnoreCase) >= 0));
        if (!host.Success || !signs)
        {
            return null;
        }

        var region = server.Variables.FirstOrDefault(v => string.Equals(v.Name, "region", StringComparison.OrdinalIgnoreCase))?.PropertyName;
        var targets = TargetPrefixes().ToList();
        string? jsonVersion = null;
        if (targets.Count > 0)
        {
            jsonVersion = targets.Any(t => s_json10Prefixes.Any(p => t.StartsWith(p, StringComparison.Ordinal))) ? "1.0" : "1.1";
        }

        return new AwsModel(host.Groups["service"].Value.ToLowerInvariant(), region, jsonVersion);
    }

    /// <summary>The values of constant X-Amz-Target headers, e.g. <c>Lightsail_20161128.GetBucketAccessKeys</c>.</summary>
    private IEnumerable<string> TargetPrefixes()
    {
        foreach (var path in _document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in path.Value.Operations.Values)
            {
                foreach (var parameter in operation.Parameters)
                {
                    if (string.Equals(parameter.Name, "X-Amz-Target", StringComparison.OrdinalIgnoreCase) && SingleValue(parameter.Schema) is { } target)
                    {
                        yield return target;
                    }
                }
            }
        }
    }

    private bool IsSigningHeader(OpenApiParameter parameter) =>
        _aws is not null && parameter.In == Microsoft.OpenApi.Models.ParameterLocation.Header && s_signingHeaders.Contains(parameter.Name);

    /// <summary>AWS JSON bodies travel as <c>application/x-amz-json-1.x</c>, whatever media type the description names.</summary>
    private string RequestMediaType(string declared, bool hasTarget) =>
        _aws?.JsonVersion is { } version && hasTarget ? "application/x-amz-json-" + version : declared;
}
