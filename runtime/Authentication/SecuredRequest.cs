using System;
using System.Net.Http;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// A request that carries its operation's security to the send, in a field rather than in
/// <see cref="HttpRequestMessage"/>'s options, which would cost every authenticated call a dictionary.
/// </summary>
internal sealed class SecuredRequest : HttpRequestMessage
{
    public SecuredRequest(HttpMethod method, Uri requestUri, SecurityRequirement[] security)
        : base(method, requestUri)
    {
        Security = security;
    }

    /// <summary>The operation's alternatives (any one will do); empty: anonymous only.</summary>
    public SecurityRequirement[] Security { get; }
}
