using System;

namespace Contracts.Runtime.Authentication;

/// <summary>An access token and when it expires (null: unknown). <see cref="ToString"/> never shows the token.</summary>
public sealed class AccessToken
{
    /// <summary>A token and its expiry.</summary>
    /// <exception cref="ArgumentException">The token is null or empty.</exception>
    public AccessToken(string token, DateTimeOffset? expiresOn)
    {
        Token = string.IsNullOrEmpty(token) ? throw new ArgumentException("An access token cannot be empty.", nameof(token)) : token;
        ExpiresOn = expiresOn;
    }

    /// <summary>The token, sent after <c>Bearer </c>.</summary>
    public string Token { get; }

    /// <summary>When the token expires; null when the issuer did not say.</summary>
    public DateTimeOffset? ExpiresOn { get; }

    /// <summary>Shows the expiry, never the token.</summary>
    public override string ToString() =>
        "AccessToken { Token = " + CredentialText.Hidden + ", ExpiresOn = " + (ExpiresOn?.ToString("o", System.Globalization.CultureInfo.InvariantCulture) ?? "(unknown)") + " }";
}
