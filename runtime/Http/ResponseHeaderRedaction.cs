using System;

namespace Contracts.Runtime.Http;

/// <summary>
/// What an <see cref="ApiException"/> keeps of a response header: a <c>Set-Cookie</c> keeps its cookie's name and
/// attributes but not its value (a session); a header named like a credential (<c>X-Auth-Token</c>) keeps nothing;
/// any other value is kept, and later scrubbed of the request's credentials with the rest of the exception.
/// </summary>
internal static class ResponseHeaderRedaction
{
    public static string Redact(string name, string value)
    {
        if (string.Equals(name, "Set-Cookie", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Set-Cookie2", StringComparison.OrdinalIgnoreCase))
        {
            // session=abc123; Path=/; HttpOnly → session=***; Path=/; HttpOnly
            var equals = value.IndexOf('=');
            var end = value.IndexOf(';');
            if (end < 0)
            {
                end = value.Length;
            }

            return equals < 0 || equals > end
                ? CredentialScrubber.Mark + value.Substring(end)
                : value.Substring(0, equals + 1) + CredentialScrubber.Mark + value.Substring(end);
        }

        return CredentialScrubber.IsSecretName(name) ? CredentialScrubber.Mark : value;
    }
}
