using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// The security schemes of one generated client and the credentials configured for them, built once in the client's
/// constructor with one call per scheme the spec declares. Each request then carries what its operation's
/// <c>security</c> asks for. Generated code builds this; it is plumbing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClientAuthentication
{
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;

    /// <summary>Authentication for a client that sends through <paramref name="httpClient"/> (which also fetches OAuth 2.0 tokens).</summary>
    public ClientAuthentication(HttpClient httpClient)
        : this(httpClient, timeProvider: null)
    {
    }

    /// <summary>As <see cref="ClientAuthentication(HttpClient)"/>, with the clock token expiry is measured by.</summary>
    public ClientAuthentication(HttpClient httpClient, TimeProvider? timeProvider)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>An <c>apiKey</c> scheme: the key goes in header, query parameter or cookie <paramref name="parameterName"/>.</summary>
    public ClientAuthentication ApiKey(string scheme, ApiKeyLocation location, string parameterName, ApiKeyCredential? credential) => throw new NotImplementedException();

    /// <summary>An <c>http</c> <c>bearer</c> scheme.</summary>
    public ClientAuthentication Bearer(string scheme, BearerCredential? credential) => throw new NotImplementedException();

    /// <summary>An <c>http</c> <c>basic</c> scheme.</summary>
    public ClientAuthentication Basic(string scheme, BasicCredential? credential) => throw new NotImplementedException();

    /// <summary>Any other <c>http</c> scheme: <c>Authorization: &lt;authScheme&gt; &lt;value&gt;</c>.</summary>
    public ClientAuthentication Authorization(string scheme, string authScheme, AuthorizationCredential? credential) => throw new NotImplementedException();

    /// <summary>
    /// An <c>oauth2</c> scheme: the client credentials grant against <paramref name="tokenUrl"/> (the
    /// <c>clientCredentials</c> flow's, null when the spec declares no such flow) with the flow's scopes, or the
    /// credential's token provider.
    /// </summary>
    public ClientAuthentication OAuth2(string scheme, string? tokenUrl, string[] flowScopes, OAuth2Credential? credential) => throw new NotImplementedException();

    /// <summary>An <c>openIdConnect</c> scheme: the token endpoint is read once from the discovery document at <paramref name="discoveryUrl"/>.</summary>
    public ClientAuthentication OpenIdConnect(string scheme, string discoveryUrl, OAuth2Credential? credential) => throw new NotImplementedException();

    /// <summary>A scheme applied outside the client (<c>mutualTLS</c>: the handler's client certificate); it always counts as satisfied.</summary>
    public ClientAuthentication External(string scheme) => throw new NotImplementedException();
}
