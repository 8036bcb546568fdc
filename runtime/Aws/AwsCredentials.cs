using System;
using System.Diagnostics;
using System.Globalization;

namespace Contracts.Runtime.Aws;

/// <summary>
/// An AWS access key pair, optionally with the session token of temporary credentials. Only the access key id is
/// public: the secret and the token are readable by the signer alone, so formatting, logging or serializing an
/// instance cannot leak them.
/// </summary>
public sealed class AwsCredentials
{
    /// <summary>Creates credentials; <paramref name="sessionToken"/> is needed for temporary (STS) credentials only.</summary>
    /// <exception cref="ArgumentException">A value is empty or contains a control character (it would break the request's headers).</exception>
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        // Messages name the parameter only: echoing a rejected value could print a secret.
        Require(accessKeyId, nameof(accessKeyId));
        Require(secretAccessKey, nameof(secretAccessKey));
        if (sessionToken is not null)
        {
            Require(sessionToken, nameof(sessionToken));
        }

        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = sessionToken;
    }

    /// <summary>The access key id (such as <c>AKIAIOSFODNN7EXAMPLE</c>); it is sent in every signed request.</summary>
    public string AccessKeyId { get; }

    /// <summary>Whether these are temporary credentials, which carry a session token.</summary>
    public bool HasSessionToken => SessionToken is not null;

    /// <summary>
    /// When temporary credentials stop working (as STS, SSO, a <c>credential_process</c> or a metadata endpoint
    /// reported it); null for long-term keys that do not expire. Caching providers refresh before this time.
    /// </summary>
    public DateTimeOffset? Expiration { get; init; }

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    internal string SecretAccessKey { get; }

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    internal string? SessionToken { get; }

    /// <summary>Describes the credentials by a shortened access key id; the secret and the token are never shown.</summary>
    public override string ToString() =>
        "AwsCredentials(" + Shorten(AccessKeyId) + ", secret: ***" + (HasSessionToken ? ", session token: ***" : string.Empty)
        + (Expiration is { } expiration ? ", expires: " + expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : string.Empty) + ")";

    // Enough of the key id to tell keys apart in a log, not the whole identifier.
    private static string Shorten(string accessKeyId) =>
        accessKeyId.Length <= 8 ? "***" : accessKeyId.Substring(0, 4) + "…" + accessKeyId.Substring(accessKeyId.Length - 4);

    private static void Require(string value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (value.Length == 0)
        {
            throw new ArgumentException("The value is empty.", parameterName);
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("The value contains a control character.", parameterName);
            }
        }
    }
}
