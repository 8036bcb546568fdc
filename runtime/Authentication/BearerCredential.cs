namespace Contracts.Runtime.Authentication;

/// <summary>
/// The token of an <c>http</c> <c>bearer</c> security scheme, sent as <c>Authorization: Bearer &lt;token&gt;</c>: a fixed
/// <see cref="Token"/>, or a <see cref="TokenProvider"/> asked before every request it authenticates (it wins when both
/// are set; a <c>401</c> answer asks it once more with <see cref="TokenRequestContext.ForceRefresh"/> and re-sends once).
/// <see cref="ToString"/> never shows the token.
/// </summary>
public sealed class BearerCredential
{
    /// <summary>An empty credential, to be filled in (for example bound from configuration).</summary>
    public BearerCredential()
    {
    }

    /// <summary>A fixed token.</summary>
    public BearerCredential(string token)
    {
        Token = token;
    }

    /// <summary>A token asked for before every request.</summary>
    public BearerCredential(ITokenProvider tokenProvider)
    {
        TokenProvider = tokenProvider;
    }

    /// <summary>The token, without the <c>Bearer</c> word.</summary>
    public string? Token { get; set; }

    /// <summary>Asked for a token before every request that sends one; wins over <see cref="Token"/>.</summary>
    public ITokenProvider? TokenProvider { get; set; }

    internal bool IsConfigured => TokenProvider is not null || !string.IsNullOrEmpty(Token);

    /// <summary>Says whether a token is configured, never which.</summary>
    public override string ToString() =>
        "BearerCredential { Token = " + CredentialText.Secret(Token) + ", TokenProvider = " + (TokenProvider is null ? "(none)" : TokenProvider.GetType().Name) + " }";
}
