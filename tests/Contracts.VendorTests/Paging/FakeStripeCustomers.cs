using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Contracts.VendorTests.Paging;

/// <summary>
/// Stripe's <c>GET /v1/customers</c> over a fixed set of customers on a <see cref="LoopbackServer"/>, listed the way
/// Stripe lists: newest first, <c>limit</c> 10 by default (1 to 100), a page after <c>starting_after</c> (or before
/// <c>ending_before</c>) an object's id, and the list object <c>{"object": "list", "data": […], "has_more": …,
/// "url": "/v1/customers"}</c>. Every request must carry the secret key, as a bearer token or as the basic user name
/// (Stripe's two ways); an unknown cursor is Stripe's <c>resource_missing</c> error. Each response has a
/// <c>Request-Id</c>.
/// </summary>
public sealed class FakeStripeCustomers : IAsyncDisposable
{
    public const string SecretKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

    /// <summary>Stripe's page size when a request names none.</summary>
    public const int DefaultLimit = 10;

    private readonly string _customerTemplate;
    private LoopbackServer _server = null!;
    private int _requestCount;

    private FakeStripeCustomers(int count)
    {
        _customerTemplate = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", "stripe-customer.json"));

        // Newest first, as Stripe lists: the highest creation time comes first.
        CustomerIds = Enumerable.Range(1, count).Reverse().Select(Id).ToArray();
    }

    /// <summary>Every customer's id, in Stripe's list order (newest first).</summary>
    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>Such as <c>http://127.0.0.1:54321/</c>; Stripe's paths start with <c>/v1/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Every request, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>Starts a Stripe account holding <paramref name="count"/> customers.</summary>
    public static async Task<FakeStripeCustomers> StartAsync(int count)
    {
        var fake = new FakeStripeCustomers(count);
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // Stripe ids are the prefix and random letters; these count, so that a test can see the order.
    private static string Id(int number) => "cus_Paged" + number.ToString("0000", CultureInfo.InvariantCulture);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        context.Response.Headers["Request-Id"] = "req_" + Interlocked.Increment(ref _requestCount).ToString("0000000000", CultureInfo.InvariantCulture);
        var authorization = request.Headers.Authorization.ToString();
        if (authorization != "Bearer " + SecretKey && authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(SecretKey + ":")))
        {
            await Error(context, 401, "invalid_request_error", null, "You did not provide an API key.");
            return;
        }

        if (request.Method != "GET" || request.Path.Value != "/v1/customers")
        {
            await Error(context, 404, "invalid_request_error", null, "Unrecognized request URL (" + request.Method + ": " + request.Path.Value + ").");
            return;
        }

        var limit = DefaultLimit;
        if (request.Query.ContainsKey("limit")
            && (!int.TryParse(request.Query["limit"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            await Error(context, 400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer: " + request.Query["limit"]);
            return;
        }

        var startingAfter = request.Query["starting_after"].ToString();
        var endingBefore = request.Query["ending_before"].ToString();
        var cursor = startingAfter.Length > 0 ? startingAfter : endingBefore;
        var position = cursor.Length > 0 ? IndexOf(cursor) : -1;
        if (cursor.Length > 0 && position < 0)
        {
            await Error(context, 400, "invalid_request_error", "resource_missing", "No such customer: '" + cursor + "'");
            return;
        }

        int first, last;
        if (endingBefore.Length > 0 && startingAfter.Length == 0)
        {
            last = position;
            first = Math.Max(0, last - limit);
        }
        else
        {
            first = position + 1;
            last = Math.Min(CustomerIds.Count, first + limit);
        }

        var data = new JsonArray();
        for (var i = first; i < last; i++)
        {
            data.Add(Customer(i));
        }

        var hasMore = endingBefore.Length > 0 && startingAfter.Length == 0 ? first > 0 : last < CustomerIds.Count;
        var list = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["has_more"] = hasMore,
            ["url"] = "/v1/customers",
        };
        await Respond(context, 200, list.ToJsonString());
    }

    private int IndexOf(string id)
    {
        for (var i = 0; i < CustomerIds.Count; i++)
        {
            if (CustomerIds[i] == id)
            {
                return i;
            }
        }

        return -1;
    }

    // Stripe's documented customer (Responses/stripe-customer.json) with this customer's id, email and creation time.
    private JsonNode Customer(int index)
    {
        var customer = JsonNode.Parse(_customerTemplate)!.AsObject();
        customer["id"] = CustomerIds[index];
        customer["email"] = "customer" + (CustomerIds.Count - index).ToString(CultureInfo.InvariantCulture) + "@example.com";
        customer["created"] = 1_680_893_993L - index;
        return customer;
    }

    private static Task Error(HttpContext context, int status, string type, string? code, string message)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
        }

        return Respond(context, status, new JsonObject { ["error"] = error }.ToJsonString());
    }

    private static async Task Respond(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json));
    }
}
