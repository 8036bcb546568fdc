using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace Contracts.Runtime.Aws;

/// <summary>Reads the error type, message and request id of an AWS error response (AWS JSON and REST-JSON forms).</summary>
internal static class AwsErrorReader
{
    public static AwsErrorInfo Read(string operationName, HttpResponseMessage response, byte[] body)
    {
        // Precedence: the header, then __type, then a code member (Lightsail's bodies carry both __type and code).
        var headerType = Header(response, "X-Amzn-ErrorType");
        string? bodyType = null;
        string? code = null;
        string? message = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (body.Length > 0 && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        reader.Skip();
                        continue;
                    }

                    switch (name)
                    {
                        case "__type":
                            bodyType ??= reader.GetString();
                            break;
                        case "code":
                        case "Code":
                            code ??= reader.GetString();
                            break;
                        case "message":
                        case "Message":
                        case "errorMessage":
                            message ??= reader.GetString();
                            break;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML page from a proxy, say): the status and the excerpt tell the story.
        }

        var requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");
        var errorType = ShortName(headerType) ?? ShortName(bodyType) ?? ShortName(code) ?? (response.StatusCode == (HttpStatusCode)429 ? "TooManyRequestsException" : "UnknownError");
        return new AwsErrorInfo(operationName, response.StatusCode, errorType, message, requestId, body);
    }

    /// <summary><c>com.amazonaws.lightsail#NotFoundException</c> or <c>NotFoundException:http://…</c> → <c>NotFoundException</c>.</summary>
    internal static string? ShortName(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var name = type!;
        var hash = name.LastIndexOf('#');
        if (hash >= 0)
        {
            name = name.Substring(hash + 1);
        }

        var colon = name.IndexOf(':');
        if (colon >= 0)
        {
            name = name.Substring(0, colon);
        }

        name = name.Trim();
        return name.Length == 0 ? null : name;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues.FirstOrDefault()
        : null;
}
