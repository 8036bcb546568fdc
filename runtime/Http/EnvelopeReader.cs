using System;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Contracts.Runtime.Json;

namespace Contracts.Runtime.Http;

/// <summary>Reads <c>{"success": …, "data": …, "error": …}</c> envelopes in one pass over the body.</summary>
internal static class EnvelopeReader
{
    /// <summary>
    /// Returns the data of a success envelope, or throws <see cref="ApiException"/> (typed with the error for a failure
    /// envelope) for anything else: an empty, non-JSON or malformed body, or an envelope missing the member its flag promises.
    /// </summary>
    public static TData Read<TData, TError>(byte[] body, HttpStatusCode status, string operationName, EnvelopeShape<TError> shape, JsonTypeInfo<TData> dataTypeInfo) =>
        Read(new ReadOnlySpan<byte>(body ?? throw new ArgumentNullException(nameof(body))), status, operationName, shape, dataTypeInfo);

    /// <summary>As <see cref="Read{TData, TError}(byte[], HttpStatusCode, string, EnvelopeShape{TError}, JsonTypeInfo{TData})"/>, over a body still in its pooled buffer.</summary>
    internal static TData Read<TData, TError>(ReadOnlySpan<byte> body, HttpStatusCode status, string operationName, EnvelopeShape<TError> shape, JsonTypeInfo<TData> dataTypeInfo)
    {
        if (body.Length == 0)
        {
            throw new ApiException(operationName, status, "the response body is empty", responseExcerpt: string.Empty);
        }

        bool? success = null;
        TData? data = default;
        var hasData = false;
        TError? error = default;
        var hasError = false;
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotAnEnvelope(body, status, operationName, "the response body is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(shape.SuccessProperty.EncodedUtf8Bytes))
                {
                    reader.Read();
                    success = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw NotAnEnvelope(body, status, operationName, "the member '" + shape.SuccessProperty + "' is not a boolean"),
                    };
                }
                else if (reader.ValueTextEquals(shape.DataProperty.EncodedUtf8Bytes))
                {
                    reader.Read();
                    hasData = reader.TokenType != JsonTokenType.Null;
                    data = hasData ? ReadMember(ref reader, dataTypeInfo, body, status, operationName, shape.DataProperty) : default;
                }
                else if (reader.ValueTextEquals(shape.ErrorProperty.EncodedUtf8Bytes))
                {
                    reader.Read();
                    hasError = reader.TokenType != JsonTokenType.Null;
                    error = hasError ? ReadMember(ref reader, shape.ErrorTypeInfo, body, status, operationName, shape.ErrorProperty) : default;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Anything after the closing brace other than white space makes the body malformed.
            if (reader.Read())
            {
                throw NotAnEnvelope(body, status, operationName, "the response body has content after the envelope");
            }
        }
        catch (JsonException exception)
        {
            throw new ApiException(operationName, status, "the response body is not valid JSON: " + JsonErrors.Describe(exception), responseExcerpt: ResponseText.Excerpt(body), innerException: exception);
        }

        switch (success)
        {
            case true when hasData && (int)status is >= 200 and < 300:
                return data!;
            case true when hasData:
                throw new ApiException(operationName, status, "the envelope reports success but the HTTP status is an error", responseExcerpt: ResponseText.Excerpt(body));
            case true:
                throw NotAnEnvelope(body, status, operationName, "the envelope reports success but has no '" + shape.DataProperty + "' member");
            case false when hasError:
                return ThrowServiceError<TData, TError>(operationName, status, shape, error!, body);
            case false:
                throw NotAnEnvelope(body, status, operationName, "the envelope reports failure but has no '" + shape.ErrorProperty + "' member");
            default:
                throw NotAnEnvelope(body, status, operationName, "the response body has no boolean '" + shape.SuccessProperty + "' member");
        }
    }

    private static T ReadMember<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo, ReadOnlySpan<byte> body, HttpStatusCode status, string operationName, JsonEncodedText member)
    {
        try
        {
            // One pass through the generated converter; JsonSerializer (which reads the value twice) only when that fails.
            return JsonValueReader.Read(ref reader, typeInfo)!;
        }
        catch (JsonException exception)
        {
            throw new ApiException(operationName, status, "the member '" + member + "' could not be read: " + JsonErrors.Describe(exception), responseExcerpt: ResponseText.Excerpt(body), innerException: exception);
        }
    }

    private static TData ThrowServiceError<TData, TError>(string operationName, HttpStatusCode status, EnvelopeShape<TError> shape, TError error, ReadOnlySpan<byte> body) =>
        throw new ApiException<TError>(operationName, status, "the service returned an error", error, shape.ErrorCode(error), shape.ErrorMessage(error), ResponseText.Excerpt(body));

    private static ApiException NotAnEnvelope(ReadOnlySpan<byte> body, HttpStatusCode status, string operationName, string reason) =>
        new(operationName, status, reason, responseExcerpt: ResponseText.Excerpt(body));
}
