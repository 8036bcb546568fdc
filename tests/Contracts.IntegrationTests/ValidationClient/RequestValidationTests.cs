using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Validation;
using Contracts.Runtime;
using Contracts.Runtime.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Contracts.IntegrationTests.ValidationClient;

/// <summary>
/// The client generated for tests/Contracts.Generator.Tests/Specs/validation.yaml against Kestrel on 127.0.0.1: with
/// request validation on (per client or per call), an invalid body or parameter throws a RequestValidationException that
/// lists every violation and the server sees no request; a valid one is sent. Off (the default), nothing is checked.
/// </summary>
public sealed class RequestValidationTests
{
    private static Order ValidOrder() => new()
    {
        Id = "ord",
        Quantity = 2,
        Lines = [new Line { Name = "apple" }],
        Labels = new Dictionary<string, string> { ["k"] = "v" },
    };

    private static Task<LoopbackServer> EchoServer() =>
        LoopbackServer.StartAsync(async context =>
        {
            using var reader = new System.IO.StreamReader(context.Request.Body);
            await LoopbackServer.Respond(context, 200, await reader.ReadToEndAsync());
        });

    [Fact]
    public async Task An_invalid_request_throws_every_violation_and_sends_nothing()
    {
        await using var server = await EchoServer();
        using var http = new HttpClient();
        var client = new OrdersClient(http, new OrdersClientOptions { BaseAddress = server.BaseAddress, ValidateRequests = true });
        var order = ValidOrder() with { Quantity = 0, Lines = [new Line { Name = "apple" }, new Line { Name = "watermelon" }] };

        var exception = await Assert.ThrowsAsync<RequestValidationException>(
            () => client.PutOrderAsync("ORD-1", order, limit: 500, tags: ["a", "ok"]));

        Assert.Equal("PutOrder", exception.OperationName);
        Assert.Equal(
            [
                "orderId: must match the pattern ^ord_[a-z0-9]+$",
                "limit: must be at most 100",
                "tags[0]: must be at least 2 characters long",
                "quantity: must be at least 1",
                "lines[1].name: must be at most 5 characters long",
            ],
            exception.Errors.Select(e => e.ToString()));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_valid_request_is_sent()
    {
        await using var server = await EchoServer();
        using var http = new HttpClient();
        var client = new OrdersClient(http, new OrdersClientOptions { BaseAddress = server.BaseAddress, ValidateRequests = true });

        var echoed = await client.PutOrderAsync("ord_1", ValidOrder(), limit: 100, tags: ["ab"]);

        Assert.Equal("apple", echoed.Lines.Single().Name);
        Assert.Equal("/orders/ord_1?limit=100&tags=ab", Assert.Single(server.Requests).Path + server.Requests[0].QueryString);
    }

    [Fact]
    public async Task Validation_is_off_unless_asked_for_and_a_call_can_turn_it_on_or_off()
    {
        await using var server = await EchoServer();
        using var http = new HttpClient();
        var invalid = ValidOrder() with { Id = "x" };
        var client = new OrdersClient(http, new OrdersClientOptions { BaseAddress = server.BaseAddress });

        // Off by default: the service judges.
        await client.PutOrderAsync("ord_1", invalid);
        Assert.Single(server.Requests);

        // On for one call.
        var exception = await Assert.ThrowsAsync<RequestValidationException>(
            () => client.PutOrderAsync("ord_1", invalid, requestOptions: new RequestOptions { ValidateRequest = true }));
        Assert.Equal("id: must be at least 3 characters long", Assert.Single(exception.Errors).ToString());

        // Off for one call of a validating client.
        var validating = new OrdersClient(http, new OrdersClientOptions { BaseAddress = server.BaseAddress, ValidateRequests = true });
        await validating.PutOrderAsync("ord_1", invalid, requestOptions: new RequestOptions { ValidateRequest = false });
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task The_registration_reads_ValidateRequests_from_configuration()
    {
        await using var server = await EchoServer();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Orders:BaseAddress"] = server.BaseAddress.ToString(),
                ["Orders:ValidateRequests"] = "true",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddOrdersClient(configuration.GetSection("Orders"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IOrdersClient>();

        await Assert.ThrowsAsync<RequestValidationException>(() => client.PutOrderAsync("ord_1", ValidOrder() with { Id = "x" }));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Validate_is_there_for_callers_who_check_first()
    {
        var order = ValidOrder() with { Sku = "abc" };

        Assert.Empty(ValidOrder().Validate());
        Assert.Equal("sku", Assert.Single(order.Validate()).Path);
    }
}
