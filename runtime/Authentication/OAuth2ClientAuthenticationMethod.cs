namespace Contracts.Runtime.Authentication;

/// <summary>How the client credentials grant authenticates the client to the token endpoint (RFC 6749 section 2.3.1).</summary>
public enum OAuth2ClientAuthenticationMethod
{
    /// <summary><c>client_secret_basic</c>: <c>Authorization: Basic</c> with the form-encoded id and secret (the RFC's default, which every server must accept).</summary>
    ClientSecretBasic,

    /// <summary><c>client_secret_post</c>: <c>client_id</c> and <c>client_secret</c> as form fields of the request body.</summary>
    ClientSecretPost,
}
