using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Guarded;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Contracts.IntegrationTests.Server;

/// <summary>
/// Specs/authentication.yaml served: each operation's <c>security</c> is its endpoint's authorization (policies named after
/// the schemes, <c>security: []</c> anonymous), checked by ASP.NET Core before the handler with a test authentication handler.
/// </summary>
public sealed class ServerAuthorizationTests : IAsyncLifetime
{
    private const string Scheme = "Test";
    private ServedApp _served = null!;
    private HttpClient _http = null!;
    private int _calls;

    public async Task InitializeAsync()
    {
        _served = await ServedApp.StartAsync(
            services =>
            {
                services.AddSingleton<IGuardedHandler>(new OpenHandler(() => Interlocked.Increment(ref _calls)));
                services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, TokenHandler>(Scheme, null);
                services.AddAuthorization(options =>
                {
                    // The policies the generated endpoints name: one per scheme, and one per list of alternatives.
                    foreach (var policy in new[] { "bearer", "basic", "headerKey", "queryKey", "cookieKey", "signature", "oauth", "headerKey+basic|bearer" })
                    {
                        options.AddPolicy(policy, p => p.RequireClaim("scheme", policy.Split('|', '+')));
                    }
                });
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapGuarded();
            });
        _http = _served.Http;
    }

    public async Task DisposeAsync()
    {
        await _served.DisposeAsync();
    }

    [Fact]
    public async Task Without_credentials_a_guarded_operation_is_401_and_the_handler_is_not_called()
    {
        using var response = await _http.GetAsync("bearer");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _calls);
    }

    [Fact]
    public async Task With_credentials_of_its_scheme_a_guarded_operation_reaches_the_handler()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "bearer");
        request.Headers.TryAddWithoutValidation("X-Test-Scheme", "bearer");
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task Credentials_of_another_scheme_are_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "basic");
        request.Headers.TryAddWithoutValidation("X-Test-Scheme", "bearer");
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _calls);
    }

    [Fact]
    public async Task Alternatives_are_one_policy_the_application_defines()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "either");
        request.Headers.TryAddWithoutValidation("X-Test-Scheme", "bearer");
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_operation_is_open_and_the_generated_client_reaches_it()
    {
        using var response = await _http.GetAsync("public");
        var client = new GuardedClient(_http, new GuardedClientOptions { BaseAddress = _http.BaseAddress });
        await client.GetPublicAsync();

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(2, _calls);
    }

    /// <summary>Authenticates a request carrying <c>X-Test-Scheme</c>, with a <c>scheme</c> claim of its value.</summary>
    private sealed class TokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers["X-Test-Scheme"].ToString() is not { Length: > 0 } scheme)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim("scheme", scheme)], Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }

    /// <summary>Answers every operation with its 204, counting the calls.</summary>
    private sealed class OpenHandler(Action called) : IGuardedHandler
    {
        private Task<T> Done<T>(T result)
        {
            called();
            return Task.FromResult(result);
        }

        public Task<GetPublicResult> GetPublicAsync(CancellationToken cancellationToken) => Done(GetPublicResult.NoContent());

        public Task<GetWithHeaderKeyResult> GetWithHeaderKeyAsync(CancellationToken cancellationToken) => Done(GetWithHeaderKeyResult.NoContent());

        public Task<GetWithQueryKeyResult> GetWithQueryKeyAsync(CancellationToken cancellationToken) => Done(GetWithQueryKeyResult.NoContent());

        public Task<GetWithCookieKeyResult> GetWithCookieKeyAsync(CancellationToken cancellationToken) => Done(GetWithCookieKeyResult.NoContent());

        public Task<GetWithBasicResult> GetWithBasicAsync(CancellationToken cancellationToken) => Done(GetWithBasicResult.NoContent());

        public Task<GetWithBearerResult> GetWithBearerAsync(CancellationToken cancellationToken) => Done(GetWithBearerResult.NoContent());

        public Task<GetWithSignatureResult> GetWithSignatureAsync(CancellationToken cancellationToken) => Done(GetWithSignatureResult.NoContent());

        public Task<GetWithOAuthResult> GetWithOAuthAsync(CancellationToken cancellationToken) => Done(GetWithOAuthResult.NoContent());

        public Task<GetWithEitherResult> GetWithEitherAsync(CancellationToken cancellationToken) => Done(GetWithEitherResult.NoContent());
    }
}
