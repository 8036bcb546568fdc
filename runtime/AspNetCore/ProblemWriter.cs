using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// Writes RFC 9457 problem details (<c>application/problem+json</c>) in the shape ASP.NET Core's validation problems
/// have, with a <see cref="Utf8JsonWriter"/>: no reflection, and every request value escaped as JSON text.
/// </summary>
internal static class ProblemWriter
{
    public static async Task WriteAsync(HttpContext context, int status, string? detail, string operationId, IReadOnlyList<KeyValuePair<string, List<string>>> errors)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        // The response's pipe, not its stream: the serializer flushes the writer, which must not block on the socket.
        var writer = new Utf8JsonWriter(response.BodyWriter);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeOf(status));
            writer.WriteString("title", TitleOf(status));
            writer.WriteNumber("status", status);
            if (detail is not null)
            {
                writer.WriteString("detail", detail);
            }

            writer.WriteString("operation", operationId);
            if (errors.Count > 0)
            {
                writer.WriteStartObject("errors");
                foreach (var error in errors)
                {
                    writer.WriteStartArray(error.Key);
                    foreach (var message in error.Value)
                    {
                        writer.WriteStringValue(message);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.Flush();
            await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>An AWS JSON error: the type in the header AWS SDKs read first and in <c>__type</c>, with one message.</summary>
    public static Task WriteAwsAsync(HttpContext context, int status, string errorType, string message) =>
        WriteAwsAsync(context, status, errorType, message, static (writer, text) => writer.WriteString("message", text));

    /// <summary>An AWS JSON error whose members beside <c>__type</c> <paramref name="writeMembers"/> writes.</summary>
    public static async Task WriteAwsAsync<TState>(HttpContext context, int status, string errorType, TState state, Action<Utf8JsonWriter, TState> writeMembers)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/x-amz-json-1.1";
        response.Headers["X-Amzn-ErrorType"] = errorType;
        // The response's pipe, not its stream: the serializer flushes the writer, which must not block on the socket.
        var writer = new Utf8JsonWriter(response.BodyWriter);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", errorType);
            writeMembers(writer, state);
            writer.WriteEndObject();
            writer.Flush();
            await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static string TypeOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        StatusCodes.Status500InternalServerError => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    };

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body's media type is not supported.",
        StatusCodes.Status500InternalServerError => "The server could not answer the request.",
        _ => "One or more request values are not valid.",
    };
}
