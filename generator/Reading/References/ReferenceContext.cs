using System;

namespace Contracts.Generator.Reading.References;

/// <summary>What a node of an OpenAPI document is, as far as the bundler needs to know: where a <c>$ref</c> found in it must point.</summary>
internal enum NodeKind
{
    Document, Components, Paths, PathItem, Operation, ParameterList, Parameter, ResponseMap, Response, RequestBody,
    MediaTypes, MediaType, Encodings, Encoding, Header, Example, Link, Callback, SecurityScheme, Schema, SchemaList,
    NamedSchemas, NamedParameters, NamedResponses, NamedRequestBodies, NamedHeaders, NamedExamples, NamedLinks,
    NamedCallbacks, NamedSecuritySchemes, NamedPathItems,

    /// <summary>Structure the bundler does not model: a reference in it is copied in place.</summary>
    Other,

    /// <summary>Example data and extensions: a <c>$ref</c> member there is data, never followed.</summary>
    Literal,
}

/// <summary>
/// The OpenAPI 3.x and Swagger 2.0 object structure, reduced to the step from a node to its member: it tells a
/// schema's <c>$ref</c> (copied into <c>components/schemas</c>) from a parameter's (into <c>components/parameters</c>).
/// </summary>
internal static class ReferenceContext
{
    /// <summary>The kind of the member <paramref name="key"/> of a mapping of kind <paramref name="kind"/>.</summary>
    public static NodeKind Member(NodeKind kind, string key)
    {
        if (kind == NodeKind.Literal || key.StartsWith("x-", StringComparison.Ordinal))
        {
            return NodeKind.Literal;
        }

        return kind switch
        {
            NodeKind.Document => key switch
            {
                "paths" => NodeKind.Paths,
                "components" => NodeKind.Components,
                "definitions" => NodeKind.NamedSchemas,
                "parameters" => NodeKind.NamedParameters,
                "responses" => NodeKind.NamedResponses,
                "webhooks" => NodeKind.Paths,
                _ => NodeKind.Other,
            },
            NodeKind.Components => key switch
            {
                "schemas" => NodeKind.NamedSchemas,
                "parameters" => NodeKind.NamedParameters,
                "responses" => NodeKind.NamedResponses,
                "requestBodies" => NodeKind.NamedRequestBodies,
                "headers" => NodeKind.NamedHeaders,
                "examples" => NodeKind.NamedExamples,
                "links" => NodeKind.NamedLinks,
                "callbacks" => NodeKind.NamedCallbacks,
                "securitySchemes" => NodeKind.NamedSecuritySchemes,
                "pathItems" => NodeKind.NamedPathItems,
                _ => NodeKind.Other,
            },
            NodeKind.Paths or NodeKind.Callback or NodeKind.NamedPathItems => NodeKind.PathItem,
            NodeKind.PathItem => key switch
            {
                "parameters" => NodeKind.ParameterList,
                "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace" => NodeKind.Operation,
                _ => NodeKind.Other,
            },
            NodeKind.Operation => key switch
            {
                "parameters" => NodeKind.ParameterList,
                "requestBody" => NodeKind.RequestBody,
                "responses" => NodeKind.ResponseMap,
                "callbacks" => NodeKind.NamedCallbacks,
                _ => NodeKind.Other,
            },
            NodeKind.ResponseMap or NodeKind.NamedResponses => NodeKind.Response,
            NodeKind.NamedParameters => NodeKind.Parameter,
            NodeKind.NamedRequestBodies => NodeKind.RequestBody,
            NodeKind.NamedHeaders => NodeKind.Header,
            NodeKind.NamedExamples => NodeKind.Example,
            NodeKind.NamedLinks => NodeKind.Link,
            NodeKind.NamedCallbacks => NodeKind.Callback,
            NodeKind.NamedSecuritySchemes => NodeKind.SecurityScheme,
            NodeKind.NamedSchemas => NodeKind.Schema,
            NodeKind.MediaTypes => NodeKind.MediaType,
            NodeKind.Encodings => NodeKind.Encoding,
            NodeKind.Parameter or NodeKind.Header => key switch
            {
                "schema" => NodeKind.Schema,
                "content" => NodeKind.MediaTypes,
                "examples" => NodeKind.NamedExamples,
                "example" or "default" or "enum" => NodeKind.Literal,
                _ => NodeKind.Other,
            },
            NodeKind.Response => key switch
            {
                "schema" => NodeKind.Schema,
                "content" => NodeKind.MediaTypes,
                "headers" => NodeKind.NamedHeaders,
                "links" => NodeKind.NamedLinks,
                "examples" => NodeKind.Literal,
                _ => NodeKind.Other,
            },
            NodeKind.RequestBody => key == "content" ? NodeKind.MediaTypes : NodeKind.Other,
            NodeKind.MediaType => key switch
            {
                "schema" => NodeKind.Schema,
                "examples" => NodeKind.NamedExamples,
                "encoding" => NodeKind.Encodings,
                "example" => NodeKind.Literal,
                _ => NodeKind.Other,
            },
            NodeKind.Encoding => key == "headers" ? NodeKind.NamedHeaders : NodeKind.Other,
            NodeKind.Example => NodeKind.Literal,
            NodeKind.Schema => key switch
            {
                "properties" or "patternProperties" or "definitions" or "$defs" or "dependentSchemas" => NodeKind.NamedSchemas,
                "items" or "additionalProperties" or "not" or "contains" or "if" or "then" or "else" or "propertyNames"
                    or "additionalItems" or "unevaluatedProperties" or "unevaluatedItems" or "contentSchema" => NodeKind.Schema,
                "allOf" or "anyOf" or "oneOf" or "prefixItems" => NodeKind.SchemaList,
                "example" or "examples" or "default" or "enum" or "const" => NodeKind.Literal,
                _ => NodeKind.Other,
            },
            _ => NodeKind.Other,
        };
    }

    /// <summary>The kind of an item of a sequence of kind <paramref name="kind"/>.</summary>
    public static NodeKind Item(NodeKind kind) => kind switch
    {
        NodeKind.ParameterList => NodeKind.Parameter,
        NodeKind.SchemaList or NodeKind.Schema => NodeKind.Schema, // "items: [a, b]" is a tuple of schemas
        NodeKind.Literal => NodeKind.Literal,
        _ => NodeKind.Other,
    };

    /// <summary>
    /// The reusable section a <c>$ref</c> of this kind is copied into (<c>components/&lt;section&gt;</c>, or the root
    /// of a Swagger 2.0 document), or null when the target is copied in place instead.
    /// </summary>
    public static string? Section(NodeKind kind, bool swagger2) => kind switch
    {
        NodeKind.Schema => swagger2 ? "definitions" : "schemas",
        NodeKind.Parameter => "parameters",
        NodeKind.Response => "responses",
        NodeKind.RequestBody when !swagger2 => "requestBodies",
        NodeKind.Header when !swagger2 => "headers",
        NodeKind.Example when !swagger2 => "examples",
        NodeKind.Link when !swagger2 => "links",
        NodeKind.Callback when !swagger2 => "callbacks",
        NodeKind.SecurityScheme when !swagger2 => "securitySchemes",
        _ => null,
    };
}
