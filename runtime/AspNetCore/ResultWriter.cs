using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Contracts.Runtime.AspNetCore;

/// <summary>Writes a generated endpoint's result: the status the handler chose and its body, through the generated JSON context.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResultWriter
{
    /// <summary>Writes <paramref name="value"/> as JSON with <paramref name="statusCode"/>.</summary>
    public static Task WriteJsonAsync<T>(HttpContext context, int statusCode, T value, JsonTypeInfo<T> typeInfo)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(response.Body, value, typeInfo, context.RequestAborted);
    }

    /// <summary>Writes <paramref name="text"/> in UTF-8 as <paramref name="mediaType"/> with <paramref name="statusCode"/>.</summary>
    public static Task WriteTextAsync(HttpContext context, int statusCode, string text, string mediaType)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = mediaType.IndexOf("charset", StringComparison.OrdinalIgnoreCase) < 0 ? mediaType + "; charset=utf-8" : mediaType;
        return response.WriteAsync(text ?? string.Empty, context.RequestAborted);
    }

    /// <summary>Copies <paramref name="body"/> as <paramref name="mediaType"/> with <paramref name="statusCode"/>, then disposes it.</summary>
    public static async Task WriteStreamAsync(HttpContext context, int statusCode, Stream body, string mediaType)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        await using (body.ConfigureAwait(false))
        {
            var response = context.Response;
            response.StatusCode = statusCode;
            response.ContentType = mediaType;
            if (body.CanSeek)
            {
                response.ContentLength = body.Length - body.Position;
            }

            await body.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Answers <paramref name="statusCode"/> with no body.</summary>
    public static Task WriteEmptyAsync(HttpContext context, int statusCode)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        context.Response.StatusCode = statusCode;
        return Task.CompletedTask;
    }

    /// <summary>
    /// The handler returned a result it never chose a response for (<c>default</c>): a <c>500</c> problem naming the
    /// operation, instead of a response the document does not declare.
    /// </summary>
    public static Task WriteNoResultAsync(HttpContext context, string operationId) =>
        ProblemWriter.WriteAsync(
            context ?? throw new ArgumentNullException(nameof(context)),
            StatusCodes.Status500InternalServerError,
            "The handler of '" + operationId + "' returned no result.",
            operationId,
            Array.Empty<KeyValuePair<string, List<string>>>());
}
