using System;
using System.Net.Http;
using Contracts.Runtime.Authentication;

namespace Contracts.Runtime.Http;

/// <summary>The operation's security travels with its request, so that sending it applies the client's credentials.</summary>
public static partial class ContractsHttp
{
#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<SecurityRequirement[]> s_securityKey = new(SecurityKey);
#endif

    private const string SecurityKey = "Contracts.Security";

    /// <summary>
    /// As <see cref="CreateRequest(HttpMethod, Uri, string)"/>, for an operation whose <c>security</c> is
    /// <paramref name="security"/> (any one alternative will do; empty: anonymous only). Sending the request applies
    /// the first alternative the client's credentials satisfy, or throws <see cref="CredentialNotConfiguredException"/>
    /// before anything is sent.
    /// </summary>
    public static HttpRequestMessage CreateRequest(HttpMethod method, Uri baseAddress, string relativeUri, SecurityRequirement[] security)
    {
        var request = CreateRequest(method, baseAddress, relativeUri);
#if NET5_0_OR_GREATER
        request.Options.Set(s_securityKey, security ?? throw new ArgumentNullException(nameof(security)));
#else
        request.Properties[SecurityKey] = security ?? throw new ArgumentNullException(nameof(security));
#endif
        return request;
    }

    /// <summary>The security <see cref="CreateRequest(HttpMethod, Uri, string, SecurityRequirement[])"/> recorded on <paramref name="request"/>; null when the request was created without.</summary>
    internal static SecurityRequirement[]? SecurityOf(HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(s_securityKey, out var security) ? security : null;
#else
        return request.Properties.TryGetValue(SecurityKey, out var stored) ? stored as SecurityRequirement[] : null;
#endif
    }
}
