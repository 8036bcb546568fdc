using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Authentication;

/// <summary>An <c>http</c> <c>bearer</c> scheme: a fixed token, or one a provider gives before each request.</summary>
internal sealed class BearerScheme : AuthenticationScheme
{
    private readonly BearerCredential? _credential;

    // The token a provider gave last: exceptions of any call of the client scrub it.
    private string? _provided;

    // The header value of the fixed token, built once per token rather than once per request; one reference, so that
    // concurrent requests never see a token paired with another token's header.
    private FixedHeader? _fixed;

    public BearerScheme(string name, BearerCredential? credential)
        : base(name)
    {
        _credential = credential;
    }

    public override bool IsConfigured => _credential?.IsConfigured == true;

    public override bool IsRefreshable => _credential?.TokenProvider is not null;

    public override ValueTask ApplyAsync(HttpRequestMessage request, SchemeUse use, bool forceRefresh, CancellationToken cancellationToken)
    {
        var credential = _credential!;
        if (credential.TokenProvider is { } provider)
        {
            return ApplyProvidedAsync(request, provider, new TokenRequestContext(Name, use.Scopes, forceRefresh), cancellationToken);
        }

        var token = credential.Token!;
        var cached = _fixed;
        if (cached is null || !ReferenceEquals(cached.Token, token))
        {
            cached = new FixedHeader(token, "Bearer " + Checked(token, "token"));
            _fixed = cached;
        }

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", cached.Header);
        return default;
    }

    public override void AddSecrets(List<string> secrets)
    {
        Add(secrets, _credential?.Token);
        Add(secrets, _provided);
    }

    private async ValueTask ApplyProvidedAsync(HttpRequestMessage request, ITokenProvider provider, TokenRequestContext context, CancellationToken cancellationToken)
    {
        var token = await provider.GetTokenAsync(context, cancellationToken).ConfigureAwait(false);
        var value = Checked(token?.Token, "token");
        _provided = value;
        ContractsHttp.MarkCredential(request, value);
        SetAuthorization(request, "Bearer", value);
    }

    private sealed class FixedHeader(string token, string header)
    {
        public string Token { get; } = token;

        public string Header { get; } = header;
    }
}
