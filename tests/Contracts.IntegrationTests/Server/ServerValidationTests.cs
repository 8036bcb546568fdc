using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Contracts.IntegrationTests.Server;

/// <summary>
/// validation.yaml served: the endpoints check a bound request against the constraints the client checks (parameters
/// and body, nested records and lists included) and answer 400 naming each violation; the handler is never called.
/// </summary>
public sealed class ServerValidationTests : IAsyncLifetime
{
    private const string ValidBody = """{"id": "o-1", "quantity": 2, "lines": [{"name": "pear"}]}""";
    private readonly OrdersHandler _handler = new();
    private ServedApp _served = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _served = await ServedApp.StartAsync(
            services =>
            {
                services.AddSingleton<IOrdersHandler>(_handler);
            },
            app =>
            {
                app.MapOrders();
            });
        _http = _served.Http;
    }

    public async Task DisposeAsync()
    {
        await _served.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_request_reaches_the_handler()
    {
        var client = new OrdersClient(_http, new OrdersClientOptions { BaseAddress = _http.BaseAddress, ValidateRequests = true });

        var order = await client.PutOrderAsync("ord_1", new Order { Id = "o-1", Quantity = 2, Lines = [new Line { Name = "pear" }] }, limit: 100, tags: ["ab"]);

        Assert.Equal(1, _handler.Calls);
        Assert.Equal(2, order.Quantity);
    }

    [Fact]
    public async Task Every_violation_is_a_400_naming_the_parameter_or_the_body_member()
    {
        using var response = await _http.PutAsync(
            "orders/ORD-1?limit=500&tags=a&tags=ok",
            new StringContent("""{"id": "o", "quantity": 0, "lines": [{"name": "apple"}, {"name": "watermelon"}]}""", Encoding.UTF8, "application/json"));

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal(
            [
                "body.id: must be at least 3 characters long",
                "body.lines[1].name: must be at most 5 characters long",
                "body.quantity: must be at least 1",
                "limit: must be at most 100",
                "orderId: must match the pattern ^ord_[a-z0-9]+$",
                "tags[0]: must be at least 2 characters long",
            ],
            errors);
        Assert.Equal(0, _handler.Calls);
    }

    [Theory]
    [InlineData("orders/ord_1?tags=a", "tags[0]: must be at least 2 characters long")] // minLength
    [InlineData("orders/ord_1?limit=101", "limit: must be at most 100")] // maximum
    [InlineData("orders/ord_X", "orderId: must match the pattern ^ord_[a-z0-9]+$")] // pattern
    [InlineData("orders/ord_1234567890", "orderId: must be at most 12 characters long")] // maxLength
    public async Task One_broken_constraint_is_named(string target, string expected)
    {
        using var response = await _http.PutAsync(target, new StringContent(ValidBody, Encoding.UTF8, "application/json"));

        Assert.Equal([expected], await ProblemErrorsAsync(response));
        Assert.Equal(0, _handler.Calls);
    }

    [Fact]
    public async Task A_value_that_does_not_bind_is_named_once_not_checked_as_its_default()
    {
        using var response = await _http.PutAsync("orders/ord_1?limit=many", new StringContent(ValidBody, Encoding.UTF8, "application/json"));

        var errors = await ProblemErrorsAsync(response);
        Assert.Single(errors);
        Assert.StartsWith("limit: ", errors[0], StringComparison.Ordinal);
    }

    /// <summary>The 400 problem's errors as sorted <c>name: message</c> lines.</summary>
    private static async Task<List<string>> ProblemErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var problem = JsonDocument.Parse(text);
        return problem.RootElement.GetProperty("errors").EnumerateObject()
            .SelectMany(e => e.Value.EnumerateArray().Select(m => e.Name + ": " + m.GetString()))
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class OrdersHandler : IOrdersHandler
    {
        private int _calls;

        public int Calls => _calls;

        public Task<PutOrderResult> PutOrderAsync(string orderId, Order order, int? limit, IReadOnlyList<string>? tags, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(PutOrderResult.Ok(order));
        }

        public Task<PostNoteResult> PostNoteAsync(Note? note, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(PostNoteResult.NoContent());
        }
    }
}
