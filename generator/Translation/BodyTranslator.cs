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
using OpenApiParameterStyle = Microsoft.OpenApi.ParameterStyle;

namespace Contracts.Generator.Translation;

/// <summary>
/// Request bodies. When a body lists several media types one is chosen, in this order: JSON, form-urlencoded,
/// multipart, text, anything else (sent as a stream).
/// </summary>
internal sealed class BodyTranslator
{
    private readonly SchemaTranslator _schemas;
    private readonly AwsProfile? _aws;
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _isSwagger2;

    public BodyTranslator(SchemaTranslator schemas, AwsProfile? aws, DiagnosticBag diagnostics, bool isSwagger2)
    {
        _schemas = schemas;
        _aws = aws;
        _diagnostics = diagnostics;
        _isSwagger2 = isSwagger2;
    }

    public RequestBodyModel? Translate(IOpenApiRequestBody requestBody, OperationContext context, bool hasTarget)
    {
        var bodyPointer = context.Pointer + "/requestBody";
        if (MediaTypes.Pick(requestBody.ContentMap(), forRequest: true, _isSwagger2) is not { } picked)
        {
            _diagnostics.Add(DiagnosticDescriptors.OperationSkipped, bodyPointer, context.OperationId, "the request body declares no media type");
            return null;
        }

        var (mediaType, category) = picked;
        var media = requestBody.ContentMap()[mediaType];
        var schemaPointer = bodyPointer + "/content/" + Escape(mediaType) + "/schema";
        switch (category)
        {
            case MediaCategory.Json:
                var jsonType = _schemas.Resolve(media.Schema, schemaPointer, context.BaseName + "Request");
                var sentAs = MediaTypes.IsJson(mediaType) ? mediaType : "application/json";
                return new RequestBodyModel(context.ParameterNames.Claim("request"), jsonType, string.Empty, _aws?.RequestMediaType(sentAs, hasTarget) ?? sentAs, requestBody.Required, requestBody.Description);
            case MediaCategory.Form:
                var formType = _schemas.Resolve(media.Schema, schemaPointer, context.BaseName + "Request");
                if (formType.Kind is not (TypeKind.Object or TypeKind.Map or TypeKind.Any))
                {
                    _diagnostics.Add(DiagnosticDescriptors.OperationSkipped, schemaPointer, context.OperationId, "a form body must be an object, not " + formType.Kind.ToString().ToLowerInvariant());
                    return null;
                }

                var deepObjects = media.Encoding
                    .Where(e => e.Value.Style == OpenApiParameterStyle.DeepObject)
                    .Select(e => e.Key)
                    .OrderBy(k => k, StringComparer.Ordinal)
                    .ToEquatableArray();
                return new RequestBodyModel(context.ParameterNames.Claim("request"), formType, string.Empty, mediaType, requestBody.Required, requestBody.Description, BodyKind.Form, deepObjects);
            case MediaCategory.Multipart:
                if (BuildMultipartFields(media.Schema, schemaPointer, context) is not { } fields)
                {
                    return null;
                }

                return new RequestBodyModel(string.Empty, TypeRef.Any, string.Empty, mediaType, requestBody.Required, requestBody.Description, BodyKind.Multipart, Fields: fields);
            case MediaCategory.Text:
                return new RequestBodyModel(context.ParameterNames.Claim("content"), TypeRef.String, string.Empty, mediaType, requestBody.Required, requestBody.Description, BodyKind.Text);
            default:
                return new RequestBodyModel(context.ParameterNames.Claim("content"), new TypeRef(TypeKind.Bytes), string.Empty, mediaType, requestBody.Required, requestBody.Description, BodyKind.Binary);
        }
    }

    /// <summary>
    /// A body whose every schema is an object that allows no member at all (Stripe declares one on each GET:
    /// <c>{type: object, properties: {}, additionalProperties: false}</c>): there is nothing a caller could send.
    /// </summary>
    public static bool CannotCarryAnything(IOpenApiRequestBody requestBody) =>
        requestBody.ContentMap().Count > 0 && requestBody.ContentMap().Values.All(media => media.Schema is { } schema
            && schema.ReferenceId() is null && schema.TypeName() == "object" && schema.PropertyMap().Count == 0 && !schema.AdditionalPropertiesAllowed
            && schema.AdditionalProperties is null && schema.AllOfList().Count == 0 && schema.OneOfList().Count == 0 && schema.AnyOfList().Count == 0);

    /// <summary>One method parameter per member of the multipart schema; <c>format: binary</c> members are files.</summary>
    private EquatableArray<MultipartFieldModel>? BuildMultipartFields(IOpenApiSchema? schema, string pointer, OperationContext context)
    {
        var members = new List<(string Key, IOpenApiSchema Schema, string Pointer)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (part, partPointer) in new[] { (schema, pointer) }.Concat((schema?.AllOfList() ?? new List<IOpenApiSchema>()).Select((s, i) => ((IOpenApiSchema?)s, pointer + "/allOf/" + i))))
        {
            if (part is null)
            {
                continue;
            }

            required.UnionWith(part.RequiredSet());
            members.AddRange(part.PropertyMap().Select(p => (p.Key, p.Value, partPointer + "/properties/" + Escape(p.Key))));
        }

        if (members.Count == 0)
        {
            _diagnostics.Add(DiagnosticDescriptors.OperationSkipped, pointer, context.OperationId, "a multipart body without properties has no parts to send");
            return null;
        }

        var fields = new List<MultipartFieldModel>();
        foreach (var (key, memberSchema, memberPointer) in members)
        {
            var name = context.ParameterNames.Claim(Identifiers.ToCamelCase(key, "part"));
            var isRequired = required.Contains(key);
            if (MediaTypes.IsBinarySchema(memberSchema))
            {
                fields.Add(new MultipartFieldModel(key, name, TypeRef.Any, MultipartFieldKind.File, isRequired, memberSchema.Description));
                continue;
            }

            if (memberSchema.TypeName() == "array" && MediaTypes.IsBinarySchema(memberSchema.Items))
            {
                fields.Add(new MultipartFieldModel(key, name, TypeRef.ArrayOf(TypeRef.Any), MultipartFieldKind.Files, isRequired, memberSchema.Description));
                continue;
            }

            var type = _schemas.Resolve(memberSchema, memberPointer, context.BaseName + Identifiers.ToPascalCase(key, "Part"));
            // A union is a text part only when every case is a scalar (then it has a text form); otherwise a JSON part.
            bool IsTextual(TypeRef t) => t.Kind is not (TypeKind.Object or TypeKind.Map or TypeKind.Any or TypeKind.Array or TypeKind.Union or TypeKind.External)
                || (t.Kind == TypeKind.Union && _schemas.Unions.IsScalar(t.Name!));
            var isText = IsTextual(type) || (type.Kind == TypeKind.Array && IsTextual(type.Element!));
            // A text part per item: a null item has no text form, so text lists take non-null items.
            fields.Add(new MultipartFieldModel(key, name, isText ? type.WithoutNullElements() : type, isText ? MultipartFieldKind.Text : MultipartFieldKind.Json, isRequired, memberSchema.Description));
        }

        return fields.ToEquatableArray();
    }
}
