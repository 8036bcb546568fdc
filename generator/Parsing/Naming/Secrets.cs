using System;
using System.Collections.Generic;
using System.Linq;

namespace Contracts.Generator.Parsing.Naming;

/// <summary>
/// Decides which members hold credentials, so generated records keep them out of <c>ToString()</c> (records print
/// every member by default, and logs are where keys leak).
/// </summary>
internal static class Secrets
{
    private static readonly HashSet<string> s_secretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "secret", "password", "passwd", "passphrase", "token", "credential", "credentials", "apikey", "privatekey",
    };

    // Tokens that only page through results are not secrets, and hiding them would only hinder debugging.
    private static readonly HashSet<string> s_pagingWords = new(StringComparer.OrdinalIgnoreCase) { "page", "next", "continuation", "pagination", "marker" };

    public static bool IsSecret(string jsonName, string? format, bool writeOnly)
    {
        if (writeOnly || string.Equals(format, "password", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var words = Contracts.Runtime.NameWords.Split(jsonName);
        if (words.Any(s_pagingWords.Contains) || IsIdempotencyToken(words))
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
