using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Shop;
using Contracts.Runtime.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Contracts.IntegrationTests.Server;

/// <summary>
/// tests/Contracts.Generator.Tests/Specs/server-forms.yaml generated as both sides: object and map parameters in every
/// place and style, a form body and a multipart body, sent by the generated client to the generated endpoints on Kestrel
/// (127.0.0.1). The handler receives exactly what was sent; bad input sent by hand is a 400, 413 or 415 problem naming
/// it, the handler never called.
/// </summary>
public sealed class ServerFormsTests : IAsyncLifetime
{
    private const long BodyLimit = 20_000;

    private readonly RecordingHandler _handler = new();
    private ServedApp _served = null!;
    private HttpClient _http = null!;
    private ShopClient _client = null!;

    public async Task InitializeAsync()
    {
        _served = await ServedApp.StartAsync(
            services =>
            {
                services.AddSingleton<IShopHandler>(_handler);
                services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = BodyLimit);
            },
            app => app.MapShop());
        _http = _served.Http;
        _client = new ShopClient(_http, new ShopClientOptions { BaseAddress = _http.BaseAddress });
    }

    public async Task DisposeAsync() => await _served.DisposeAsync();

    [Fact]
    public async Task Object_and_map_parameters_arrive_as_the_client_wrote_them_in_every_place()
    {
        const string tricky = "a,b=c;d.e&f [g] 50% ünï+";
        var selector = new Selector { Kind = tricky, Id = 9_000_000_000 };
        var range = new Window { From = -3, To = 7 };
        var filter = new Filter { Name = tricky, Min = 2.5, Active = false, Status = Status.Closed };
        Line[] lines = [new Line { Sku = "s-1 [x]", Amount = 100 }, new Line { Sku = "ünï" }];
        var window = new Window { From = 1, To = 2 };
        var page = new Page { Size = 50, Cursor = "next page" };
        var scope = new Scope { Team = "core team", Level = 3 };
        var labels = new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "gold" };
        var prefs = new Prefs { Lang = "de-CH", Dark = true };
        var weights = new Dictionary<string, int> { ["a b"] = 1, ["c"] = -2 };

        await _client.FindOrdersAsync(selector, range, filter, lines, window, page, "q 1", scope, labels, prefs, weights);

        var call = Assert.Single(_handler.Calls);
        Assert.Equal("FindOrders", call.Operation);
        Assert.Equal(selector, call.Arguments[0]);
        Assert.Equal(range, call.Arguments[1]);
        Assert.Equal(filter, call.Arguments[2]);
        Assert.Equal(lines, (IReadOnlyList<Line>)call.Arguments[3]!);
        Assert.Equal(window, call.Arguments[4]);
        Assert.Equal(page, call.Arguments[5]);
        Assert.Equal("q 1", call.Arguments[6]);
        Assert.Equal(scope, call.Arguments[7]);
        Assert.Equal(labels, (IReadOnlyDictionary<string, string>)call.Arguments[8]!);
        Assert.Equal(prefs, call.Arguments[9]);
        Assert.Equal(weights, (IReadOnlyDictionary<string, int>)call.Arguments[10]!);
    }

    [Fact]
    public async Task Optional_objects_left_out_arrive_as_null()
    {
        await _client.FindOrdersAsync(new Selector { Kind = "k" }, new Window { From = 1 });

        var call = Assert.Single(_handler.Calls);
        Assert.Equal(new Selector { Kind = "k" }, call.Arguments[0]);
        Assert.Equal(new Window { From = 1 }, call.Arguments[1]);
        Assert.All(call.Arguments.Skip(2), Assert.Null);
    }

    [Fact]
    public async Task A_simple_style_path_object_arrives_as_sent()
    {
        await _client.GetPartAsync(new Scope { Team = "x/y,z", Level = 0 });

        Assert.Equal(new Scope { Team = "x/y,z", Level = 0 }, Assert.Single(_handler.Calls).Arguments[0]);
    }

    [Fact]
    public async Task A_form_body_arrives_with_its_nesting_indices_and_escapes()
    {
        var charge = new Charge
        {
            Amount = 1234,
            Currency = "chf",
            Capture = true,
            Card = new Card { Number = "4242 4242", ExpMonth = 12 },
            Metadata = new Dictionary<string, string> { ["order id"] = "A&B=C", ["note"] = "grüße + 100%" },
            Expand = ["customer", "invoice[lines]"],
            Tags = ["a", "b c"],
            Lines = [new Line { Sku = "x", Amount = 1 }, new Line { Sku = "y", Amount = 2 }],
            Description = "",
        };

        await _client.CreateChargeAsync(charge);

        var received = (Charge)Assert.Single(_handler.Calls).Arguments[0]!;
        Assert.Equal(1234, received.Amount);
        Assert.Equal("chf", received.Currency);
        Assert.True(received.Capture);
        Assert.Equal(charge.Card, received.Card);
        Assert.Equal(charge.Metadata, received.Metadata!);
        Assert.Equal(charge.Expand, received.Expand!);
        Assert.Equal(charge.Tags, received.Tags!);
        Assert.Equal(charge.Lines, received.Lines!);
        Assert.Equal("", received.Description);
    }

    [Fact]
    public async Task A_form_body_written_by_hand_takes_plus_as_space_and_ignores_unknown_fields()
    {
        using var response = await _http.PostAsync("charges", Form("amount=5&currency=eur+cents&unknown[x]=1&card%5Bnumber%5D=1+2"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var received = (Charge)Assert.Single(_handler.Calls).Arguments[0]!;
        Assert.Equal("eur cents", received.Currency);
        Assert.Equal("1 2", received.Card!.Number);
    }

    [Fact]
    public async Task A_multipart_body_arrives_part_by_part_with_its_files()
    {
        using var photo = new MemoryStream([1, 2, 3]);
        using var first = new MemoryStream(Encoding.UTF8.GetBytes("first"));
        using var second = new MemoryStream([]);

        await _client.UploadAsync(
            "Größe & \"quotes\"", new FilePart(photo, "photo ünï.png", "image/png"), count: 3, tags: ["a", "b,c"],
            meta: new Meta { Source = "cam", Size = 3 }, attachments: [new FilePart(first, "a.txt", "text/plain"), new FilePart(second, "b.bin")]);

        var call = Assert.Single(_handler.Calls);
        Assert.Equal("Größe & \"quotes\"", call.Arguments[0]);
        var (name, mediaType, bytes) = ((string, string?, byte[]))call.Arguments[1]!;
        Assert.Equal(("photo ünï.png", "image/png"), (name, mediaType));
        Assert.Equal([1, 2, 3], bytes);
        Assert.Equal(3, call.Arguments[2]);
        Assert.Equal(["a", "b,c"], (IReadOnlyList<string>)call.Arguments[3]!);
        Assert.Equal(new Meta { Source = "cam", Size = 3 }, call.Arguments[4]);
        var files = (List<(string, string?, byte[])>)call.Arguments[5]!;
        Assert.Equal(2, files.Count);
        Assert.Equal(("a.txt", "text/plain", "first"), (files[0].Item1, files[0].Item2, Encoding.UTF8.GetString(files[0].Item3)));
        Assert.Equal(("b.bin", "application/octet-stream", 0), (files[1].Item1, files[1].Item2, files[1].Item3.Length));
    }

    [Fact]
    public async Task Optional_parts_left_out_arrive_as_null()
    {
        using var photo = new MemoryStream([7]);

        await _client.UploadAsync("t", new FilePart(photo, "p.png"));

        var call = Assert.Single(_handler.Calls);
        Assert.All(call.Arguments.Skip(2), Assert.Null);
    }

    [Theory]
    [InlineData("amount=abc&currency=x", "amount", "'abc' is not an integer.")]
    [InlineData("amount=1&currency=x&card[number]=1&card[exp_month]=twelve", "card[exp_month]", "'twelve' is not an integer.")]
    [InlineData("amount=1&currency=x&capture=yes", "capture", "'yes' is not true or false.")]
    [InlineData("amount=1&currency=x&lines[0][sku]=a&lines[0][amount]=1.5", "lines[0][amount]", "'1.5' is not an integer.")]
    public async Task A_malformed_form_field_is_a_400_naming_the_field(string form, string field, string message)
    {
        var problem = await ProblemAsync(HttpMethod.Post, "charges", Form(form));

        Assert.Equal(400, problem.Status);
        Assert.Equal(message, Assert.Single(problem.Errors[field]));
    }

    [Fact]
    public async Task A_form_without_a_required_member_is_a_400()
    {
        var problem = await ProblemAsync(HttpMethod.Post, "charges", Form("amount=1"));

        Assert.Equal(400, problem.Status);
        Assert.Contains("currency", string.Join(" ", problem.Errors.SelectMany(e => e.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_in_another_media_type_is_415()
    {
        var problem = await ProblemAsync(HttpMethod.Post, "charges", new StringContent("{\"amount\":1}", Encoding.UTF8, "application/json"));

        Assert.Equal(415, problem.Status);
        Assert.Contains("application/x-www-form-urlencoded is expected", problem.Errors["body"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_over_the_size_limit_is_413()
    {
        var problem = await ProblemAsync(HttpMethod.Post, "charges", Form("amount=1&currency=" + new string('x', (int)BodyLimit * 2)));

        Assert.Equal(413, problem.Status);
    }

    [Fact]
    public async Task Malformed_object_parameters_are_400s_naming_the_parameter_or_field()
    {
        var problem = await ProblemAsync(HttpMethod.Get, "orders/;kind=k;id=x/.from,1?filter%5Bmin%5D=abc&window=from,1,to&size=big", null);

        Assert.Equal(400, problem.Status);
        Assert.Equal("member 'id': 'x' is not an integer.", Assert.Single(problem.Errors["selector"]));
        Assert.Equal("'abc' is not a number.", Assert.Single(problem.Errors["filter[min]"]));
        Assert.Equal("has 3 comma-separated items; names and values in pairs are expected.", Assert.Single(problem.Errors["window"]));
        Assert.Equal("'big' is not an integer.", Assert.Single(problem.Errors["size"]));
    }

    [Fact]
    public async Task A_multipart_body_without_required_parts_is_a_400_naming_each()
    {
        using var content = new MultipartFormDataContent { { new StringContent("2"), "count" } };

        var problem = await ProblemAsync(HttpMethod.Post, "uploads", content);

        Assert.Equal(400, problem.Status);
        Assert.Equal("is required (multipart part).", Assert.Single(problem.Errors["title"]));
        Assert.Equal("is required (multipart part).", Assert.Single(problem.Errors["file"]));
    }

    [Fact]
    public async Task Malformed_parts_are_400s_naming_the_part()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("t"), "title" },
            { new ByteArrayContent([1]), "file", "f.bin" },
            { new StringContent("many"), "count" },
            { new StringContent("{\"size\":\"big\"}"), "meta" },
        };

        var problem = await ProblemAsync(HttpMethod.Post, "uploads", content);

        Assert.Equal(400, problem.Status);
        Assert.Equal("'many' is not an integer (multipart part).", Assert.Single(problem.Errors["count"]));
        Assert.Single(problem.Errors["meta"]);
    }

    [Fact]
    public async Task A_multipart_operation_sent_a_form_is_415()
    {
        var problem = await ProblemAsync(HttpMethod.Post, "uploads", Form("title=t"));

        Assert.Equal(415, problem.Status);
        Assert.Contains("multipart/form-data is expected", problem.Errors["body"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_body_over_the_size_limit_is_413()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("t"), "title" },
            { new ByteArrayContent(new byte[BodyLimit * 2]), "file", "big.bin" },
        };

        var problem = await ProblemAsync(HttpMethod.Post, "uploads", content);

        Assert.Equal(413, problem.Status);
    }

    private static ByteArrayContent Form(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private async Task<Problem> ProblemAsync(HttpMethod method, string uri, HttpContent? content)
    {
        using var response = await _http.SendAsync(new HttpRequestMessage(method, uri) { Content = content });
        Assert.Empty(_handler.Calls);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal((int)response.StatusCode, root.GetProperty("status").GetInt32());
        return new Problem(
            root.GetProperty("status").GetInt32(),
            root.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToList()));
    }

    private sealed record Problem(int Status, Dictionary<string, List<string>> Errors);

    /// <summary>Records each call's arguments; files as (name, media type, bytes), read while the request lasts.</summary>
    private sealed class RecordingHandler : IShopHandler
    {
        private readonly ConcurrentQueue<(string Operation, object?[] Arguments)> _calls = new();

        public IReadOnlyList<(string Operation, object?[] Arguments)> Calls => _calls.ToArray();

        public Task<FindOrdersResult> FindOrdersAsync(Selector selector, Window range, Filter? filter, IReadOnlyList<Line>? lines, Window? window, Page? page, string? q, Scope? xScope, IReadOnlyDictionary<string, string>? xLabels, Prefs? prefs, IReadOnlyDictionary<string, int>? weights, CancellationToken cancellationToken)
        {
            _calls.Enqueue(("FindOrders", [selector, range, filter, lines, window, page, q, xScope, xLabels, prefs, weights]));
            return Task.FromResult(FindOrdersResult.NoContent());
        }

        public Task<GetPartResult> GetPartAsync(Scope spec, CancellationToken cancellationToken)
        {
            _calls.Enqueue(("GetPart", [spec]));
            return Task.FromResult(GetPartResult.NoContent());
        }

        public Task<CreateChargeResult> CreateChargeAsync(Charge request, CancellationToken cancellationToken)
        {
            _calls.Enqueue(("CreateCharge", [request]));
            return Task.FromResult(CreateChargeResult.NoContent());
        }

        public async Task<UploadResult> UploadAsync(string title, FilePart file, int? count, IReadOnlyList<string>? tags, Meta? meta, IReadOnlyList<FilePart>? attachments, CancellationToken cancellationToken)
        {
            var received = await ReadAsync(file);
            List<(string, string?, byte[])>? files = null;
            if (attachments is not null)
            {
                files = [];
                foreach (var attachment in attachments)
                {
                    files.Add(await ReadAsync(attachment));
                }
            }

            _calls.Enqueue(("Upload", [title, received, count, tags, meta, files]));
            return UploadResult.NoContent();
        }

        private static async Task<(string, string?, byte[])> ReadAsync(FilePart file)
        {
            using var copy = new MemoryStream();
            await file.Content.CopyToAsync(copy);
            return (file.FileName, file.ContentType, copy.ToArray());
        }
    }
}
