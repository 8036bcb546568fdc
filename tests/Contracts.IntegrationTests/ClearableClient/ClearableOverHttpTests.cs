using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Clearables;
using Contracts.Runtime;
using Xunit;

namespace Contracts.IntegrationTests.ClearableClient;

/// <summary>
/// Specs/clearable.yaml's "a value, or the empty string" members (Stripe's way to unset a field) over HTTP on
/// 127.0.0.1: the server receives <c>field=</c> (form) or <c>""</c> (JSON) for a clear, the value otherwise, and
/// nothing for a member left unset; a <c>""</c> in a response reads as the clear.
/// </summary>
public sealed class ClearableOverHttpTests
{
    private const string CustomerJson = """{"id":"cus_1","address":""}""";

    [Fact]
    public async Task A_clear_is_sent_as_an_empty_form_field()
    {
        await using var server = await LoopbackServer.StartAsync(200, CustomerJson);
        using var http = new HttpClient();
        var client = Create(http, server);

        await client.UpdateCustomerAsync("cus_1", new UpdateCustomerRequest
        {
            Address = Clearable<OptionalFieldsAddress>.Clear,
            Metadata = Clearable<IReadOnlyDictionary<string, string>>.Clear,
            TrialEnd = Clearable<long>.Clear,
        });

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/customers/cus_1", request.Path);
        Assert.Equal("address=&metadata=&trial_end=", request.BodyText);
    }

    [Fact]
    public async Task A_value_is_sent_as_its_fields()
    {
        await using var server = await LoopbackServer.StartAsync(200, CustomerJson);
        using var http = new HttpClient();
        var client = Create(http, server);

        await client.UpdateCustomerAsync("cus_1", new UpdateCustomerRequest
        {
            Address = new OptionalFieldsAddress { Line1 = "1 Main St", City = "Springfield" },
            Metadata = new Dictionary<string, string> { ["order_id"] = "6735" },
            TrialEnd = 1700000000,
        });

        Assert.Equal(
            "address%5Bline1%5D=1%20Main%20St&address%5Bcity%5D=Springfield&metadata%5Border_id%5D=6735&trial_end=1700000000",
            Assert.Single(server.Requests).BodyText);
    }

    [Fact]
    public async Task A_member_left_unset_is_not_sent()
    {
        await using var server = await LoopbackServer.StartAsync(200, CustomerJson);
        using var http = new HttpClient();
        var client = Create(http, server);

        await client.UpdateCustomerAsync("cus_1", new UpdateCustomerRequest { Name = "Jenny Rosen" });

        Assert.Equal("name=Jenny%20Rosen", Assert.Single(server.Requests).BodyText);
    }

    [Fact]
    public async Task An_empty_string_in_a_response_reads_as_the_clear()
    {
        await using var server = await LoopbackServer.StartAsync(200, CustomerJson);
        using var http = new HttpClient();
        var client = Create(http, server);

        var customer = await client.UpdateCustomerAsync("cus_1", new UpdateCustomerRequest());

        Assert.NotNull(customer.Address);
        Assert.True(customer.Address!.IsClear);
        Assert.Equal(Clearable<OptionalFieldsAddress>.Clear, customer.Address);
    }

    [Theory]
    [InlineData(true, """{"text":"call back","due":""}""")]
    [InlineData(false, """{"text":"call back","due":1700000000}""")]
    public async Task A_json_body_sends_a_clear_as_the_empty_string_and_reads_it_back(bool clear, string expected)
    {
        await using var server = await LoopbackServer.StartAsync(200, expected);
        using var http = new HttpClient();
        var client = Create(http, server);

        var note = await client.CreateNoteAsync(new Note { Text = "call back", Due = clear ? Clearable<long>.Clear : 1700000000 });

        Assert.Equal(expected, Assert.Single(server.Requests).BodyText);
        Assert.Equal(clear ? Clearable<long>.Clear : (Clearable<long>)1700000000, note.Due);
    }

    private static Clearables.ClearableClient Create(HttpClient http, LoopbackServer server) =>
        new(http, new ClearableClientOptions { BaseAddress = server.BaseAddress });
}
