namespace Contracts.Generator.Model;

/// <summary>How the client applies a security scheme; each kind has its own credential type in the options.</summary>
internal enum SecuritySchemeKind
{
    /// <summary><c>apiKey</c>: a key in a header, a query parameter or a cookie (<c>ApiKeyCredential</c>).</summary>
    ApiKey,

    /// <summary><c>http</c> with scheme <c>bearer</c> (<c>BearerCredential</c>).</summary>
    Bearer,

    /// <summary><c>http</c> with scheme <c>basic</c> (<c>BasicCredential</c>).</summary>
    Basic,

    /// <summary>Any other <c>http</c> scheme: a raw <c>Authorization: &lt;scheme&gt; &lt;value&gt;</c> (<c>AuthorizationCredential</c>).</summary>
    Authorization,

    /// <summary><c>oauth2</c>: client credentials from the flow's token URL, or any flow through a token provider (<c>OAuth2Credential</c>).</summary>
    OAuth2,

    /// <summary><c>openIdConnect</c>: the token endpoint from the discovery document (<c>OAuth2Credential</c>).</summary>
    OpenIdConnect,

    /// <summary>
    /// Applied outside the client (<c>mutualTLS</c>, or a scheme the generator cannot apply, reported as CTR115): it has
    /// no option, and a requirement naming it counts it as satisfied.
    /// </summary>
    External,
}
