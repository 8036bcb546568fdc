using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>
/// Responses: the result of a method (JSON, envelope, text or stream), the error responses it throws typed, and the
/// headers the success responses declare (the properties of the response class its twin method returns).
/// </summary>
internal sealed class ResponseTranslator
{
    private readonly SchemaTranslator _schemas;
    private readonly EnvelopeTranslator _envelopes;
    private readonly TypeRegistry _registry;
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _isSwagger2;

    // The result of each success response with a body, by key, from the last Translate: the server answers each apart.
    private readonly Dictionary<string, ResponseModel> _successResults = new(StringComparer.Ordinal);

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
        _successResults.Clear();
        var successKeys = SuccessKeys(operation);
        var withBody = successKeys.Where(k => HasBody(operation.ResponseMap()[k]) && !OffersOnlyStreams(operation.ResponseMap()[k])).ToList();
        if (withBody.Count == 0)
        {
            // A stream as the only success body: the method reads it item by item (TranslateStream).
            return successKeys.Any(k => HasBody(operation.ResponseMap()[k]))
                ? new ResponseModel(ResponseKind.EventStream, null, null, null, operation.ResponseMap()[successKeys.First(k => HasBody(operation.ResponseMap()[k]))].Description)
                : ResponseModel.None;
        }

        // A success without a body next to one with a body (204 beside 200) makes an empty body a valid result.
        var allowsEmpty = withBody.Count < successKeys.Count;
        var results = withBody.Select(key => BuildResult(operation.ResponseMap()[key], key, baseName, pointer)).ToList();
        _successResults.Clear();
        for (var i = 0; i < withBody.Count; i++)
        {
            _successResults[withBody[i]] = results[i];
        }

        var first = results[0];
        var differing = results.Skip(1).Where(r => r.Kind != first.Kind || !Equals(r.Type, first.Type)).ToList();
        if (differing.Count == 0)
        {
            return first with { AllowsEmpty = allowsEmpty };
        }

        var codes = string.Join(", ", withBody);
        if (results.All(r => r.Kind == ResponseKind.Json) && results.All(r => r.Type!.Kind is not (TypeKind.Any or TypeKind.Union or TypeKind.External)))
        {
            // Different JSON types (GitHub's 201 Deployment beside 202 {message}): the result is a union of them, told
            // apart by their JSON like any oneOf; cases that cannot be told apart are reported (CTR113).
            return new ResponseModel(ResponseKind.Json, SuccessUnion(operation, withBody, results, baseName, pointer), string.Empty, null, operation.ResponseMap()[withBody[0]].Description, allowsEmpty);
        }

        if (results.All(r => r.Kind is ResponseKind.Json or ResponseKind.Envelope))
        {
            _diagnostics.Add(DiagnosticDescriptors.ResponseSimplified, pointer + "/responses", operationId, "the success responses " + codes + " have different JSON types", "JsonElement");
            return new ResponseModel(ResponseKind.Json, TypeRef.Any, string.Empty, null, operation.ResponseMap()[withBody[0]].Description, allowsEmpty);
        }

