using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Microsoft.OpenApi.Models;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>
/// Responses: the result of a method (JSON, envelope, text or stream) and the error responses it throws typed.
/// </summary>
internal sealed class ResponseTranslator
{
    private readonly SchemaTranslator _schemas;
    private readonly EnvelopeTranslator _envelopes;
    private readonly TypeRegistry _registry;
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _isSwagger2;

    public ResponseTranslator(SchemaTranslator schemas, EnvelopeTranslator envelopes, TypeRegistry registry, DiagnosticBag diagnostics, bool isSwagger2)
    {
        _schemas = schemas;
        _envelopes = envelopes;
        _registry = registry;
        _diagnostics = diagnostics;
        _isSwagger2 = isSwagger2;
    }

    public ResponseModel? Translate(OpenApiOperation operation, string operationId, string baseName, string pointer)
    {
        // Every 2xx response (and 2XX) is a success; a lone "default" is taken as the result too.
        var successKeys = operation.Responses.Keys.Where(IsSuccess).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (successKeys.Count == 0 && operation.Responses.Count == 1 && operation.Responses.ContainsKey("default"))
        {
            successKeys.Add("default");
        }

        var withBody = successKeys.Where(k => HasBody(operation.Responses[k])).ToList();
        if (withBody.Count == 0)
        {
            return ResponseModel.None;
        }

        // A success without a body next to one with a body (204 beside 200) makes an empty body a valid result.
        var allowsEmpty = withBody.Count < successKeys.Count;
        var results = withBody.Select(key => BuildResult(operation.Responses[key], key, baseName, pointer)).ToList();
        var first = results[0];
        var differing = results.Skip(1).Where(r => r.Kind != first.Kind || !Equals(r.Type, first.Type)).ToList();
        if (differing.Count == 0)
        {
            return first with { AllowsEmpty = allowsEmpty };
        }

        var codes = string.Join(", ", withBody);
        if (results.All(r => r.Kind == ResponseKind.Json) && results.All(r => r.Type!.Kind is not (TypeKind.Any or TypeKind.Union)))
        {
            // Different JSON types (GitHub's 201 Deployment beside 202 {message}): the result is a union of them, told
            // apart by their JSON like any oneOf; cases that cannot be told apart are reported (CTR113).
            return new ResponseModel(ResponseKind.Json, SuccessUnion(operation, withBody, results, baseName, pointer), string.Empty, null, operation.Responses[withBody[0]].Description, allowsEmpty);
        }

        if (results.All(r => r.Kind is ResponseKind.Json or ResponseKind.Envelope))
        {
            _diagnostics.Add(DiagnosticDescriptors.ResponseSimplified, pointer + "/responses", operationId, "the success responses " + codes + " have different JSON types", "JsonElement");
            return new ResponseModel(ResponseKind.Json, TypeRef.Any, string.Empty, null, operation.Responses[withBody[0]].Description, allowsEmpty);
        }

        _diagnostics.Add(DiagnosticDescriptors.ResponseSimplified, pointer + "/responses", operationId, "the success responses " + codes + " have different media types", "a stream of the response body");
        return new ResponseModel(ResponseKind.Stream, null, null, null, operation.Responses[withBody[0]].Description);
    }

    private TypeRef SuccessUnion(OpenApiOperation operation, List<string> keys, List<ResponseModel> results, string baseName, string pointer)
    {
        var members = new List<(TypeRef Type, OpenApiSchema Schema)>();
        for (var i = 0; i < keys.Count; i++)
        {
            var response = operation.Responses[keys[i]];
            var schema = response.Content[MediaTypes.Pick(response.Content, forRequest: false, _isSwagger2)!.Value.MediaType].Schema;
            if (!members.Any(m => m.Type.Equals(results[i].Type)))
            {
                members.Add((results[i].Type!, schema));
            }
        }

        var description = new OpenApiSchema { Description = "One of the success responses " + string.Join(", ", keys) + "." };
        return _schemas.Unions.Define(_registry.Claim(baseName + "Result"), description, pointer + "/responses", members);
    }

    private ResponseModel BuildResult(OpenApiResponse response, string key, string baseName, string pointer)
    {
        var responsePointer = pointer + "/responses/" + Escape(key);
        var (mediaType, category) = MediaTypes.Pick(response.Content, forRequest: false, _isSwagger2)!.Value;
        switch (category)
        {
            case MediaCategory.Text:
                return new ResponseModel(ResponseKind.Text, TypeRef.String, null, null, response.Description);
            case MediaCategory.Binary:
                return new ResponseModel(ResponseKind.Stream, null, null, null, response.Description);
        }

        var schemaPointer = responsePointer + "/content/" + Escape(mediaType) + "/schema";
        var schema = response.Content[mediaType].Schema;
        if (schema is not null && EnvelopeTranslator.FindEnvelope(schema) is { } envelope)
        {
            var draft = _envelopes.Use(envelope, schemaPointer);
            var dataType = _schemas.Resolve(EnvelopeTranslator.EnvelopeDataSchema(schema, envelope, draft.Data), schemaPointer, baseName + "Result");
            return new ResponseModel(ResponseKind.Envelope, dataType, string.Empty, draft.FieldName, response.Description);
        }

        return new ResponseModel(ResponseKind.Json, _schemas.Resolve(schema, schemaPointer, baseName + "Response"), string.Empty, null, response.Description);
    }

    /// <summary>
    /// Error responses (a 4xx or 5xx code, a range such as <c>4XX</c>, or <c>default</c>) with a JSON schema; they
    /// become <c>ApiException&lt;TError&gt;</c>. Errors without a JSON body throw the untyped <c>ApiException</c>.
    /// </summary>
    public EquatableArray<ErrorResponseModel> TranslateErrors(OpenApiOperation operation, string baseName, string pointer)
    {
        var errors = new List<ErrorResponseModel>();
        var defaultIsResult = !operation.Responses.Keys.Any(IsSuccess) && operation.Responses.Count == 1;
        foreach (var entry in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var key = entry.Key;
            var isError = key.Length == 3 && (key[0] == '4' || key[0] == '5') || (key == "default" && !defaultIsResult);
            if (!isError || !HasBody(entry.Value) || MediaTypes.Pick(entry.Value.Content, forRequest: false, _isSwagger2) is not { Category: MediaCategory.Json } picked)
            {
                continue;
            }

            var schemaPointer = pointer + "/responses/" + Escape(key) + "/content/" + Escape(picked.MediaType) + "/schema";
            var suffix = key == "default" ? "Default" : key.ToUpperInvariant();
            var type = _schemas.Resolve(entry.Value.Content[picked.MediaType].Schema, schemaPointer, baseName + suffix + "Error");
            errors.Add(new ErrorResponseModel(key.ToUpperInvariant() == "DEFAULT" ? "default" : key.ToUpperInvariant(), type, string.Empty));
        }

        return errors.ToEquatableArray();
    }

    /// <summary>
    /// A response with a body. The Swagger 2.0 reader gives every response one media type per <c>produces</c> entry,
    /// with a null schema when the response has none: that is a response without a body.
    /// </summary>
    private bool HasBody(OpenApiResponse response) =>
        response.Content.Count > 0 && !(_isSwagger2 && response.Content.Values.All(m => m.Schema is null));

    private static bool IsSuccess(string key) => key.StartsWith("2", StringComparison.Ordinal);
}
