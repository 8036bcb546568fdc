using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// The key of an <c>apiKey</c> security scheme: a fixed <see cref="Key"/>, or a <see cref="KeyProvider"/> asked before
/// every request it authenticates (so that a key can rotate). The provider wins when both are set.
/// <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class ApiKeyCredential
{
    /// <summary>An empty credential, to be filled in (for example bound from configuration).</summary>
    public ApiKeyCredential()
    {
    }

    /// <summary>A fixed key.</summary>
    public ApiKeyCredential(string key)
    {
        Key = key;
    }

    /// <summary>The key, sent as it is (escaped in a query, refused with a line break in a header or cookie).</summary>
    public string? Key { get; set; }

    /// <summary>Asked for the key before every request that sends it; wins over <see cref="Key"/>.</summary>
    public Func<CancellationToken, ValueTask<string>>? KeyProvider { get; set; }

    /// <summary>Whether a key is set or can be asked for.</summary>
    internal bool IsConfigured => KeyProvider is not null || !string.IsNullOrEmpty(Key);

    /// <summary>Says whether a key is configured, never which.</summary>
    public override string ToString() =>
        "ApiKeyCredential { Key = " + (string.IsNullOrEmpty(Key) ? "(none)" : CredentialText.Hidden) + ", KeyProvider = " + (KeyProvider is null ? "(none)" : "(set)") + " }";
}
