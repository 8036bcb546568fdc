using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Runtime.Http;

/// <summary>
/// The error responses an operation declares with a schema, by status (<c>404</c>), range (<c>4XX</c>) or
/// <c>default</c>; the most specific one wins. A matching error body becomes an <see cref="ApiException{TError}"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ErrorResponses
{
    private readonly List<(string Pattern, Func<string, HttpStatusCode, byte[], ApiException?> Read)> _entries = new();

    /// <summary>Declares that responses matching <paramref name="pattern"/> carry a <typeparamref name="TError"/>.</summary>
    public ErrorResponses Add<TError>(string pattern, JsonTypeInfo<TError> typeInfo)
    {
        _entries.Add((pattern, (operation, status, body) => Read(operation, status, body, typeInfo)));
        return this;
    }

    /// <summary>The typed exception for an error response, or null when none is declared or the body does not match.</summary>
    internal ApiException? TryCreate(string operationName, HttpStatusCode status, byte[] body)
    {
        var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var range = code.Substring(0, 1) + "XX";
        foreach (var pattern in new[] { code, range, "default" })
        {
            foreach (var entry in _entries)
            {
                if (string.Equals(entry.Pattern, pattern, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Read(operationName, status, body);
                }
            }
        }

        return null;
    }

    private static ApiException? Read<TError>(string operationName, HttpStatusCode status, byte[] body, JsonTypeInfo<TError> typeInfo)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, typeInfo);
            return error is null ? null
                : new ApiException<TError>(operationName, status, "the service returned an error status", error, null, null, ResponseText.Excerpt(body));
        }
        catch (JsonException)
        {
            // Not the declared shape (a proxy's HTML page, say): the caller gets the untyped exception with the excerpt.
            return null;
        }
    }
}
