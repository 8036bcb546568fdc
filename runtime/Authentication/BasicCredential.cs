namespace Contracts.Runtime.Authentication;

/// <summary>
/// The user name and password of an <c>http</c> <c>basic</c> security scheme, sent as
/// <c>Authorization: Basic base64(utf8(user:password))</c>. A null password is sent as an empty one (an API key used
/// as the user name, as Stripe allows). <see cref="ToString"/> shows the user name, never the password.
/// </summary>
public sealed class BasicCredential
{
    /// <summary>An empty credential, to be filled in (for example bound from configuration).</summary>
    public BasicCredential()
    {
    }

    /// <summary>A user name and password.</summary>
    public BasicCredential(string userName, string password)
    {
        UserName = userName;
        Password = password;
    }

    /// <summary>The user name; it may not contain a colon (RFC 7617).</summary>
    public string? UserName { get; set; }

    /// <summary>The password; null is sent as empty.</summary>
    public string? Password { get; set; }

    internal bool IsConfigured => !string.IsNullOrEmpty(UserName);

    /// <summary>Shows the user name, never the password.</summary>
    public override string ToString() =>
        "BasicCredential { UserName = " + (string.IsNullOrEmpty(UserName) ? "(none)" : UserName) + ", Password = " + CredentialText.Secret(Password) + " }";
}
