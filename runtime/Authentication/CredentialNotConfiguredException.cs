using System;
using System.Collections.Generic;
using System.Linq;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// Thrown before anything is sent when an operation's <c>security</c> cannot be satisfied with the credentials the
/// client was configured with. The message names the security schemes the operation accepts, never a credential.
/// </summary>
public sealed class CredentialNotConfiguredException : InvalidOperationException
{
    /// <summary>An exception for <paramref name="operationName"/>, whose alternatives are <paramref name="alternatives"/> (each a set of scheme names that must all be configured).</summary>
    public CredentialNotConfiguredException(string operationName, IEnumerable<IReadOnlyList<string>> alternatives)
        : this(operationName, (alternatives ?? throw new ArgumentNullException(nameof(alternatives))).Select(alternative => (IReadOnlyList<string>)alternative.ToArray()).ToArray())
    {
    }

    private CredentialNotConfiguredException(string operationName, IReadOnlyList<string>[] alternatives)
        : base(Describe(operationName, alternatives))
    {
        OperationName = operationName;
        Alternatives = alternatives;
        SchemeNames = alternatives.SelectMany(alternative => alternative).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The operation that was not sent.</summary>
    public string OperationName { get; }

    /// <summary>Every scheme the operation could use, in the spec's order.</summary>
    public IReadOnlyList<string> SchemeNames { get; }

    /// <summary>The operation's alternatives: any one of them, with all of its schemes configured, would do.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; }

    private static string Describe(string operationName, IReadOnlyList<string>[] alternatives)
    {
        var choices = alternatives
            .Where(alternative => alternative.Count > 0)
            .Select(alternative => alternative.Count == 1
                ? "'" + alternative[0] + "'"
                : "all of " + string.Join(", ", alternative.Select(scheme => "'" + scheme + "'")))
            .ToArray();
        var needed = choices.Length switch
        {
            0 => "a credential",
            1 => "a credential for " + choices[0],
            _ => "a credential for " + string.Join(" or ", choices),
        };
        return "The operation '" + operationName + "' needs " + needed
            + ", and none is configured on the client's options: nothing was sent.";
    }
}
