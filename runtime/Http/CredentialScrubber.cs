using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace Contracts.Runtime.Http;

/// <summary>
/// Keeps a request's credentials out of exception messages. Services and proxies echo requests into error pages,
/// so every credential the request carried is replaced with <c>***</c> in what an <see cref="ApiException"/> prints:
/// the <c>Authorization</c> and <c>Proxy-Authorization</c> values (whole, their credential after the scheme, each
/// <c>key=value</c> parameter, a Basic password), cookie values, the values of headers and query parameters whose
/// names say they hold a credential (<c>X-Api-Key</c>, <c>api_key</c>, <c>access_token</c>, <c>X-Amz-Security-Token</c>…),
/// values sent in the body under such member names (<see cref="SecretMemberNames"/>: a form's <c>client_secret</c>, a
/// JSON <c>password</c>, everything inside a JSON <c>credentials</c> object, a multipart <c>uploadToken</c>), and path
/// values the generated client marked (<see cref="ContractsHttp.MarkCredential"/>). A credential is found however the
/// server quoted it: as sent, JSON-escaped (<c>\u002B</c> or any other character as <c>\uXXXX</c>, <c>\/</c>),
/// percent-encoded, form-encoded (<c>+</c> for a space) or as HTML character references, in any mix.
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

        foreach (var marked in ContractsHttp.MarkedCredentials(request))
        {
            Add(secrets, marked);
        }

        AddBody(secrets, request.Content, everything: false);
        return new CredentialScrubber(secrets);
    }

    /// <summary>
    /// The secrets a client's configured credentials hold (keys, tokens, passwords, client secrets, fetched access
    /// tokens), whether or not the request carried them by a name the scrubber recognizes.
    /// </summary>
    public static CredentialScrubber Learned(IEnumerable<string> secrets)
    {
        var list = new List<string>();
        foreach (var secret in secrets)
        {
            Add(list, secret);
        }

        return new CredentialScrubber(list);
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
    /// Replaces every credential in <paramref name="text"/>, in whatever encoding it appears. Text cut off inside a
    /// credential (an excerpt or a bounded field ends with "…") would still show the credential's start, so a start
    /// of one (3 characters or more) that runs into the end of the text or into a "…" is replaced too.
    /// </summary>
    public string? Scrub(string? text)
    {
        if (text is null || text.Length == 0 || _secrets.Count == 0)
        {
            return text;
        }

        StringBuilder? builder = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!CouldStartEcho(text[i]))
            {
                continue;
            }

            foreach (var secret in _secrets)
            {
                var end = Match(text, i, secret, 0);
                if (end < 0)
                {
                    continue;
                }

                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, i - copied).Append(Mark);
                copied = end;
                i = end - 1;
                break;
            }
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private bool CouldStartEcho(char c)
    {
        if (c is '\\' or '%' or '&' or '+')
        {
            return true;
        }

        foreach (var secret in _secrets)
        {
            if (secret[0] == c)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where an echo of <paramref name="secret"/> (from its character <paramref name="j"/> on) that starts at
    /// <paramref name="position"/> ends, or -1. Each character may be quoted its own way; where the character itself
    /// starts an escape (<c>\</c>, <c>%</c>, <c>&amp;</c>), both readings are tried.
    /// </summary>
    private static int Match(string text, int position, string secret, int j)
    {
        var start = position;
        for (; j < secret.Length; j++)
        {
            if (position >= text.Length || text[position] == ResponseText.CutMark)
            {
                // Cut off inside the credential: enough of it to say which one goes too.
                return j >= CutOffMinimum && position > start ? position : -1;
            }

            var c = secret[j];
            var units = char.IsHighSurrogate(c) && j + 1 < secret.Length && char.IsLowSurrogate(secret[j + 1]) ? 2 : 1;
            var encoded = MatchEncoded(text, position, secret, j, units);
            if (text[position] == c && units == 1)
            {
                if (encoded > 0 && c is '\\' or '%' or '&')
                {
                    var viaEncoded = Match(text, encoded, secret, j + 1);
                    if (viaEncoded >= 0)
                    {
                        return viaEncoded;
                    }
                }

                position++;
                continue;
            }

            if (units == 2 && position + 1 < text.Length && text[position] == c && text[position + 1] == secret[j + 1])
            {
                position += 2;
                j++;
                continue;
            }

            if (encoded < 0)
            {
                return -1;
            }

            position = encoded;
            j += units - 1;
        }

        return position;
    }

    /// <summary>A start of a credential shorter than this says nothing about which one it is.</summary>
    private const int CutOffMinimum = 3;

    /// <summary>The end of one encoded character (the <paramref name="units"/> UTF-16 units of secret at <paramref name="j"/>) at <paramref name="position"/>, or -1.</summary>
    private static int MatchEncoded(string text, int position, string secret, int j, int units)
    {
        var c = secret[j];
        var codePoint = units == 2 ? char.ConvertToUtf32(c, secret[j + 1]) : c;
        switch (text[position])
        {
            case '+' when c == ' ':
                return position + 1;
            case '\\':
                if (units == 1 && position + 1 < text.Length && text[position + 1] == c && c is '/' or '"' or '\\')
                {
                    return position + 2;
                }

                // JSON's \uXXXX, one per UTF-16 unit (a pair is two escapes).
                var end = position;
                for (var unit = 0; unit < units; unit++)
                {
                    if (end + 6 > text.Length || text[end] != '\\' || text[end + 1] != 'u' || !TryHex(text, end + 2, 4, out var value) || value != secret[j + unit])
                    {
                        return -1;
                    }

                    end += 6;
                }

                return end;
            case '%':
                // Percent-encoding of the character's UTF-8 bytes, upper or lower case.
                var bytes = Encoding.UTF8.GetBytes(secret.Substring(j, units));
                var at = position;
                foreach (var b in bytes)
                {
                    if (at + 3 > text.Length || text[at] != '%' || !TryHex(text, at + 1, 2, out var value) || value != b)
                    {
                        return -1;
                    }

                    at += 3;
                }

                return at;
            case '&':
                return MatchHtml(text, position, codePoint);
            default:
                return -1;
        }
    }

    /// <summary>An HTML character reference to <paramref name="codePoint"/> at <paramref name="position"/>: <c>&amp;#43;</c>, <c>&amp;#x2B;</c>, or a named one for the five markup characters.</summary>
    private static int MatchHtml(string text, int position, int codePoint)
    {
        var semicolon = text.IndexOf(';', position);
        if (semicolon < 0 || semicolon - position > 12)
        {
            return -1;
        }

        var reference = text.Substring(position + 1, semicolon - position - 1);
        int value;
        if (reference.Length > 2 && reference[0] == '#' && (reference[1] == 'x' || reference[1] == 'X'))
        {
            if (!TryHex(reference, 2, reference.Length - 2, out value))
            {
                return -1;
            }
        }
        else if (reference.Length > 1 && reference[0] == '#')
        {
            if (!int.TryParse(reference.Substring(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value))
            {
                return -1;
            }
        }
        else
        {
            value = reference switch
            {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => -1,
            };
        }

        return value == codePoint ? semicolon + 1 : -1;
    }

    private static bool TryHex(string text, int start, int length, out int value)
    {
        value = 0;
        if (length <= 0 || length > 6 || start + length > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0)
            {
                return false;
            }

            value = (value * 16) + digit;
        }

        return true;
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

    /// <summary>
    /// Values sent in the body under a credential's name (<see cref="SecretMemberNames"/>), or every value when
    /// <paramref name="everything"/> (a multipart part whose name is one). Only bodies the runtime built are read: they
    /// are in memory, and reading them does not consume a stream.
    /// </summary>
    private static void AddBody(List<string> secrets, HttpContent? content, bool everything)
    {
        switch (content)
        {
            case Utf8JsonContent json:
                AddJson(secrets, json.Utf8Json, everything);
                break;
            case FormBody.FormContent form:
                foreach (var field in form.Fields)
                {
                    if (everything || SecretMemberNames.IsSecret(field.Key))
                    {
                        Add(secrets, field.Value);
                    }
                }

                break;
            case MultipartBody.TextField field:
                if (everything)
                {
                    Add(secrets, field.Text);
                }

                break;
            case MultipartContent parts:
                foreach (var part in parts)
                {
                    var name = part.Headers.ContentDisposition?.Name?.Trim('"');
                    AddBody(secrets, part, everything || (name is not null && SecretMemberNames.IsSecret(name)));
                }

                break;
        }
    }

    /// <summary>The string and number values under credential-named members, at any depth; everything inside such a member.</summary>
    private static void AddJson(List<string> secrets, byte[] utf8Json, bool everything)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 1024 });
        var secretDepth = everything ? 0 : -1;
        var nextIsSecret = false;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        nextIsSecret = secretDepth < 0 && SecretMemberNames.IsSecret(reader.GetString()!);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (nextIsSecret)
                        {
                            secretDepth = reader.CurrentDepth;
                            nextIsSecret = false;
                        }

                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (!everything && reader.CurrentDepth == secretDepth)
                        {
                            secretDepth = -1;
                        }

                        break;
                    case JsonTokenType.String or JsonTokenType.Number:
                        if (nextIsSecret || secretDepth >= 0)
                        {
                            Add(secrets, reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan.ToArray()));
                        }

                        nextIsSecret = false;
                        break;
                    default:
                        nextIsSecret = false;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: what was read so far is kept.
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
