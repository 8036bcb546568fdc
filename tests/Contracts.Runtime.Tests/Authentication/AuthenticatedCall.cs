using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Authentication;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Tests.Authentication;

/// <summary>Sends one request the way a generated client does: client-level options carrying the authentication, the operation's security on the request.</summary>
internal static class AuthenticatedCall
{
    public static readonly Uri Base = new("http://127.0.0.1/");

    public static async Task SendAsync(HttpClient httpClient, ClientAuthentication authentication, SecurityRequirement[]? security, Action<HttpRequestMessage>? build = null, HttpMethod? method = null, CancellationToken cancellationToken = default)
    {
        using var request = security is null
            ? ContractsHttp.CreateRequest(method ?? HttpMethod.Get, Base, "/items")
            : ContractsHttp.CreateRequest(method ?? HttpMethod.Get, Base, "/items", security);
        build?.Invoke(request);
        var defaults = new RequestOptions().WithAuthentication(authentication);
        await ContractsHttp.SendAsync(httpClient, request, "listItems", errors: null, defaults, requestOptions: null, cancellationToken);
    }

    public static SecurityRequirement[] Requires(params string[] schemes) => [new SecurityRequirement(Array.ConvertAll(schemes, scheme => new SchemeUse(scheme)))];
}
