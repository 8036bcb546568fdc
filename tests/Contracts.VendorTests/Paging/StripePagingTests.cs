using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Contracts.Runtime.Paging;
using Contracts.VendorTests.Stripe;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;
using StripeNet = global::Stripe;

namespace Contracts.VendorTests.Paging;

/// <summary>
/// Stripe's customer list, paged with <c>has_more</c> and <c>starting_after</c> by <see cref="FakeStripeCustomers"/>:
/// the paginator generated from Stripe's description (<c>GetCustomersAllAsync</c>) against Stripe.net's auto-paging,
/// Stripe's .NET SDK, over the same server.
/// </summary>
public sealed class StripePagingTests
{
    // Stripe.net reads its responses with System.Text.Json's reflection, which this project turns off by default (the
    // generated clients must work without it): Stripe.net's options name the reflection resolver explicitly.
#pragma warning disable IL2026, IL3050 // the reflection resolver, for Stripe.net only; this project is never trimmed
    static StripePagingTests()
    {
        var options = StripeNet.StripeConfiguration.DefaultStjSerializerOptions();
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        StripeNet.StripeConfiguration.SerializerOptions = options;
    }
#pragma warning restore IL2026, IL3050

    [Fact]
    public async Task Stripe_net_auto_paging_reads_every_customer_after_the_last_id_of_each_page()
    {
        // 25 customers at Stripe's default 10 a page: three pages, the last one short.
        await using var stripe = await FakeStripeCustomers.StartAsync(25);

        var ids = await StripeNetIdsAsync(stripe, options: null);

        Assert.Equal(stripe.CustomerIds, ids);
        Assert.Equal(
            ["", "?starting_after=" + stripe.CustomerIds[9], "?starting_after=" + stripe.CustomerIds[19]],
            stripe.Requests.Select(r => r.QueryString));
        Assert.All(stripe.Requests, r => Assert.Equal("/v1/customers", r.Path));
    }

    [Fact]
    public async Task The_generated_paginator_lists_the_customers_Stripe_net_lists_with_the_same_requests()
    {
        await using var stripe = await FakeStripeCustomers.StartAsync(25);
        var expected = await StripeNetIdsAsync(stripe, options: null);
        var stripeNetRequests = Queries(stripe.Requests);

        using var http = new HttpClient();
        var ids = new List<string>();
        await foreach (var customer in Client(http, stripe).GetCustomersAllAsync())
        {
            ids.Add(customer.Id);
        }

        Assert.Equal(expected, ids);
        Assert.Equal(stripeNetRequests, Queries(stripe.Requests.Skip(stripeNetRequests.Count)));
        Assert.Equal(3, stripeNetRequests.Count);
    }

    [Fact]
    public async Task A_limit_parameter_is_sent_with_every_page_as_Stripe_net_sends_it()
    {
        await using var stripe = await FakeStripeCustomers.StartAsync(12);
        var expected = await StripeNetIdsAsync(stripe, new StripeNet.CustomerListOptions { Limit = 5 });
        var stripeNetRequests = Queries(stripe.Requests);

        using var http = new HttpClient();
        var ids = new List<string>();
        await foreach (var customer in Client(http, stripe).GetCustomersAllAsync(limit: 5))
        {
            ids.Add(customer.Id);
        }

        Assert.Equal(stripe.CustomerIds, expected);
        Assert.Equal(expected, ids);
        Assert.Equal(3, stripeNetRequests.Count);
        Assert.Equal(stripeNetRequests, Queries(stripe.Requests.Skip(stripeNetRequests.Count)));
    }

    [Fact]
    public async Task Each_page_carries_its_Request_Id_and_the_cursor_of_the_next()
    {
        await using var stripe = await FakeStripeCustomers.StartAsync(25);
        using var http = new HttpClient();

        var pages = new List<Page<Customer>>();
        await foreach (var page in Client(http, stripe).GetCustomersAllAsync().AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([10, 10, 5], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        Assert.Equal([stripe.CustomerIds[9], stripe.CustomerIds[19], null], pages.Select(p => p.ContinuationToken));
        Assert.Equal(["req_0000000001", "req_0000000002", "req_0000000003"], pages.Select(p => p.Headers.GetString("Request-Id")));
    }

    [Fact]
    public async Task Paging_resumes_after_a_given_customer_and_stops_at_a_limit()
    {
        await using var stripe = await FakeStripeCustomers.StartAsync(25);
        using var http = new HttpClient();
        var client = Client(http, stripe);

        // The caller's starting_after is the first page's cursor.
        var resumed = new List<string>();
        await foreach (var customer in client.GetCustomersAllAsync(startingAfter: stripe.CustomerIds[4]).WithLimits(maxItems: 12))
        {
            resumed.Add(customer.Id);
        }

        Assert.Equal(stripe.CustomerIds.Skip(5).Take(12), resumed);
        Assert.Equal(["?starting_after=" + stripe.CustomerIds[4], "?starting_after=" + stripe.CustomerIds[14]], stripe.Requests.Select(r => r.QueryString));
    }

    private static async Task<List<string>> StripeNetIdsAsync(FakeStripeCustomers stripe, StripeNet.CustomerListOptions? options)
    {
        var client = new StripeNet.StripeClient(FakeStripeCustomers.SecretKey, apiBase: stripe.BaseAddress.AbsoluteUri.TrimEnd('/'));
        var ids = new List<string>();
        await foreach (var customer in new StripeNet.CustomerService(client).ListAutoPagingAsync(options))
        {
            ids.Add(customer.Id);
        }

        return ids;
    }

    // Stripe's description requires the key on every operation: the secret key as a bearer token, as Stripe.net sends it.
    private static StripeClient Client(HttpClient http, FakeStripeCustomers stripe) =>
        new(http, new StripeClientOptions { BaseAddress = stripe.BaseAddress, BearerAuth = new(FakeStripeCustomers.SecretKey) });

    // Query parameters compared as sets of name=value, whatever order a client writes them in.
    private static List<string> Queries(IEnumerable<RecordedRequest> requests) =>
        requests.Select(r => string.Join("&", QueryHelpers.ParseQuery(r.QueryString).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))).ToList();
}
