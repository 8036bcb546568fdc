using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.IntegrationTests.Unions;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>The client generated from the unions spec against a real HTTP server on loopback (reflection disabled).</summary>
public sealed class UnionClientTests
{
    [Fact]
    public async Task A_union_body_is_sent_with_its_discriminator_and_a_union_response_is_read_by_it()
    {
        await using var server = await LoopbackServer.StartAsync(201, """{"petType":"cat","name":"Tom","lives":9}""");
        using var http = new HttpClient();

        Pet dog = new Dog { Name = "Rex", GoodBoy = true };
        var created = await Client(http, server.BaseAddress).CreatePetAsync(dog);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("""{"petType":"doggo","name":"Rex","goodBoy":true}""", request.BodyText);
        var cat = Assert.IsType<Pet.Cat>(created);
        Assert.Equal(9, cat.Value.Lives);
        Assert.Equal("cat Tom", created.Match(c => "cat " + c.Name, d => "dog " + d.Name));
    }

    [Fact]
    public async Task A_union_path_parameter_is_sent_as_its_case_value_and_an_expandable_field_is_read()
    {
        const string Body = """{"id":"ch_1","customer":{"id":"cus_1","object":"customer","email":"a@b.c"},"amount":12.5}""";
        await using var server = await LoopbackServer.StartAsync(200, Body);
        using var http = new HttpClient();
        var client = Client(http, server.BaseAddress);

        var charge = await client.ListWorkflowRunsAsync(42L, ListWorkflowRunsStatus.Completed);
        await client.ListWorkflowRunsAsync("ci build.yml");

        Assert.Equal("/workflows/42/runs", server.Requests[0].Path);
        Assert.Equal("?status=completed", server.Requests[0].QueryString);
        Assert.Equal("/workflows/ci build.yml/runs", server.Requests[1].Path); // escaped on the wire, decoded by the server
        Assert.Equal("cus_1", Assert.IsType<ChargeCustomer.Customer>(charge.Customer).Value.Id);
        Assert.Equal(12.5, Assert.IsType<ChargeAmount.Number>(charge.Amount).Value);
        Assert.Equal(Body, JsonSerializer.Serialize(charge, UnionsJsonContext.Default.Charge));
    }

    private static UnionsClient Client(HttpClient http, Uri baseAddress) =>
        new(http, new UnionsClientOptions { BaseAddress = baseAddress });
}
