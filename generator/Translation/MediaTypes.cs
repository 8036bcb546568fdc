using System;
using System.Collections.Generic;
using Contracts.Generator.Model;
using Microsoft.OpenApi;

namespace Contracts.Generator.Translation;

/// <summary>Which of a body's or response's media types is handled, and how (<see cref="MediaCategory"/>).</summary>
internal static class MediaTypes
{
    /// <summary>
    /// The media type a body or response is handled as, by <see cref="MediaCategory"/> preference (document order
    /// breaks ties). A Swagger 2.0 document without <c>produces</c>/<c>consumes</c> gets <c>application/octet-stream</c>
    /// from the reader: with a schema that is not a file, that is JSON in practice.
    /// </summary>
    public static (string MediaType, MediaCategory Category)? Pick(IDictionary<string, IOpenApiMediaType> content, bool forRequest, bool isSwagger2)
    {
        (string MediaType, MediaCategory Category)? best = null;
        foreach (var entry in content)
        {
            var category = Categorize(entry.Key, forRequest);
            if (category == MediaCategory.Binary && isSwagger2 && IsOctetStream(entry.Key) && entry.Value.Schema is { } schema && !IsBinarySchema(schema))
            {
                category = MediaCategory.Json;
            }

            if (best is null || category < best.Value.Category)
            {
                best = (entry.Key, category);
            }
        }

        return best;
    }

    private static MediaCategory Categorize(string mediaType, bool forRequest)
    {
        var type = mediaType.Split(';')[0].Trim();
        if (IsJson(type))
        {
            return MediaCategory.Json;
        }

        if (StreamFormatOf(type) is not null)
        {
            return MediaCategory.Stream;
        }

        if (forRequest && type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return MediaCategory.Form;
        }

        if (forRequest && type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return MediaCategory.Multipart;
        }

        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ? MediaCategory.Text : MediaCategory.Binary;
    }

    /// <summary>
    /// How a streamed media type frames its items (<c>text/event-stream</c>; JSON Lines under its four names;
    /// <c>application/json-seq</c>, RFC 7464), or null when <paramref name="mediaType"/> is not a stream of items.
    /// </summary>
    public static StreamFormat? StreamFormatOf(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        if (type.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return StreamFormat.ServerSentEvents;
        }

        if (type.Equals("application/jsonl", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-jsonlines", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/jsonlines", StringComparison.OrdinalIgnoreCase))
        {
            return StreamFormat.JsonLines;
        }

        return type.Equals("application/json-seq", StringComparison.OrdinalIgnoreCase) ? StreamFormat.JsonSequence : null;
    }

    private static bool IsOctetStream(string mediaType) =>
        mediaType.Split(';')[0].Trim().Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>type: string, format: binary</c>, or Swagger 2.0's <c>type: file</c>.</summary>
    public static bool IsBinarySchema(IOpenApiSchema? schema) =>
        schema is not null && (schema.TypeName() == "file" || (schema.TypeName() == "string" && schema.Format == "binary"));

    public static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("*/*", StringComparison.Ordinal)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
