using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;

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
    private readonly Dictionary<string, AuthenticationScheme> _schemes = new(StringComparer.Ordinal);

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
    public ClientAuthentication ApiKey(string scheme, ApiKeyLocation location, string parameterName, ApiKeyCredential? credential) =>
        Add(new ApiKeyScheme(scheme, location, parameterName, credential));

    /// <summary>An <c>http</c> <c>bearer</c> scheme.</summary>
    public ClientAuthentication Bearer(string scheme, BearerCredential? credential) => Add(new BearerScheme(scheme, credential));

    /// <summary>An <c>http</c> <c>basic</c> scheme.</summary>
    public ClientAuthentication Basic(string scheme, BasicCredential? credential) => Add(new BasicScheme(scheme, credential));

    /// <summary>Any other <c>http</c> scheme: <c>Authorization: &lt;authScheme&gt; &lt;value&gt;</c>.</summary>
    public ClientAuthentication Authorization(string scheme, string authScheme, AuthorizationCredential? credential) =>
        Add(new AuthorizationScheme(scheme, authScheme, credential));

    /// <summary>
    /// An <c>oauth2</c> scheme: the client credentials grant against <paramref name="tokenUrl"/> (the
    /// <c>clientCredentials</c> flow's, null when the spec declares no such flow) with the flow's scopes, or the
    /// credential's token provider.
    /// </summary>
    public ClientAuthentication OAuth2(string scheme, string? tokenUrl, string[] flowScopes, OAuth2Credential? credential) =>
        Add(new OAuth2Scheme(scheme, _httpClient, _timeProvider, tokenUrl, discoveryUrl: null, flowScopes, credential));

    /// <summary>An <c>openIdConnect</c> scheme: the token endpoint is read once from the discovery document at <paramref name="discoveryUrl"/>.</summary>
    public ClientAuthentication OpenIdConnect(string scheme, string discoveryUrl, OAuth2Credential? credential) =>
        Add(new OAuth2Scheme(scheme, _httpClient, _timeProvider, tokenUrl: null, discoveryUrl, flowScopes: null, credential));

    /// <summary>A scheme applied outside the client (<c>mutualTLS</c>: the handler's client certificate); it always counts as satisfied.</summary>
    public ClientAuthentication External(string scheme) => Add(new ExternalScheme(scheme));

    /// <summary>
    /// Applies the security <see cref="ContractsHttp.CreateRequest(HttpMethod, Uri, string, SecurityRequirement[])"/>
    /// recorded on <paramref name="request"/>: the first alternative whose schemes are all configured; nothing when an
    /// alternative is anonymous and none is, or when the operation is anonymous only (an empty array) or the request
    /// carries no security. Returns the alternative applied, or null.
    /// </summary>
    /// <exception cref="CredentialNotConfiguredException">No alternative can be satisfied; nothing was sent.</exception>
    internal static ValueTask<SecurityRequirement?> ApplyAsync(ClientAuthentication? authentication, HttpRequestMessage request, string operationName, CancellationToken cancellationToken)
    {
        var security = ContractsHttp.SecurityOf(request);
        if (security is null || security.Length == 0)
        {
            return default;
        }

        var anonymous = false;
        foreach (var requirement in security)
        {
            if (requirement.IsAnonymous)
            {
                // "May go without": credentials that are configured for another alternative are still sent.
                anonymous = true;
            }
            else if (authentication is not null && authentication.CanApply(requirement))
            {
                return authentication.ApplyAsync(request, requirement, refreshOnly: false, cancellationToken);
            }
        }

        if (anonymous)
        {
            return default;
        }

        var alternatives = new List<IReadOnlyList<string>>(security.Length);
        foreach (var requirement in security)
        {
            var names = new string[requirement.Schemes.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = requirement.Schemes[i].Scheme;
            }

            alternatives.Add(names);
        }

        throw new CredentialNotConfiguredException(operationName, alternatives);
    }

    /// <summary>Whether <paramref name="requirement"/> holds a scheme whose token a <c>401</c> should refresh.</summary>
    internal bool IsRefreshable(SecurityRequirement requirement)
    {
        foreach (var use in requirement.Schemes)
        {
            if (_schemes.TryGetValue(use.Scheme, out var scheme) && scheme.IsRefreshable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Applies the refreshable schemes of <paramref name="requirement"/> again with a forced refresh (after a <c>401</c>).</summary>
    internal async ValueTask RefreshAsync(HttpRequestMessage request, SecurityRequirement requirement, CancellationToken cancellationToken) =>
        await ApplyAsync(request, requirement, refreshOnly: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Every secret the client's credentials hold or fetched, so that exceptions of its calls never print them.</summary>
    internal string[] Secrets()
    {
        var secrets = new List<string>();
        foreach (var scheme in _schemes.Values)
        {
            scheme.AddSecrets(secrets);
        }

        return secrets.ToArray();
    }

    private ClientAuthentication Add(AuthenticationScheme scheme)
    {
        // The spec names each scheme once; a second call for a name replaces the first.
        _schemes[scheme.Name] = scheme;
        return this;
    }

    private bool CanApply(SecurityRequirement requirement)
    {
        foreach (var use in requirement.Schemes)
        {
            if (!_schemes.TryGetValue(use.Scheme, out var scheme) || !scheme.IsConfigured)
            {
                return false;
            }
        }

        return true;
    }

    private ValueTask<SecurityRequirement?> ApplyAsync(HttpRequestMessage request, SecurityRequirement requirement, bool refreshOnly, CancellationToken cancellationToken)
    {
        var schemes = requirement.Schemes;
        for (var i = 0; i < schemes.Count; i++)
        {
            var scheme = _schemes[schemes[i].Scheme];
            if (refreshOnly && !scheme.IsRefreshable)
            {
                continue;
            }

            var applying = scheme.ApplyAsync(request, schemes[i], refreshOnly, cancellationToken);
            if (!applying.IsCompletedSuccessfully)
            {
                return ApplyRestAsync(applying, request, requirement, i, refreshOnly, cancellationToken);
            }

            // Observes the completed ValueTask, as its contract asks.
            applying.GetAwaiter().GetResult();
        }

        return new ValueTask<SecurityRequirement?>(requirement);
    }

    private async ValueTask<SecurityRequirement?> ApplyRestAsync(ValueTask applying, HttpRequestMessage request, SecurityRequirement requirement, int index, bool refreshOnly, CancellationToken cancellationToken)
    {
        await applying.ConfigureAwait(false);
        var schemes = requirement.Schemes;
        for (var i = index + 1; i < schemes.Count; i++)
        {
            var scheme = _schemes[schemes[i].Scheme];
            if (!refreshOnly || scheme.IsRefreshable)
            {
                await scheme.ApplyAsync(request, schemes[i], refreshOnly, cancellationToken).ConfigureAwait(false);
            }
        }

        return requirement;
    }
}
