namespace Contracts.Runtime.Authentication;

/// <summary>
/// The credential of an <c>http</c> security scheme other than <c>basic</c> and <c>bearer</c> (a vendor's own word
/// such as <c>Token</c>): <see cref="Value"/> is everything after
/// <c>Authorization: &lt;Scheme&gt; </c>, where the scheme word comes from the spec. <see cref="ToString"/> never
/// shows the value.
/// </summary>
public sealed class AuthorizationCredential
{
    /// <summary>An empty credential, to be filled in (for example bound from configuration).</summary>
    public AuthorizationCredential()
    {
    }

    /// <summary>A fixed value.</summary>
    public AuthorizationCredential(string value)
    {
        Value = value;
    }

    /// <summary>What follows the scheme word in the <c>Authorization</c> header.</summary>
    public string? Value { get; set; }

    internal bool IsConfigured => !string.IsNullOrEmpty(Value);

    /// <summary>Says whether a value is configured, never which.</summary>
    public override string ToString() => "AuthorizationCredential { Value = " + CredentialText.Secret(Value) + " }";
}
