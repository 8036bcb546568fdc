using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace Contracts.Runtime.Http;

/// <summary>
/// Keeps a request's credentials out of exception messages. Services and proxies echo requests into error pages,
/// so every credential the request carried is replaced with <c>***</c> in what an <see cref="ApiException"/> prints:
/// the <c>Authorization</c> and <c>Proxy-Authorization</c> values (whole, their credential after the scheme, each
/// <c>key=value</c> parameter, a Basic password), cookie values, and the values of headers and query parameters whose
/// names say they hold a credential (<c>X-Api-Key</c>, <c>api_key</c>, <c>access_token</c>, <c>X-Amz-Security-Token</c>…).
/// It reads the request after it was sent, so headers added by <see cref="HttpClient.DefaultRequestHeaders"/> and
/// by handlers (SigV4 signing) are included.
/// </summary>
internal sealed class CredentialScrubber
{
    /// <summary>What replaces a credential; records print hidden members the same way.</summary>
    internal const string Mark = "***";

    /// <summary>Shorter values are left alone: they cannot be meaningful secrets and replacing them would garble the text.</summary>
    internal const int MinimumLength = 6;

    private static readonly HashSet<string> s_secretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "auth", "key", "apikey", "token", "secret", "password", "passwd", "passphrase",
        "credential", "credentials", "session", "signature", "sig", "cookie",
    };

    // Paging tokens and idempotency keys identify requests, not callers (as the generator decides for members).
    private static readonly HashSet<string> s_publicWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "page", "next", "continuation", "pagination", "marker", "idempotency",
    };

    private readonly List<string> _secrets;

    private CredentialScrubber(List<string> secrets)
    {
        // Longest first, so that a credential containing another one is replaced whole.
        secrets.Sort((a, b) => b.Length != a.Length ? b.Length.CompareTo(a.Length) : string.CompareOrdinal(a, b));
        _secrets = secrets;
    }

    public bool IsEmpty => _secrets.Count == 0;

    /// <summary>The credentials <paramref name="request"/> carried (none for a null request).</summary>
    public static CredentialScrubber From(HttpRequestMessage? request)
    {
        var secrets = new List<string>();
        if (request is null)
        {
            return new CredentialScrubber(secrets);
        }

        foreach (var header in request.Headers)
        {
            foreach (var value in header.Value)
            {
                AddHeader(secrets, header.Key, value);
            }
        }

        if (request.RequestUri is { IsAbsoluteUri: true } uri && uri.Query.Length > 1)
        {
            foreach (var pair in uri.Query.Substring(1).Split('&'))
            {
                var equals = pair.IndexOf('=');
                if (equals > 0 && IsSecretName(Unescape(pair.Substring(0, equals))))
                {
                    var raw = pair.Substring(equals + 1);
                    Add(secrets, raw);
                    Add(secrets, Unescape(raw));
                }
            }
        }

        return new CredentialScrubber(secrets);
    }

    /// <summary>For tests and callers with their own secrets: scrubs exactly <paramref name="secrets"/>.</summary>
    internal static CredentialScrubber Of(params string[] secrets)
    {
        var list = new List<string>();
        foreach (var secret in secrets)
        {
            Add(list, secret);
        }

        return new CredentialScrubber(list);
    }

    /// <summary>
    /// Replaces every credential in <paramref name="text"/>. An excerpt cut off inside a credential (it ends with
    /// "…") would still show the credential's start, so a trailing start of one is replaced too.
    /// </summary>
    public string? Scrub(string? text)
    {
        if (text is null || text.Length == 0 || _secrets.Count == 0)
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text!.Replace(secret, Mark);
        }

        return ScrubCutOffCredential(text!);
    }

    private string ScrubCutOffCredential(string text)
    {
        var end = text.Length;
        if (end > 0 && text[end - 1] == '…')
        {
            end--;
        }

        foreach (var secret in _secrets)
        {
            // The longest start of the credential that the text ends with (a start of 1–2 characters says nothing).
            for (var length = Math.Min(secret.Length - 1, end); length >= 3; length--)
            {
                if (string.CompareOrdinal(text, end - length, secret, 0, length) == 0)
                {
                    return text.Substring(0, end - length) + Mark + text.Substring(end);
                }
            }
        }

        return text;
    }

    private static void AddHeader(List<string> secrets, string name, string value)
    {
        if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
        {
            AddAuthorization(secrets, value);
        }
        else if (string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase))
        {
            // Cookies carry sessions; every value counts.
            foreach (var cookie in value.Split(';'))
            {
                var equals = cookie.IndexOf('=');
                Add(secrets, equals < 0 ? cookie.Trim() : cookie.Substring(equals + 1).Trim());
            }
        }
        else if (IsSecretName(name))
        {
            Add(secrets, value);
        }
    }

    /// <summary><c>Bearer abc</c>: the whole value and <c>abc</c>; <c>AWS4-HMAC-SHA256 Credential=…, Signature=…</c>: each parameter and the access key id too; Basic: the decoded pair and password.</summary>
    private static void AddAuthorization(List<string> secrets, string value)
    {
        Add(secrets, value);
        var space = value.IndexOf(' ');
        if (space < 0)
        {
            return;
        }

        var scheme = value.Substring(0, space);
        var credential = value.Substring(space + 1).Trim();
        Add(secrets, credential);
        foreach (var parameter in credential.Split(','))
        {
            var equals = parameter.IndexOf('=');
            if (equals > 0 && equals < parameter.Length - 1)
            {
                var parameterValue = parameter.Substring(equals + 1).Trim().Trim('"');
                Add(secrets, parameterValue);

                // SigV4's Credential=<access key id>/<date>/<region>/<service>/aws4_request: the key id alone too.
                if (string.Equals(parameter.Substring(0, equals).Trim(), "Credential", StringComparison.OrdinalIgnoreCase))
                {
                    Add(secrets, parameterValue.Split('/')[0]);
                }
            }
        }

        if (string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(credential));
                Add(secrets, pair);
                var colon = pair.IndexOf(':');
                Add(secrets, colon < 0 ? pair : pair.Substring(colon + 1));
            }
            catch (FormatException)
            {
                // Not base64: the value itself is already scrubbed.
            }
        }
    }

    private static void Add(List<string> secrets, string value)
    {
        if (value.Length >= MinimumLength && !secrets.Contains(value))
        {
            secrets.Add(value);
        }
    }

    private static string Unescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    /// <summary><c>X-Api-Key</c>, <c>api_key</c>, <c>access_token</c>, <c>X-Amz-Security-Token</c> are; <c>nextPageToken</c>, <c>Idempotency-Key</c> are not.</summary>
    internal static bool IsSecretName(string name)
    {
        var words = NameWords.Split(name);
        var secret = false;
        foreach (var word in words)
        {
            if (s_publicWords.Contains(word))
            {
                return false;
            }

            secret |= s_secretWords.Contains(word);
        }

        return secret;
    }
}
