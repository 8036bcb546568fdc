using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Contracts.Runtime.Streaming;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

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
#if NET9_0_OR_GREATER
        // Straight into the response's pipe: no intermediate stream buffer per response.
        return JsonSerializer.SerializeAsync(response.BodyWriter, value, typeInfo, context.RequestAborted);
#else
        return JsonSerializer.SerializeAsync(response.Body, value, typeInfo, context.RequestAborted);
#endif
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

    /// <summary>
    /// Writes an envelope (<c>{"success": true, "data": …}</c>, or <c>false</c> and the error member) with
    /// <paramref name="statusCode"/>: the members are the document's names, <paramref name="value"/> through the context.
    /// </summary>
    public static async Task WriteEnvelopeAsync<T>(HttpContext context, int statusCode, string successProperty, bool success, string valueProperty, T value, JsonTypeInfo<T> typeInfo)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        // The response's pipe, not its stream: the serializer flushes the writer, which must not block on the socket.
        var writer = new Utf8JsonWriter(response.BodyWriter);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteBoolean(successProperty, success);
            writer.WritePropertyName(valueProperty);
            JsonSerializer.Serialize(writer, value, typeInfo);
            writer.WriteEndObject();
            writer.Flush();
            await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes a declared AWS JSON error whose description gives it no members: <paramref name="errorType"/> in the
    /// <c>X-Amzn-ErrorType</c> header and as <c>__type</c>, with <paramref name="message"/> (none when null), as AWS
    /// services write their errors.
    /// </summary>
    public static Task WriteAwsErrorAsync(HttpContext context, int statusCode, string errorType, string? message) =>
        ProblemWriter.WriteAwsAsync(
            context ?? throw new ArgumentNullException(nameof(context)),
            statusCode,
            errorType,
            message,
            static (writer, text) =>
            {
                if (text is not null)
                {
                    writer.WriteString("message", text);
                }
            });

    /// <summary>
    /// Writes a declared AWS JSON error: <paramref name="errorType"/> in the <c>X-Amzn-ErrorType</c> header and as
    /// <c>__type</c>, beside the members of <paramref name="details"/> (none when null).
    /// </summary>
    public static Task WriteAwsErrorAsync<T>(HttpContext context, int statusCode, string errorType, T? details, JsonTypeInfo<T>? typeInfo) =>
        ProblemWriter.WriteAwsAsync(
            context ?? throw new ArgumentNullException(nameof(context)),
            statusCode,
            errorType,
            (Details: details, TypeInfo: typeInfo),
            static (writer, state) =>
            {
                if (state.Details is null || state.TypeInfo is null)
                {
                    return;
                }

                using var members = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(state.Details, state.TypeInfo));
                if (members.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return;
                }

                foreach (var member in members.RootElement.EnumerateObject())
                {
                    if (member.Name != "__type")
                    {
                        member.WriteTo(writer);
                    }
                }
            });

    /// <summary>
    /// Streams <paramref name="items"/> as they come, each flushed: server-sent events (<c>data:</c> lines), JSON
    /// lines or a JSON text sequence. Stops when the caller goes away.
    /// </summary>
    public static async Task WriteEventsAsync<T>(HttpContext context, int statusCode, IAsyncEnumerable<T> items, JsonTypeInfo<T> typeInfo, StreamFormat format)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = format switch
        {
            StreamFormat.ServerSentEvents => "text/event-stream",
            StreamFormat.JsonSequence => "application/json-seq",
            _ => "application/jsonl",
        };
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // The headers go out now: a caller waits for them before the first item, which may take a while to come.
        var body = response.BodyWriter;
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        var writer = new Utf8JsonWriter(body);
        await using (writer.ConfigureAwait(false))
        {
            await foreach (var item in items.WithCancellation(context.RequestAborted).ConfigureAwait(false))
            {
                // The serializer writes one line (newlines inside strings are escaped), so one data line holds an item.
                Write(body, format == StreamFormat.ServerSentEvents ? "data: "u8 : format == StreamFormat.JsonSequence ? "\u001e"u8 : default);
                writer.Reset(body);
                JsonSerializer.Serialize(writer, item, typeInfo);
                writer.Flush();
                Write(body, format == StreamFormat.ServerSentEvents ? "\n\n"u8 : "\n"u8);
                await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    private static void Write(System.IO.Pipelines.PipeWriter body, ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            bytes.CopyTo(body.GetSpan(bytes.Length));
            body.Advance(bytes.Length);
        }
    }
}
