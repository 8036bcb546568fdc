using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime;
using Contracts.Runtime.Authentication;
using Contracts.Runtime.Http;
using Microsoft.AspNetCore.Http;

namespace Contracts.IntegrationTests.Authentication;

/// <summary>
/// A service on Kestrel that checks every scheme type the way a real one does: <c>/apikey/header</c>,
/// <c>/apikey/query</c>, <c>/apikey/cookie</c>, <c>/bearer</c>, <c>/basic</c>, <c>/token-scheme</c> (<c>Authorization:
/// Token</c>), <c>/oauth</c> (a token it issued) and <c>/public</c> answer 200 to the right credential and 401 to a
/// missing or wrong one. It is also the OAuth 2.0 token endpoint (<c>POST /oauth/token</c>, client credentials with
/// client_secret_basic) and the OpenID Connect discovery document (<c>/.well-known/openid-configuration</c>).
/// </summary>
internal sealed class AuthServer : IAsyncDisposable
{
    public const string ApiKey = "api-key-7f3a9c";
    public const string BearerToken = "bearer-token-51d2e8";
    public const string UserName = "alice";
    public const string Password = "pässword-4b1c";
    public const string SchemeValue = "token-value-93ab77";
    public const string ClientId = "client-1";
    public const string ClientSecret = "client-secret-c0ffee";

    private readonly ConcurrentDictionary<string, bool> _issued = new(StringComparer.Ordinal);
    private int _tokenRequests;

    private AuthServer()
    {
    }

    public LoopbackServer Server { get; private set; } = null!;

    public Uri BaseAddress => Server.BaseAddress;

    public Uri TokenEndpoint => new(BaseAddress, "oauth/token");

    /// <summary>How many token requests reached the token endpoint.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>The lifetime the token endpoint gives (<c>expires_in</c>).</summary>
    public int ExpiresIn { get; set; } = 3600;

    /// <summary>When set, the token endpoint waits for it before answering (to hold concurrent callers together).</summary>
    public Task? TokenGate { get; set; }

    /// <summary>Signalled when a token request arrives.</summary>
    public TaskCompletionSource TokenRequested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Tokens the service stops accepting (revoked before they expire).</summary>
    public ConcurrentDictionary<string, bool> Revoked { get; } = new(StringComparer.Ordinal);

    /// <summary>How many requests reached <paramref name="path"/>.</summary>
    public int Received(string path) => Server.Requests.Count(request => request.Path == path);

    public static async Task<AuthServer> StartAsync()
    {
        var server = new AuthServer();
        server.Server = await LoopbackServer.StartAsync(server.HandleAsync);
        return server;
    }

    /// <summary>A client-level authentication with every scheme type, credentials as given.</summary>
    public ClientAuthentication Authentication(
        HttpClient http,
        string? apiKey = ApiKey,
        string? bearer = BearerToken,
        string? password = Password,
        string? schemeValue = SchemeValue,
        string? clientSecret = ClientSecret,
        TimeProvider? time = null) =>
        new ClientAuthentication(http, time)
            .ApiKey("headerKey", ApiKeyLocation.Header, "X-API-Key", apiKey is null ? null : new ApiKeyCredential(apiKey))
            .ApiKey("queryKey", ApiKeyLocation.Query, "api_key", apiKey is null ? null : new ApiKeyCredential(apiKey))
            .ApiKey("cookieKey", ApiKeyLocation.Cookie, "session", apiKey is null ? null : new ApiKeyCredential(apiKey))
            .Bearer("bearer", bearer is null ? null : new BearerCredential(bearer))
            .Basic("basic", password is null ? null : new BasicCredential(UserName, password))
            .Authorization("tokenScheme", "Token", schemeValue is null ? null : new AuthorizationCredential(schemeValue))
            .OAuth2("oauth", TokenEndpoint.AbsoluteUri, ["read", "write"], clientSecret is null ? null : new OAuth2Credential { ClientId = ClientId, ClientSecret = clientSecret })
            .OpenIdConnect("oidc", new Uri(BaseAddress, ".well-known/openid-configuration").AbsoluteUri, clientSecret is null ? null : new OAuth2Credential { ClientId = ClientId, ClientSecret = clientSecret, Scopes = { "read" } })
            .External("mtls");

    /// <summary>Sends <paramref name="path"/> as the generated code does, with the operation's <paramref name="security"/>.</summary>
    public async Task CallAsync(HttpClient http, ClientAuthentication authentication, string path, SecurityRequirement[] security, HttpMethod? method = null, HttpContent? content = null, CancellationToken cancellationToken = default)
    {
        using var request = ContractsHttp.CreateRequest(method ?? HttpMethod.Get, BaseAddress, path, security);
        request.Content = content;
        await ContractsHttp.SendAsync(http, request, path, errors: null, new RequestOptions().WithAuthentication(authentication), requestOptions: null, cancellationToken);
    }

    public static SecurityRequirement[] Requires(params string[] schemes) => [new SecurityRequirement(Array.ConvertAll(schemes, scheme => new SchemeUse(scheme)))];

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (path == "/oauth/token")
        {
            await TokenAsync(context);
            return;
        }

        if (path == "/.well-known/openid-configuration")
        {
            await LoopbackServer.Respond(context, 200, "{\"issuer\":\"" + BaseAddress + "\",\"token_endpoint\":\"" + TokenEndpoint.AbsoluteUri + "\"}");
            return;
        }

        var authorization = request.Headers.Authorization.ToString();
        var accepted = path switch
        {
            "/public" => true,
            "/apikey/header" => request.Headers["X-API-Key"] == ApiKey,
            "/apikey/query" => request.Query["api_key"] == ApiKey,
            "/apikey/cookie" => request.Cookies["session"] == ApiKey,
            "/bearer" => authorization == "Bearer " + BearerToken,
            "/basic" => authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + Password)),
            "/token-scheme" => authorization == "Token " + SchemeValue,
            "/oauth" => authorization.StartsWith("Bearer ", StringComparison.Ordinal) && IsLive(authorization.Substring(7)),
            "/both" => request.Headers["X-API-Key"] == ApiKey && authorization == "Bearer " + BearerToken,
            _ => false,
        };

        // A service that quotes what it got: the client's exception must not carry it on.
        await LoopbackServer.Respond(context, accepted ? 200 : 401, accepted ? "{}" : "{\"error\":\"rejected " + Quote(authorization + " " + request.Headers["X-API-Key"] + " " + request.QueryString + " " + request.Headers.Cookie) + "\"}");
    }

    private bool IsLive(string token) => _issued.ContainsKey(token) && !Revoked.ContainsKey(token);

    private async Task TokenAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _tokenRequests);
        TokenRequested.TrySetResult();
        if (TokenGate is { } gate)
        {
            await gate;
        }

        var form = await context.Request.ReadFormAsync();
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));
        if (context.Request.Headers.Authorization != expected || form["grant_type"] != "client_credentials")
        {
            // As real servers do, it names what it got.
            await LoopbackServer.Respond(context, 401, "{\"error\":\"invalid_client\",\"error_description\":\"unknown client " + Quote(context.Request.Headers.Authorization.ToString()) + "\"}");
            return;
        }

        var token = "access-" + number.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        _issued[token] = true;
        await LoopbackServer.Respond(context, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + ExpiresIn.ToString(CultureInfo.InvariantCulture) + ",\"scope\":\"" + form["scope"] + "\"}");
    }

    private static string Quote(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
