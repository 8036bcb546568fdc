using System;
using System.Collections.Generic;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// The credential of an <c>oauth2</c> or <c>openIdConnect</c> security scheme. With <see cref="ClientId"/> and
/// <see cref="ClientSecret"/>, the client runs the client credentials grant itself against the flow's
/// <c>tokenUrl</c> (or the discovery document's <c>token_endpoint</c>, or <see cref="TokenEndpoint"/>), caching the
/// token; any other flow (authorization code, device code, MSAL, Duende.IdentityModel…) plugs in as a
/// <see cref="TokenProvider"/>, which wins when set. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class OAuth2Credential
{
    /// <summary>The client id of the client credentials grant.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret of the client credentials grant.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes to ask for; empty asks for every scope the flow declares.</summary>
    public IList<string> Scopes { get; set; } = new List<string>();

    /// <summary>The token endpoint; null uses the flow's <c>tokenUrl</c> or the OpenID Connect discovery document's <c>token_endpoint</c>.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>How the client id and secret reach the token endpoint; <c>client_secret_basic</c> by default.</summary>
    public OAuth2ClientAuthenticationMethod ClientAuthenticationMethod { get; set; }

    /// <summary>Asked for a token before every request that needs one (any flow); wins over the client credentials grant.</summary>
    public ITokenProvider? TokenProvider { get; set; }

    internal bool HasClientCredentials => !string.IsNullOrEmpty(ClientId) && ClientSecret is not null;

    /// <summary>Shows the client id and scopes, never the secret.</summary>
    public override string ToString() =>
        "OAuth2Credential { ClientId = " + (string.IsNullOrEmpty(ClientId) ? "(none)" : ClientId)
            + ", ClientSecret = " + CredentialText.Secret(ClientSecret)
            + ", Scopes = [" + string.Join(" ", Scopes ?? Array.Empty<string>()) + "]"
            + ", TokenEndpoint = " + (TokenEndpoint?.GetLeftPart(UriPartial.Path) ?? "(from the spec)")
            + ", TokenProvider = " + (TokenProvider is null ? "(none)" : TokenProvider.GetType().Name) + " }";
}
