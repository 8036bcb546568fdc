using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.Runtime.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Contracts.Runtime.Tests.AspNetCore;

/// <summary>
/// AWS JSON operations mapped as generated servers map them (<see cref="AwsJsonDispatch.MapTarget"/> per target, then
/// <see cref="AwsJsonDispatch.MapUnknownTargets"/>), routed by ASP.NET Core over Kestrel: the header picks the endpoint,
/// each endpoint's own authorization applies, and the API explorer lists each target apart.
/// </summary>
public sealed class AwsJsonDispatchTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _called = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>("Test", null);
        builder.Services.AddAuthorization(options => options.AddPolicy("signed", p => p.RequireClaim("signed", "yes")));
        builder.Services.AddContractEndpointDescriptions();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        var group = _app.MapGroup("");
        AwsJsonDispatch.MapTarget(group, "Service_2016.GetThing", Answer("GetThing")).WithMetadata(Operation("GetThing"));
        AwsJsonDispatch.MapTarget(group, "Service_2016.PutThing", Answer("PutThing")).RequireAuthorization("signed").WithMetadata(Operation("PutThing"));
        AwsJsonDispatch.MapUnknownTargets(group);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_request_reaches_the_endpoint_its_target_names()
    {
        using var get = await _client.SendAsync(Request("Service_2016.GetThing"));
        using var put = await _client.SendAsync(Request("Service_2016.PutThing", signed: true));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["GetThing", "PutThing"], _called.ToArray());
    }

    [Theory]
    [InlineData("Service_2016.getthing")]
    [InlineData("Other.GetThing")]
    [InlineData("Service_2016.GetThing, Service_2016.PutThing")]
    [InlineData(null)]
    public async Task A_target_no_endpoint_serves_is_refused_as_aws_refuses_it(string? target)
    {
        using var response = await _client.SendAsync(Request(target, signed: true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UnknownOperationException", body.RootElement.GetProperty("__type").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
        Assert.Empty(_called);
    }

    [Fact]
    public async Task Each_target_has_its_own_authorization()
    {
        using var open = await _client.SendAsync(Request("Service_2016.GetThing"));
        using var guarded = await _client.SendAsync(Request("Service_2016.PutThing"));

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guarded.StatusCode);
        Assert.Equal(["GetThing"], _called.ToArray());
    }

    [Fact]
    public async Task Another_method_is_not_an_operation()
    {
        using var response = await _client.GetAsync("");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(_called);
    }

    [Fact]
    public void The_api_explorer_lists_each_target_at_its_own_path_with_the_target_header()
    {
        var descriptions = _app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .OrderBy(d => d.RelativePath, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["#X-Amz-Target=Service_2016.GetThing", "#X-Amz-Target=Service_2016.PutThing"], descriptions.Select(d => d.RelativePath!).ToArray());
        Assert.All(descriptions, d => Assert.Equal("POST", d.HttpMethod));
        Assert.All(descriptions, d => Assert.Contains(d.ParameterDescriptions, p => p.Name == "X-Amz-Target" && p.Source.Id == "Header" && p.IsRequired));
    }

    [Fact]
    public async Task Under_a_group_prefix_the_targets_are_still_told_apart()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        var group = app.MapGroup("/svc").MapGroup("");
        AwsJsonDispatch.MapTarget(group, "Service_2016.GetThing", Answer("GetThing"));
        AwsJsonDispatch.MapTarget(group, "Service_2016.PutThing", Answer("PutThing"));
        AwsJsonDispatch.MapUnknownTargets(group);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/svc/") };

        using var put = await client.SendAsync(Request("Service_2016.PutThing"));
        using var unknown = await client.SendAsync(Request("Service_2016.DropThing"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["PutThing"], _called.ToArray());
    }

    private RequestDelegate Answer(string operation) => context =>
    {
        _called.Enqueue(operation);
        return ResultWriter.WriteEmptyAsync(context, StatusCodes.Status200OK);
    };

    private static ContractOperation Operation(string operationId) => new(operationId, [], null, [new ContractResponse("200")]);

    private static HttpRequestMessage Request(string? target, bool signed = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1") };
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        if (signed)
        {
            request.Headers.Add("X-Test-Signed", "yes");
        }

        return request;
    }

    /// <summary>Authenticates a request carrying <c>X-Test-Signed</c>, with a <c>signed</c> claim of its value.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers["X-Test-Signed"].ToString() is { Length: > 0 } value
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("signed", value)], Scheme.Name)), Scheme.Name))
                : AuthenticateResult.NoResult());
    }
}
