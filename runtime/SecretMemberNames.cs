using System;
using System.Collections.Generic;

namespace Contracts.Runtime;

/// <summary>
/// Which member and parameter names say their value is a credential (<c>password</c>, <c>client_secret</c>,
/// <c>apiKey</c>, <c>refresh_token</c>, <c>privateKey</c>), and which only look like one (<c>nextPageToken</c>,
/// <c>clientToken</c>). One rule for the generator (generated records keep these members out of <c>ToString()</c>;
/// generated clients mark such path parameters) and the runtime (values sent under these names in request bodies are
/// scrubbed from exception messages): the generator compiles this file too, linked. Narrower than the header and query
/// rule (<c>CredentialScrubber.IsSecretName</c>): in bodies, <c>Key</c> and <c>session</c> name data.
/// </summary>
internal static class SecretMemberNames
{
    private static readonly HashSet<string> s_secretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "secret", "password", "passwd", "passphrase", "token", "credential", "credentials", "apikey", "privatekey",
    };

    // Tokens that only page through results are not secrets, and hiding them would only hinder debugging.
    private static readonly HashSet<string> s_pagingWords = new(StringComparer.OrdinalIgnoreCase) { "page", "next", "continuation", "pagination", "marker" };

    public static bool IsSecret(string name)
    {
        var words = NameWords.Split(name);
        foreach (var word in words)
        {
            if (s_pagingWords.Contains(word))
            {
                return false;
            }
        }

        if (IsIdempotencyToken(words))
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (s_secretWords.Contains(words[i]) || (i + 1 < words.Count && s_secretWords.Contains(words[i] + words[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>clientToken</c>, <c>clientRequestToken</c>, <c>idempotencyToken</c>: request ids that make retries safe, not credentials.</summary>
    private static bool IsIdempotencyToken(List<string> words) =>
        words.Count >= 2 && string.Equals(words[words.Count - 1], "token", StringComparison.OrdinalIgnoreCase)
        && (string.Equals(words[0], "client", StringComparison.OrdinalIgnoreCase) || string.Equals(words[0], "idempotency", StringComparison.OrdinalIgnoreCase));
}
