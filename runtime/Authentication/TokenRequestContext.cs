using System;
using System.Collections.Generic;

namespace Contracts.Runtime.Authentication;

/// <summary>What a request asks an <see cref="ITokenProvider"/> for.</summary>
public sealed class TokenRequestContext
{
    /// <summary>A request for a token of scheme <paramref name="schemeName"/> with <paramref name="scopes"/>.</summary>
    public TokenRequestContext(string schemeName, IReadOnlyList<string> scopes, bool forceRefresh = false)
    {
        SchemeName = schemeName ?? throw new ArgumentNullException(nameof(schemeName));
        Scopes = scopes ?? throw new ArgumentNullException(nameof(scopes));
        ForceRefresh = forceRefresh;
    }

    /// <summary>The name of the security scheme in the spec (<c>components/securitySchemes</c>).</summary>
    public string SchemeName { get; }

    /// <summary>The scopes asked for: the credential's configured scopes, else every scope of the flow.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Set after the service answered <c>401</c> to the previous token: a cached token must not be returned.</summary>
    public bool ForceRefresh { get; }

    /// <summary>The scheme, scopes and whether a refresh is forced.</summary>
    public override string ToString() =>
        "TokenRequestContext { SchemeName = " + SchemeName + ", Scopes = [" + string.Join(" ", Scopes) + "], ForceRefresh = " + (ForceRefresh ? "true" : "false") + " }";
}