        _diagnostics.Add(DiagnosticDescriptors.ResponseSimplified, pointer + "/responses", operationId, "the success responses " + codes + " have different media types", "a stream of the response body");
        return new ResponseModel(ResponseKind.Stream, null, null, null, operation.ResponseMap()[withBody[0]].Description);
    }

    private TypeRef SuccessUnion(OpenApiOperation operation, List<string> keys, List<ResponseModel> results, string baseName, string pointer)
    {
        var members = new List<(TypeRef Type, IOpenApiSchema Schema)>();
        for (var i = 0; i < keys.Count; i++)
        {
            var response = operation.ResponseMap()[keys[i]];
            var schema = response.ContentMap()[MediaTypes.Pick(response.ContentMap(), forRequest: false, _isSwagger2)!.Value.MediaType].Schema;
            if (!members.Any(m => m.Type.Equals(results[i].Type)))
            {
                members.Add((results[i].Type!, schema!));
            }
        }

        var description = new OpenApiSchema { Description = "One of the success responses " + string.Join(", ", keys) + "." };
        return _schemas.Unions.Define(_registry.Claim(baseName + "Result"), description, pointer + "/responses", members);
    }

    private ResponseModel BuildResult(IOpenApiResponse response, string key, string baseName, string pointer)
    {
        var responsePointer = pointer + "/responses/" + Escape(key);
        var (mediaType, category) = MediaTypes.Pick(response.ContentMap(), forRequest: false, _isSwagger2)!.Value;
        switch (category)
        {
            case MediaCategory.Text:
                return new ResponseModel(ResponseKind.Text, TypeRef.String, null, null, response.Description);
            case MediaCategory.Binary:
                return new ResponseModel(ResponseKind.Stream, null, null, null, response.Description);
        }

        var schemaPointer = responsePointer + "/content/" + Escape(mediaType) + "/schema";
        var schema = response.ContentMap()[mediaType].Schema;
        if (schema is not null && EnvelopeTranslator.FindEnvelope(schema) is { } envelope)
        {
            var draft = _envelopes.Use(envelope, schemaPointer);
            var dataType = _schemas.Resolve(EnvelopeTranslator.EnvelopeDataSchema(schema, envelope, draft.Data), schemaPointer, baseName + "Result");
            return new ResponseModel(ResponseKind.Envelope, dataType, string.Empty, draft.FieldName, response.Description);
        }

        return new ResponseModel(ResponseKind.Json, _schemas.Resolve(schema, schemaPointer, baseName + "Response"), string.Empty, null, response.Description);
    }

    /// <summary>
    /// The stream a success response offers (<c>text/event-stream</c>, JSON Lines, <c>application/json-seq</c>): the
    /// first in the order of the responses, then of their media types; null when none does. The item type is the media
    /// type's schema (an array schema: its items). A stream that declares no schema, a string or free-form JSON gives
    /// no item type: its items are <c>JsonElement</c>s, reported as CTR119 at the schema (or the media type without one).
    /// </summary>
    public StreamMethodModel? TranslateStream(OpenApiOperation operation, string operationId, string baseName, string pointer, string? methodName)
    {
        foreach (var key in SuccessKeys(operation))
        {
            var response = operation.ResponseMap()[key];
            foreach (var entry in response.ContentMap())
            {
                if (MediaTypes.StreamFormatOf(entry.Key) is not { } format)
                {
                    continue;
                }

                var mediaPointer = pointer + "/responses/" + Escape(key) + "/content/" + Escape(entry.Key);
                var itemType = StreamItemType(entry.Value.Schema, mediaPointer, operationId, entry.Key, baseName);
                return new StreamMethodModel(methodName ?? string.Empty, entry.Key, format, itemType, string.Empty, methodName is not null, response.Description);
            }
        }

        return null;
    }

    private TypeRef StreamItemType(IOpenApiSchema? schema, string mediaPointer, string operationId, string mediaType, string baseName)
    {
        if (schema is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.StreamNotTyped, mediaPointer, operationId, mediaType, "declares no schema");
            return TypeRef.Any;
        }

        var schemaPointer = mediaPointer + "/schema";
        var (itemSchema, itemPointer) = schema.TypeName() == "array" && schema.Items is { } items ? (items, schemaPointer + "/items") : (schema, schemaPointer);
        var type = _schemas.Resolve(itemSchema, itemPointer, baseName + "StreamItem");
        var reason = type.Kind switch
        {
            TypeKind.Any => "declares free-form JSON",
            TypeKind.String or TypeKind.Bytes => "declares a string, not a JSON value per item",
            _ => null,
        };
        if (reason is null)
        {
            return type;
        }

        _diagnostics.Add(DiagnosticDescriptors.StreamNotTyped, itemPointer, operationId, mediaType, reason);
        return TypeRef.Any;
    }

    /// <summary>A response whose every media type is a stream of items: its body is read by the streaming method only.</summary>
    private bool OffersOnlyStreams(IOpenApiResponse response) =>
        MediaTypes.Pick(response.ContentMap(), forRequest: false, _isSwagger2) is { Category: MediaCategory.Stream };

    /// <summary>
    /// Error responses (a 4xx or 5xx code, a range such as <c>4XX</c>, or <c>default</c>) with a JSON schema; they
    /// become <c>ApiException&lt;TError&gt;</c>. Errors without a JSON body throw the untyped <c>ApiException</c>.
    /// </summary>
    public EquatableArray<ErrorResponseModel> TranslateErrors(OpenApiOperation operation, string baseName, string pointer)
    {
        var errors = new List<ErrorResponseModel>();
        var defaultIsResult = !operation.ResponseMap().Keys.Any(IsSuccess) && operation.ResponseMap().Count == 1;
        foreach (var entry in operation.ResponseMap().OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var key = entry.Key;
            var isError = key.Length == 3 && (key[0] == '4' || key[0] == '5') || (key == "default" && !defaultIsResult);
            if (!isError || !HasBody(entry.Value) || MediaTypes.Pick(entry.Value.ContentMap(), forRequest: false, _isSwagger2) is not { Category: MediaCategory.Json } picked)
            {
                continue;
            }

            var schemaPointer = pointer + "/responses/" + Escape(key) + "/content/" + Escape(picked.MediaType) + "/schema";
            var suffix = key == "default" ? "Default" : key.ToUpperInvariant();
            var type = _schemas.Resolve(entry.Value.ContentMap()[picked.MediaType].Schema, schemaPointer, baseName + suffix + "Error");
            errors.Add(new ErrorResponseModel(key.ToUpperInvariant() == "DEFAULT" ? "default" : key.ToUpperInvariant(), type, string.Empty));
        }

        return errors.ToEquatableArray();
    }

    /// <summary>
    /// Every response the operation declares, for the server, in ordinal order of their keys; called after
    /// <see cref="Translate"/> and <see cref="TranslateErrors"/> of the same operation, whose types it reuses (an inline
    /// schema resolved twice would be two types). A response neither of them reads (a 3xx with JSON) is resolved here.
    /// </summary>
    public EquatableArray<DeclaredResponseModel> TranslateDeclared(
        OpenApiOperation operation, ResponseModel response, EquatableArray<ErrorResponseModel> errors, string baseName, string pointer)
    {
        var declared = new List<DeclaredResponseModel>();
        foreach (var entry in operation.ResponseMap().OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var key = string.Equals(entry.Key, "default", StringComparison.OrdinalIgnoreCase) ? "default" : entry.Key.ToUpperInvariant();
            if (!IsStatusKey(key))
            {
                // Not a status OpenAPI allows (the reader reports it): no response can be written for it.
                continue;
            }

            var description = entry.Value.Description;
            if (!HasBody(entry.Value) || MediaTypes.Pick(entry.Value.ContentMap(), forRequest: false, _isSwagger2) is not { } picked)
            {
                declared.Add(new DeclaredResponseModel(key, ResponseKind.None, null, null, null, description));
                continue;
            }

            switch (picked.Category)
            {
                case MediaCategory.Stream:
                    declared.Add(new DeclaredResponseModel(key, ResponseKind.EventStream, null, null, picked.MediaType, description));
                    continue;
                case MediaCategory.Text:
                    declared.Add(new DeclaredResponseModel(key, ResponseKind.Text, TypeRef.String, null, picked.MediaType, description));
                    continue;
                case MediaCategory.Json:
                    break;
                default:
                    declared.Add(new DeclaredResponseModel(key, ResponseKind.Stream, null, null, picked.MediaType, description));
                    continue;
            }

            // The schema's name: an AWS error is written under it (__type).
            var schemaId = entry.Value.ContentMap()[picked.MediaType].Schema?.ReferenceId();
            if (_successResults.TryGetValue(entry.Key, out var result))
            {
                declared.Add(new DeclaredResponseModel(key, result.Kind, result.Type, null, picked.MediaType, description));
            }
            else if (response.Kind is ResponseKind.Json or ResponseKind.Envelope && entry.Key == "default" && !operation.ResponseMap().Keys.Any(IsSuccess) && operation.ResponseMap().Count == 1)
            {
                // The lone default is the client's result.
                declared.Add(new DeclaredResponseModel(key, response.Kind, response.Type, null, picked.MediaType, description));
            }
            else if (errors.FirstOrDefault(e => e.StatusPattern == key) is { } error)
            {
                declared.Add(new DeclaredResponseModel(key, ResponseKind.Json, error.Type, null, picked.MediaType, description) { SchemaId = schemaId });
            }
            else
            {
                var schemaPointer = pointer + "/responses/" + Escape(entry.Key) + "/content/" + Escape(picked.MediaType) + "/schema";
                var schema = entry.Value.ContentMap()[picked.MediaType].Schema;
                var kind = schema is not null && EnvelopeTranslator.FindEnvelope(schema) is not null ? ResponseKind.Envelope : ResponseKind.Json;
                var type = kind == ResponseKind.Envelope ? null : _schemas.Resolve(schema, schemaPointer, baseName + (key == "default" ? "Default" : key) + "Response");
                declared.Add(new DeclaredResponseModel(key, kind, type, null, picked.MediaType, description) { SchemaId = schemaId });
            }
        }

        return declared.ToEquatableArray();
    }

    /// <summary><c>default</c>, a code 100–599 or a range <c>1XX</c>–<c>5XX</c>.</summary>
    private static bool IsStatusKey(string key) =>
        key == "default" || key.Length == 3 && key[0] is >= '1' and <= '5'
        && (key[1] == 'X' && key[2] == 'X' || char.IsDigit(key[1]) && char.IsDigit(key[2]));

    /// <summary>Every 2xx response (and 2XX) is a success; a lone "default" is taken as the result too.</summary>
    private static List<string> SuccessKeys(OpenApiOperation operation)
    {
        var successKeys = operation.ResponseMap().Keys.Where(IsSuccess).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (successKeys.Count == 0 && operation.ResponseMap().Count == 1 && operation.ResponseMap().ContainsKey("default"))
        {
            successKeys.Add("default");
        }

        return successKeys;
    }

    /// <summary>
    /// The headers the success responses declare (<c>responses.2XX.headers</c>; Swagger 2.0's are read the same way),
    /// each once whatever its case, in the order of the responses and then of the declarations. A header declared with
    /// different types by two responses is read as a string (CTR117). The names of the properties are given with the
    /// class's (<see cref="NameResponseClasses"/>).
    /// </summary>
    public EquatableArray<ResponseHeaderModel> TranslateHeaders(OpenApiOperation operation, string operationId, string pointer)
    {
        var headers = new List<ResponseHeaderModel>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in SuccessKeys(operation))
        {
            foreach (var declared in operation.ResponseMap()[key].Headers ?? new Dictionary<string, IOpenApiHeader>())
            {
                if (string.IsNullOrWhiteSpace(declared.Key) || declared.Value is null)
                {
                    continue;
                }

                var kind = HeaderKind(declared.Key, declared.Value.Schema);
                var description = declared.Value.Description ?? declared.Value.Schema?.Description;
                if (!index.TryGetValue(declared.Key, out var at))
                {
                    index[declared.Key] = headers.Count;
                    headers.Add(new ResponseHeaderModel(declared.Key, string.Empty, kind, description));
                    continue;
                }

                var earlier = headers[at];
                if (earlier.Kind != kind && earlier.Kind != ResponseHeaderKind.String)
                {
                    _diagnostics.Add(
                        DiagnosticDescriptors.ResponseHeaderTypesDiffer,
                        pointer + "/responses/" + Escape(key) + "/headers/" + Escape(declared.Key),
                        operationId,
                        earlier.WireName,
                        Describe(earlier.Kind),
                        Describe(kind));
                    earlier = earlier with { Kind = ResponseHeaderKind.String };
                }

                headers[at] = earlier with { Description = earlier.Description ?? description };
            }
        }

        return headers.ToEquatableArray();
    }

    /// <summary>
    /// Names the response class of each operation whose success responses declare headers (<c>GetPetResponse</c>, or
    /// <c>GetPetApiResponse</c> when a type has the name), and its properties. Called once every other type is named, so that the classes never take a name a schema
    /// would have had: documents without declared headers keep every name they had.
    /// </summary>
    public static ClientModel NameResponseClasses(ClientModel client, TypeRegistry registry)
    {
        var operations = client.Operations.Select(operation =>
        {
            if (operation.WithResponse is not { Headers.IsEmpty: false } twin)
            {
                return operation;
            }

            var stem = operation.MethodName.EndsWith("Async", StringComparison.Ordinal)
                ? operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length)
                : operation.MethodName;
            // GetPetResponse, unless a schema has it (the inline result of GetPet is named so): then GetPetApiResponse.
            var className = registry.TryClaim(stem + "Response", out var claimed) ? claimed : registry.Claim(stem + "ApiResponse");
            registry.SpendType(twin.Headers.Count, "#/paths");

            // The members every ApiResponse has, and the class's own name (CS0542).
            var names = new UniqueNameBuilder("Value", "StatusCode", "Headers", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", className);
            var headers = twin.Headers.Select(h => h with { PropertyName = names.Claim(Identifiers.ToPascalCase(h.WireName, "Header")) }).ToEquatableArray();
            return operation with { WithResponse = twin with { ClassName = className, Headers = headers } };
        });
        return client with { Operations = operations.ToEquatableArray() };
    }

    /// <summary>
    /// The property type of a declared header: integers as numbers, dates (and the HTTP-date headers declared as strings)
    /// as <c>DateTimeOffset</c>, arrays as lists, anything else as the text sent.
    /// </summary>
    private static ResponseHeaderKind HeaderKind(string name, IOpenApiSchema? schema)
    {
        var type = schema?.TypeName();
        var format = schema?.Format;
        switch (type)
        {
            case "integer":
                return format == "int32" ? ResponseHeaderKind.Int32 : ResponseHeaderKind.Int64;
            case "array":
                return ResponseHeaderKind.List;
            case "string" or null when format is "date-time" or "http-date" or "date-time-rfc1123":
                return ResponseHeaderKind.DateTimeOffset;
            case "string" or null when format is null && IsHttpDateHeader(name):
                return ResponseHeaderKind.DateTimeOffset;
            default:
                return ResponseHeaderKind.String;
        }
    }

    private static bool IsHttpDateHeader(string name) =>
        string.Equals(name, "Date", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Expires", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Last-Modified", StringComparison.OrdinalIgnoreCase);

    private static string Describe(ResponseHeaderKind kind) => kind switch
    {
        ResponseHeaderKind.Int32 or ResponseHeaderKind.Int64 => "an integer",
        ResponseHeaderKind.DateTimeOffset => "a date",
        ResponseHeaderKind.List => "an array",
        _ => "a string",
    };

    /// <summary>
    /// A response with a body. The Swagger 2.0 reader gives every response one media type per <c>produces</c> entry,
    /// with a null schema when the response has none: that is a response without a body.
    /// </summary>
    private bool HasBody(IOpenApiResponse response) =>
        response.ContentMap().Count > 0 && !(_isSwagger2 && response.ContentMap().Values.All(m => m.Schema is null));

    private static bool IsSuccess(string key) => key.StartsWith("2", StringComparison.Ordinal);
}
