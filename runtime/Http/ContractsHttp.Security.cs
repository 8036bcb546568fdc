using System;
using System.Net.Http;
using Contracts.Runtime.Authentication;

namespace Contracts.Runtime.Http;

/// <summary>The operation's security travels with its request, so that sending it applies the client's credentials.</summary>
public static partial class ContractsHttp
{
    /// <summary>
    /// As <see cref="CreateRequest(HttpMethod, Uri, string)"/>, for an operation whose <c>security</c> is
    /// <paramref name="security"/> (any one alternative will do; empty: anonymous only). Sending the request applies
    /// the first alternative the client's credentials satisfy, or throws <see cref="CredentialNotConfiguredException"/>
    /// before anything is sent.
    /// </summary>
    public static HttpRequestMessage CreateRequest(HttpMethod method, Uri baseAddress, string relativeUri, SecurityRequirement[] security)
    {
        if (security is null)
        {
            throw new ArgumentNullException(nameof(security));
        }

        return new SecuredRequest(method, RequestUri(baseAddress, relativeUri), security);
    }

    /// <summary>The security <see cref="CreateRequest(HttpMethod, Uri, string, SecurityRequirement[])"/> gave <paramref name="request"/>; null when it was created without.</summary>
    internal static SecurityRequirement[]? SecurityOf(HttpRequestMessage request) => (request as SecuredRequest)?.Security;
}
