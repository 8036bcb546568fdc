using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// One alternative of an operation's <c>security</c>: every scheme in it must be applied (AND). An operation's security
/// is an array of these, any one of which will do (OR); an empty array is <c>security: []</c> (anonymous only).
/// Generated code builds these; it is plumbing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SecurityRequirement
{
    /// <summary>The empty requirement <c>{}</c>: the operation may also be called without credentials.</summary>
    public static SecurityRequirement Anonymous { get; } = new();

    /// <summary>A requirement of all of <paramref name="schemes"/>.</summary>
    public SecurityRequirement(params SchemeUse[] schemes)
    {
        Schemes = schemes ?? Array.Empty<SchemeUse>();
    }

    /// <summary>The schemes that must all be applied; none for <see cref="Anonymous"/>.</summary>
    public IReadOnlyList<SchemeUse> Schemes { get; }

    /// <summary>Whether this is the empty requirement.</summary>
    public bool IsAnonymous => Schemes.Count == 0;
}
