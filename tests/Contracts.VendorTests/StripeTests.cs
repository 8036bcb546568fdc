using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.VendorTests.Stripe;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace Contracts.VendorTests;

/// <summary>The client generated from Stripe's description (spec/vendors), called over HTTP on 127.0.0.1.</summary>
public sealed class StripeTests
{
    [Fact]
    public async Task Retrieve_balance_reads_the_documented_balance_object()
    {
        await using var server = await LoopbackServer.StartAsync(200, Response("stripe-balance.json"));
        using var http = new HttpClient();
        // Stripe's description declares basicAuth or bearerAuth for every operation: the secret key as a bearer token.
        var client = new StripeClient(http, new StripeClientOptions { BaseAddress = server.BaseAddress, BearerAuth = new("sk_test_4eC39HqLyjWDarjtT1zdp7dc") });

        var balance = await client.GetBalanceAsync();

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/balance", request.Path);
        Assert.Equal("Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc", request.Headers["Authorization"]);
        Assert.Empty(request.Body);
        Assert.False(balance.Livemode);
        var available = Assert.Single(balance.Available);
        Assert.Equal(2217713, available.Amount);
        Assert.Equal("usd", available.Currency);
        Assert.Equal(16175, Assert.Single(balance.Pending).Amount);
    }

    [Fact]
    public async Task Create_customer_sends_a_deep_object_form_and_reads_the_documented_customer()
    {
        await using var server = await LoopbackServer.StartAsync(200, Response("stripe-customer.json"));
        using var http = new HttpClient();
        // The secret key as the basic user name with an empty password, as Stripe's own libraries send it.
        var client = new StripeClient(http, new StripeClientOptions { BaseAddress = server.BaseAddress, BasicAuth = new("sk_test_4eC39HqLyjWDarjtT1zdp7dc", "") });

        var customer = await client.PostCustomersAsync(new PostCustomersRequest
        {
            Email = "jennyrosen@example.com",
            Name = "Jenny Rosen",
            Metadata = new Dictionary<string, string> { ["order_id"] = "6735" },
            PreferredLocales = ["en", "fr"],
        });

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/customers", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("sk_test_4eC39HqLyjWDarjtT1zdp7dc:")), request.Headers["Authorization"]);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        var form = QueryHelpers.ParseQuery(request.BodyText);
        Assert.Equal("jennyrosen@example.com", form["email"].ToString());
        Assert.Equal("Jenny Rosen", form["name"].ToString());
        Assert.Equal("6735", form["metadata[order_id]"].ToString());
        Assert.Equal("en", form["preferred_locales[0]"].ToString());
        Assert.Equal("fr", form["preferred_locales[1]"].ToString());
        Assert.Equal(5, form.Count);

        Assert.Equal("cus_NffrFeUfNV2Hib", customer.Id);
        Assert.Equal("6735", customer.Metadata!["order_id"]);
        Assert.Equal(["en", "fr"], customer.PreferredLocales!.ToArray());
        Assert.Null(customer.DefaultSource);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1680893993), customer.Created);
    }

    [Fact]
    public async Task A_clearable_field_is_sent_empty_to_unset_it_and_a_value_as_its_fields()
    {
        await using var server = await LoopbackServer.StartAsync(200, Response("stripe-customer.json"));
        using var http = new HttpClient();
        var client = new StripeClient(http, new StripeClientOptions { BaseAddress = server.BaseAddress, BearerAuth = new("sk_test_4eC39HqLyjWDarjtT1zdp7dc") });

        // Stripe's "a value, or the empty string": one Clearable member, no union type per field (docs/names.md).
        await client.PostCustomersAsync(new PostCustomersRequest
        {
            Address = Contracts.Runtime.Clearable<OptionalFieldsAddress>.Clear,
            Metadata = Contracts.Runtime.Clearable<IReadOnlyDictionary<string, string>>.Clear,
            Shipping = new CustomerShipping { Name = "Jenny Rosen", Address = new OptionalFieldsAddress { Line1 = "1 Main St", City = "Springfield" } },
        });

        var form = QueryHelpers.ParseQuery(Assert.Single(server.Requests).BodyText);
        Assert.Equal(string.Empty, form["address"].ToString());
        Assert.Equal(string.Empty, form["metadata"].ToString());
        Assert.Equal("Jenny Rosen", form["shipping[name]"].ToString());
        Assert.Equal("1 Main St", form["shipping[address][line1]"].ToString());
        Assert.Equal("Springfield", form["shipping[address][city]"].ToString());
        Assert.Equal(5, form.Count);
    }

    private static string Response(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", name));
}
