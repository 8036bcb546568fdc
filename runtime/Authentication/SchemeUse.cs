using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Contracts.Runtime.Authentication;

/// <summary>One security scheme in a requirement, with the scopes the operation asks for. Generated code builds these; it is plumbing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SchemeUse
{
    /// <summary>Scheme <paramref name="scheme"/> (its name in <c>components/securitySchemes</c>) with <paramref name="scopes"/>.</summary>
    public SchemeUse(string scheme, params string[] scopes)
    {
        Scheme = scheme ?? throw new ArgumentNullException(nameof(scheme));
        Scopes = scopes ?? Array.Empty<string>();
    }

    /// <summary>The scheme's name.</summary>
    public string Scheme { get; }

    /// <summary>The scopes (or, for other scheme types, roles) the operation lists for it.</summary>
    public IReadOnlyList<string> Scopes { get; }
}
