using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Contracts.Generator.Reading;

/// <summary>
/// Sets each Swagger 2.0 oauth2 scheme's flow from the tree the reader read. Microsoft.OpenApi's 2.0 security scheme
/// deserializer keeps the flow it is building in static fields (<c>OpenApiV2Deserializer._flowValue</c> and <c>_flow</c>),
/// so two 2.0 documents read at once (the compiler server and the IDE run the generator for several projects in parallel;
/// <c>contracts check</c> reads a folder in parallel) can swap or lose each other's flows. What this sets depends on the
/// tree alone, whatever the reader did.
/// </summary>
internal static class SwaggerOAuthFlows
{
    /// <summary>Replaces the flows of every oauth2 scheme under <c>securityDefinitions</c> in <paramref name="root"/> on <paramref name="document"/>.</summary>
    public static void Restore(JsonNode root, OpenApiDocument document)
    {
        if (root is not JsonObject { } top || top["securityDefinitions"] is not JsonObject definitions || document.Components?.SecuritySchemes is not { } schemes)
        {
            return;
        }

        foreach (var entry in definitions)
        {
            if (entry.Value is JsonObject definition && Text(definition["type"]) == "oauth2"
                && schemes.TryGetValue(entry.Key, out var read) && read is OpenApiSecurityScheme scheme)
            {
                scheme.Flows = Flows(definition);
            }
        }
    }

    /// <summary>The 3.0 flows a 2.0 definition declares; null when its <c>flow</c> is missing or not one of the four (as the reader leaves it).</summary>
    internal static OpenApiOAuthFlows? Flows(JsonObject definition)
    {
        var kind = Text(definition["flow"]);
        if (kind is not ("implicit" or "password" or "application" or "accessCode"))
        {
            return null;
        }

        var flow = new OpenApiOAuthFlow
        {
            AuthorizationUrl = Url(definition["authorizationUrl"]),
            TokenUrl = Url(definition["tokenUrl"]),
        };
        if (definition["scopes"] is JsonObject scopes)
        {
            var read = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var scope in scopes)
            {
                if (Text(scope.Value) is { } description)
                {
                    read[scope.Key] = description;
                }
            }

            flow.Scopes = read;
        }

        return kind switch
        {
            "implicit" => new OpenApiOAuthFlows { Implicit = flow },
            "password" => new OpenApiOAuthFlows { Password = flow },
            "application" => new OpenApiOAuthFlows { ClientCredentials = flow },
            _ => new OpenApiOAuthFlows { AuthorizationCode = flow },
        };
    }

    // A URL the reader could not have read (it throws on one) stays unset rather than failing here.
    private static Uri? Url(JsonNode? node) =>
        Text(node) is { } text && Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var url) ? url : null;

    /// <summary>A scalar as the reader reads it: a string as is, a number or boolean as written; null for anything else.</summary>
    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => null,
        }
        : null;
}
