using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Contracts.Runtime.Authentication;
using Contracts.Runtime.Http;
using Xunit;
using static Contracts.Runtime.Tests.Authentication.AuthenticatedCall;

namespace Contracts.Runtime.Tests.Authentication;

/// <summary>Each request carries exactly what its operation's security asks for, with the credentials the client has.</summary>
public sealed class SecurityApplicationTests
{
    [Fact]
    public async Task An_api_key_goes_in_its_header()
    {
        var (handler, client) = Recording();
        var authentication = new ClientAuthentication(client).ApiKey("key", ApiKeyLocation.Header, "X-Service-Key", new ApiKeyCredential("k-123456"));

        await SendAsync(client, authentication, Requires("key"));

        Assert.Equal("k-123456", handler.Last.Single("X-Service-Key"));
    }

    [Fact]
    public async Task An_api_key_in_the_query_is_escaped_and_appended()
    {
        var (handler, client) = Recording();
        var authentication = new ClientAuthentication(client).ApiKey("key", ApiKeyLocation.Query, "api key", new ApiKeyCredential("a&b=c d+é"));

        await SendAsync(client, authentication, Requires("key"), request => request.RequestUri = new Uri(request.RequestUri!.OriginalString + "?page=2"));

        Assert.Equal("http://127.0.0.1/items?page=2&api%20key=a%26b%3Dc%20d%2B%C3%A9", handler.Last.Uri);
    }

    [Fact]
    public async Task An_api_key_in_a_cookie_joins_the_cookie_parameters_in_one_header()
    {
        var (handler, client) = Recording();
        var authentication = new ClientAuthentication(client).ApiKey("key", ApiKeyLocation.Cookie, "session", new ApiKeyCredential("s-123456"));

        await SendAsync(client, authentication, Requires("key"), request => ParameterStyles.AddCookie(request, "theme", ParameterValue.Of("dark"), explode: false));

        Assert.Equal("theme=dark; session=s-123456", handler.Last.Single("Cookie"));
    }

    [Fact]
    public async Task A_key_provider_is_asked_before_every_request()
    {
        var (handler, client) = Recording();
        var turn = 0;
        var credential = new ApiKeyCredential("fixed-key") { KeyProvider = _ => new ValueTask<string>("rotated-" + ++turn) };
        var authentication = new ClientAuthentication(client).ApiKey("key", ApiKeyLocation.Header, "X-Key", credential);

        await SendAsync(client, authentication, Requires("key"));
        await SendAsync(client, authentication, Requires("key"));

        Assert.Equal(["rotated-1", "rotated-2"], handler.Requests.Select(request => request.Single("X-Key")));
    }

