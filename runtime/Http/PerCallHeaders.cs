using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Contracts.Runtime.Http;

/// <summary>
/// Puts the extra headers of <see cref="RequestOptions.Headers"/> and <see cref="RequestOptions.IdempotencyKey"/> on a
/// request before it is sent: the client's defaults first, then the call's, each replacing a header of the same name.
/// Every name and value is checked first, so a refused one fails the call before anything is sent.
/// </summary>
internal static class PerCallHeaders
{
    /// <summary>The header <see cref="RequestOptions.IdempotencyKey"/> is sent as; retry handlers read it to decide whether a call may go again.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    // Headers that describe the body: HttpClient keeps them on the content, not on the request.
    private static readonly HashSet<string> s_contentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5",
        "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };

    // Framing headers: the transport writes them from the request itself; a second value would corrupt the message.
    private static readonly HashSet<string> s_refused = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding",
    };

    /// <summary>Applies the headers of <paramref name="clientDefaults"/>, then those of <paramref name="callOptions"/>; nothing is allocated when neither has any.</summary>
    /// <exception cref="ArgumentException">A name or value is refused; the message names the header.</exception>
    public static void Apply(HttpRequestMessage request, RequestOptions? clientDefaults, RequestOptions? callOptions)
    {
        var fromClient = clientDefaults?.HasHeaders == true;
        var fromCall = callOptions?.HasHeaders == true;
        if (!fromClient && !fromCall)
        {
            return;
        }

        if (fromClient)
        {
            Check(request, clientDefaults!);
        }

        if (fromCall)
        {
            Check(request, callOptions!);
        }

        if (fromClient)
        {
            Set(request, clientDefaults!);
        }

        if (fromCall)
        {
            Set(request, callOptions!);
        }
    }

    private static void Check(HttpRequestMessage request, RequestOptions options)
    {
        if (options.HeadersOrNull is { } headers)
        {
            foreach (var header in headers)
            {
                Check(request, header.Key, header.Value, nameof(RequestOptions.Headers));
            }
        }

        if (options.IdempotencyKey is { } key)
        {
            Check(request, IdempotencyKeyHeader, key, nameof(RequestOptions.IdempotencyKey));
        }
    }

    private static void Check(HttpRequestMessage request, string name, string? value, string parameterName)
    {
        if (!IsToken(name))
        {
            throw new ArgumentException("The request header name '" + ResponseText.Printable(name, ResponseText.MaxQuotedLength) + "' is not a valid HTTP header name.", parameterName);
        }

        if (s_refused.Contains(name))
        {
            throw new ArgumentException("The request header '" + name + "' cannot be set per call: the transport sets it from the request.", parameterName);
        }

        if (value is null)
        {
            throw new ArgumentException("The request header '" + name + "' has no value.", parameterName);
        }

        if (value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0 || value.IndexOf('\0') >= 0)
        {
            // The value is not repeated: it may be a credential.
            throw new ArgumentException("The value of request header '" + name + "' contains a line break or NUL.", parameterName);
        }

        if (request.Content is null && s_contentHeaders.Contains(name))
        {
            throw new ArgumentException("The request header '" + name + "' describes a body, and this request has none.", parameterName);
        }
    }

    private static void Set(HttpRequestMessage request, RequestOptions options)
    {
        if (options.HeadersOrNull is { } headers)
        {
            foreach (var header in headers)
            {
                Set(request, header.Key, header.Value);
            }
        }

        if (options.IdempotencyKey is { } key)
        {
            Set(request, IdempotencyKeyHeader, key);
        }
    }

    private static void Set(HttpRequestMessage request, string name, string value)
    {
        if (s_contentHeaders.Contains(name))
        {
            var content = request.Content!.Headers;
            content.Remove(name);
            content.TryAddWithoutValidation(name, value);
            return;
        }

        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>An RFC 9110 token: the only characters a field name may have.</summary>
    private static bool IsToken(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var c in name!)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
                or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
