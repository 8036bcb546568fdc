using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Widgets;
using Contracts.Runtime.Aws;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Contracts.IntegrationTests.Server;

/// <summary>
/// Specs/aws-json.yaml served: a declared AWS error with members (<c>InvalidInputException</c>: code and message) is
/// written with its members beside <c>__type</c>, and the generated client throws its exception with those members as
/// its details; one without members (<c>NotFoundException</c>) carries its message.
/// </summary>
public sealed class ServerAwsJsonErrorTests : IAsyncLifetime
{
    private ServedApp _served = null!;
    private WidgetsClient _client = null!;

    public async Task InitializeAsync()
    {
        _served = await ServedApp.StartAsync(
            services =>
            {
                services.AddSingleton<IWidgetsHandler, WidgetsHandler>();
                // The document's scheme (hmac, Amazon Signature v4); the signature itself is not what this test is about.
                services.AddAuthorization(options => options.AddPolicy("hmac", p => p.RequireAssertion(_ => true)));
            },
            app =>
            {
                app.UseAuthorization();
                app.MapWidgets();
            });
        _client = new WidgetsClient(_served.Http, new WidgetsClientOptions
        {
            BaseAddress = _served.Http.BaseAddress,
            Credentials = new StaticCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "secret")),
        });
    }

    public async Task DisposeAsync()
    {
        await _served.DisposeAsync();
    }

    [Fact]
    public async Task An_error_with_members_reaches_the_client_with_its_details()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => _client.GetWidgetAsync(new GetWidgetRequest { Name = "" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("InvalidInputException", error.ErrorType);
        Assert.Equal("A widget has a name.", error.ErrorMessage);
        Assert.Equal("EmptyName", error.Details!.Code);
        Assert.Equal("A widget has a name.", error.Details.Message);
    }

    [Fact]
    public async Task An_error_without_members_reaches_the_client_with_its_message()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => _client.GetWidgetAsync(new GetWidgetRequest { Name = "gone" }));

        Assert.Equal("NotFoundException", error.ErrorType);
        Assert.Equal("No widget gone.", error.ErrorMessage);
    }

    [Fact]
    public async Task The_members_are_written_beside_the_type()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent("""{"name": ""}""", Encoding.UTF8, "application/x-amz-json-1.1") };
        request.Headers.Add("X-Amz-Target", "Widgets_20240101.GetWidget");

        using var response = await _served.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInputException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Equal("""{"__type":"InvalidInputException","code":"EmptyName","message":"A widget has a name."}""", await response.Content.ReadAsStringAsync());
    }

    private sealed class WidgetsHandler : IWidgetsHandler
    {
        public Task<GetWidgetResult2> GetWidgetAsync(GetWidgetRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(request.Name.Length == 0
                ? GetWidgetResult2.InvalidInputException(new InvalidInputExceptionDetails { Code = "EmptyName", Message = "A widget has a name." })
                : request.Name == "gone"
                ? GetWidgetResult2.NotFoundException("No widget " + request.Name + ".")
                : GetWidgetResult2.Ok(new GetWidgetResult { Name = request.Name }));

        public Task<CreateWidgetResult> CreateWidgetAsync(CreateWidgetRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<CreateWidgetResult>(new GetWidgetResult { Name = request.Name });
    }
}