    [Fact]
    public async Task Bearer_basic_and_other_http_schemes_fill_the_authorization_header()
    {
        var (handler, client) = Recording();
        var authentication = new ClientAuthentication(client)
            .Bearer("bearer", new BearerCredential("t-123456"))
            .Basic("basic", new BasicCredential("zoë", "pä:ss"))
            .Basic("keyAsUser", new BasicCredential { UserName = "sk_test_123" })
            .Authorization("token", "Token", new AuthorizationCredential("v-123456"));

        await SendAsync(client, authentication, Requires("bearer"));
        await SendAsync(client, authentication, Requires("basic"));
        await SendAsync(client, authentication, Requires("keyAsUser"));
        await SendAsync(client, authentication, Requires("token"));

        var sent = handler.Requests;
        Assert.Equal("Bearer t-123456", sent[0].Single("Authorization"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("zoë:pä:ss")), sent[1].Single("Authorization"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sk_test_123:")), sent[2].Single("Authorization"));
        Assert.Equal("Token v-123456", sent[3].Single("Authorization"));
    }

    [Fact]
    public async Task A_rotated_fixed_token_is_sent_from_the_next_request_on()
    {
        var (handler, client) = Recording();
        var credential = new BearerCredential("first-token");
        var authentication = new ClientAuthentication(client).Bearer("bearer", credential);

        await SendAsync(client, authentication, Requires("bearer"));
        credential.Token = "second-token";
        await SendAsync(client, authentication, Requires("bearer"));

        Assert.Equal("Bearer second-token", handler.Last.Single("Authorization"));
    }

    [Fact]
    public async Task The_first_alternative_whose_schemes_are_all_configured_wins()
    {
        var (handler, client) = Recording();
        var authentication = new ClientAuthentication(client)
            .Bearer("admin", null)
            .ApiKey("key", ApiKeyLocation.Header, "X-Key", new ApiKeyCredential("k-123456"))
            .ApiKey("tenant", ApiKeyLocation.Header, "X-Tenant", new ApiKeyCredential("tenant-7"))
            .Basic("basic", new BasicCredential("user", "password"));
        SecurityRequirement[] security =
        [
            new(new SchemeUse("admin")),
            new(new SchemeUse("key"), new SchemeUse("tenant")),
            new(new SchemeUse("basic")),
        ];

        await SendAsync(client, authentication, security);

        Assert.Equal("k-123456", handler.Last.Single("X-Key"));
        Assert.Equal("tenant-7", handler.Last.Single("X-Tenant"));
        Assert.False(handler.Last.Has("Authorization"));
    }

    [Fact]
    public async Task An_anonymous_alternative_sends_a_configured_credential_and_goes_without_one_otherwise()
    {
        var (handler, client) = Recording();
        SecurityRequirement[] optional = [SecurityRequirement.Anonymous, new(new SchemeUse("bearer"))];

        await SendAsync(client, new ClientAuthentication(client).Bearer("bearer", new BearerCredential("t-123456")), optional);
        await SendAsync(client, new ClientAuthentication(client).Bearer("bearer", null), optional);

        Assert.Equal("Bearer t-123456", handler.Requests[0].Single("Authorization"));
        Assert.False(handler.Requests[1].Has("Authorization"));
    }

    [Fact]
    public async Task An_anonymous_only_operation_sends_nothing_even_when_configured()
    {
        var (handler, client) = Recording();
        var authentication = new ClientAuthentication(client).Bearer("bearer", new BearerCredential("t-123456"));

        await SendAsync(client, authentication, []);
        await SendAsync(client, authentication, security: null);

        Assert.All(handler.Requests, request => Assert.False(request.Has("Authorization")));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_missing_credential_fails_before_anything_is_sent_naming_every_scheme()
    {
        var (handler, client) = Recording();
        var authentication = new ClientAuthentication(client)
            .Bearer("admin", new BearerCredential())
            .ApiKey("key", ApiKeyLocation.Header, "X-Key", new ApiKeyCredential("k-123456"));
        SecurityRequirement[] security = [new(new SchemeUse("admin")), new(new SchemeUse("key"), new SchemeUse("tenant"))];

        var exception = await Assert.ThrowsAsync<CredentialNotConfiguredException>(() => SendAsync(client, authentication, security));

        Assert.Empty(handler.Requests);
        Assert.Equal("listItems", exception.OperationName);
        Assert.Equal(["admin", "key", "tenant"], exception.SchemeNames);
        Assert.Contains("'admin' or all of 'key', 'tenant'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("k-123456", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_without_authentication_refuses_a_secured_operation()
    {
        var (handler, client) = Recording();
        using var request = ContractsHttp.CreateRequest(HttpMethod.Get, Base, "/items", Requires("bearer"));

        await Assert.ThrowsAsync<CredentialNotConfiguredException>(() => ContractsHttp.SendAsync(client, request, "listItems", errors: null, clientDefaults: null, requestOptions: null, default));

        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("header")]
    [InlineData("cookie")]
    [InlineData("bearer")]
    [InlineData("other")]
    public async Task A_credential_with_a_line_break_is_refused_before_anything_is_sent(string scheme)
    {
        var (handler, client) = Recording();
        const string Value = "abc\r\nX-Injected: 1";
        var authentication = new ClientAuthentication(client)
            .ApiKey("header", ApiKeyLocation.Header, "X-Key", new ApiKeyCredential(Value))
            .ApiKey("cookie", ApiKeyLocation.Cookie, "sid", new ApiKeyCredential { KeyProvider = _ => new ValueTask<string>(Value) })
            .Bearer("bearer", new BearerCredential(Value))
            .Authorization("other", "Token", new AuthorizationCredential(Value));

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => SendAsync(client, authentication, Requires(scheme)));

        Assert.Empty(handler.Requests);
        Assert.Contains("'" + scheme + "'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Injected", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_basic_user_name_with_a_colon_is_refused()
    {
        var (handler, client) = Recording();
        var authentication = new ClientAuthentication(client).Basic("basic", new BasicCredential("a:b", "password"));

        await Assert.ThrowsAsync<ArgumentException>(() => SendAsync(client, authentication, Requires("basic")));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_external_scheme_counts_as_satisfied_and_adds_nothing()
    {
        var (handler, client) = Recording();
        var authentication = new ClientAuthentication(client).External("mtls");

        await SendAsync(client, authentication, Requires("mtls"));

        Assert.Single(handler.Requests);
        Assert.False(handler.Last.Has("Authorization"));
    }

    private static (ScriptedHandler Handler, HttpClient Client) Recording()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        return (handler, new HttpClient(handler));
    }
}
