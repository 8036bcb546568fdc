using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Contracts.Runtime.AspNetCore;
using Contracts.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.Runtime.Tests.AspNetCore;

/// <summary>
/// Objects and maps in every parameter place and style, form bodies and multipart bodies, written as generated clients
/// write them (<see cref="ParameterStyles"/>, <see cref="FormBody"/>, <see cref="MultipartBody"/>), sent over real HTTP
/// to Kestrel and bound by <see cref="RequestBinder"/> through a <see cref="FormShape"/>: they arrive as sent, and text
/// that does not fit is a problem naming the field.
/// </summary>
public sealed class FormBinderTests : IAsyncLifetime
{
    // Delimiters of every style, escapes, brackets, a slash, spaces, '+', non-ASCII.
    private const string Tricky = "a,b=c;d.e&f [g]/h 50% ü+";

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    private static readonly JsonTypeInfo<Scope> ScopeInfo = (JsonTypeInfo<Scope>)s_options.GetTypeInfo(typeof(Scope));
    private static readonly JsonTypeInfo<Dictionary<string, string>> MapInfo = (JsonTypeInfo<Dictionary<string, string>>)s_options.GetTypeInfo(typeof(Dictionary<string, string>));
    private static readonly JsonTypeInfo<Charge> ChargeInfo = (JsonTypeInfo<Charge>)s_options.GetTypeInfo(typeof(Charge));
    private static readonly JsonTypeInfo<List<Line>> LinesInfo = (JsonTypeInfo<List<Line>>)s_options.GetTypeInfo(typeof(List<Line>));
    private static readonly JsonTypeInfo<Line> LineInfo = (JsonTypeInfo<Line>)s_options.GetTypeInfo(typeof(Line));

    private static readonly FormShape ScopeShape = FormShape.Object(["team", "level", "dark", "rate"], [FormShape.Text, FormShape.Integer, FormShape.Boolean, FormShape.Number]);
    private static readonly FormShape MapShape = FormShape.MapOf(FormShape.Text);
    private static readonly FormShape LineShape = FormShape.Object(["sku", "amount"], [FormShape.Text, FormShape.Integer]);
    private static readonly FormShape ChargeShape = FormShape.Object(
        ["amount", "currency", "capture", "card", "metadata", "expand", "tags", "lines", "extra", "note"],
        [FormShape.Integer, FormShape.Text, FormShape.Boolean, FormShape.Object(["number", "exp_month"], [FormShape.Text, FormShape.Integer]), MapShape, FormShape.ListOf(FormShape.Text), FormShape.ListOf(FormShape.Text), FormShape.ListOf(LineShape), FormShape.Any, FormShape.Clearable(FormShape.Integer)]);

    private static readonly Scope s_scope = new() { Team = Tricky, Level = -3, Dark = true, Rate = 2.5 };
    private static readonly Dictionary<string, string> s_map = new() { ["env x"] = Tricky, ["ünï"] = "1" };

    private BindingServer _server = null!;

    public async Task InitializeAsync() => _server = await BindingServer.StartAsync(maxBody: 20_000);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<ParameterStyle, bool> PathStyles => new()
    {
        { ParameterStyle.Simple, false }, { ParameterStyle.Simple, true },
        { ParameterStyle.Label, false }, { ParameterStyle.Label, true },
        { ParameterStyle.Matrix, false }, { ParameterStyle.Matrix, true },
    };

    [Theory]
    [MemberData(nameof(PathStyles))]
    public async Task Path_objects_and_maps_arrive_as_the_client_wrote_them(ParameterStyle style, bool explode)
    {
        var scope = await BindAsync(
            Get("items/" + ParameterStyles.Path("id", ParameterValue.Object(s_scope, ScopeInfo), style, explode)),
            binder => binder.PathObject("id", "id", 0, style, explode, ScopeShape, ScopeInfo));
        var map = await BindAsync(
            Get("items/" + ParameterStyles.Path("id", ParameterValue.Object(s_map, MapInfo), style, explode)),
            binder => binder.PathObject("id", "id", 0, style, explode, MapShape, MapInfo));

        Assert.Equal(s_scope, scope);
        Assert.Equal(s_map, map);
    }

    public static TheoryData<ParameterStyle, bool> QueryStyles => new()
    {
        { ParameterStyle.Form, true }, { ParameterStyle.Form, false }, { ParameterStyle.DeepObject, true }, { ParameterStyle.DeepObject, false },
    };

    [Theory]
    [MemberData(nameof(QueryStyles))]
    public async Task Query_objects_and_maps_arrive_as_the_client_wrote_them(ParameterStyle style, bool explode)
    {
        // Another parameter beside them: an exploded map takes every other name in the query.
        string Uri<T>(T value, JsonTypeInfo<T> info)
        {
            var uri = new StringBuilder("echo");
            ParameterStyles.AppendQuery(uri, "other", ParameterValue.Of("x y"), ParameterStyle.Form, true);
            ParameterStyles.AppendQuery(uri, "f", ParameterValue.Object(value, info), style, explode);
            return uri.ToString();
        }

        var scope = await BindAsync(Get(Uri(s_scope, ScopeInfo)), binder => binder.QueryObject("f", style, explode, true, ScopeShape, ScopeInfo, "other"));
        var map = await BindAsync(Get(Uri(s_map, MapInfo)), binder => binder.QueryObject("f", style, explode, true, MapShape, MapInfo, "other"));

        Assert.Equal(s_scope, scope);
        Assert.Equal(s_map, map);
    }

    [Fact]
    public async Task A_deepObject_list_of_objects_arrives_in_its_indices_order()
    {
        List<Line> lines = [new() { Sku = Tricky, Amount = 100 }, new() { Sku = "ünï" }, new() { Sku = "c", Amount = 0 }];
        var uri = new StringBuilder("echo");
        ParameterStyles.AppendDeepObject(uri, "lines", lines, LinesInfo);

        var bound = await BindAsync(Get(uri.ToString()), binder => binder.QueryObject("lines", ParameterStyle.DeepObject, true, true, FormShape.ListOf(LineShape), LinesInfo));

        Assert.Equal(lines, bound);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Header_and_cookie_objects_and_maps_arrive_as_the_client_wrote_them(bool explode)
    {
        // A header value is sent as it is (ASCII, without commas or '=' of its own); cookies are escaped.
        var plain = new Scope { Team = "core team", Level = 3, Dark = false, Rate = -0.5 };
        var request = Get("echo");
        ParameterStyles.AddHeader(request, "X-Scope", ParameterValue.Object(plain, ScopeInfo), explode);
        ParameterStyles.AddCookie(request, "other", ParameterValue.Of("o"), false);
        ParameterStyles.AddCookie(request, "scope", ParameterValue.Object(s_scope, ScopeInfo), explode);

        var bound = await BindAsync(request, binder => (binder.HeaderObject("X-Scope", explode, true, ScopeShape, ScopeInfo), binder.CookieObject("scope", explode, true, ScopeShape, ScopeInfo, "other")));

        Assert.Equal((plain, s_scope), bound);
    }

    [Fact]
    public async Task Absent_optional_objects_are_null_and_required_ones_are_named()
    {
        var bound = await BindAsync(Get("echo"), binder => binder.QueryObject("f", ParameterStyle.DeepObject, true, false, ScopeShape, ScopeInfo) ?? binder.HeaderObject("X-Scope", false, false, ScopeShape, ScopeInfo));
        var problem = await ProblemAsync(Get("echo"), binder => (binder.QueryObject("f", ParameterStyle.Form, true, true, ScopeShape, ScopeInfo), binder.CookieObject("c", false, true, MapShape, MapInfo)));

        Assert.Null(bound);
        Assert.Equal("is required (query).", Assert.Single(problem.Errors["f"]));
        Assert.Equal("is required (cookie).", Assert.Single(problem.Errors["c"]));
    }

    [Fact]
    public async Task A_form_body_arrives_with_nesting_indices_escapes_and_repeated_fields()
    {
        var charge = new Charge
        {
            Amount = 9_000_000_000,
            Currency = Tricky,
            Capture = false,
            Card = new Card { Number = "4242 4242", ExpMonth = 12 },
            Metadata = new() { ["order [id]"] = "A&B=C", ["grüße"] = "100% + 1" },
            Expand = ["customer", "invoice.lines"],
            Tags = ["a", "b c", ""],
            Lines = [new() { Sku = "x", Amount = 1 }, new() { Sku = "y", Amount = 2 }],
            Note = JsonDocument.Parse("\"\"").RootElement,
        };

        var bound = await BindAsync(Post(FormBody.Create(charge, ChargeInfo, "expand")), binder => binder.FormBodyAsync(ChargeInfo, ChargeShape, true).AsTask());

        Assert.Equal(JsonSerializer.Serialize(charge, ChargeInfo), JsonSerializer.Serialize(bound!, ChargeInfo));
    }

    [Fact]
    public async Task A_form_written_by_hand_takes_plus_as_space_guesses_free_form_members_and_skips_unknown_fields()
    {
        var bound = await BindAsync(
            Post(Form("amount=1&currency=a+b%2Bc&unknown[x]=1&extra[n]=12&extra[b]=true&extra[s]=x+y&extra[list][0]=1&note=7&expand[1]=second&expand[0]=first")),
            binder => binder.FormBodyAsync(ChargeInfo, ChargeShape, true).AsTask());

        Assert.Equal("a b+c", bound!.Currency);
        Assert.Equal("{\"n\":12,\"b\":true,\"s\":\"x y\",\"list\":{\"0\":1}}", bound.Extra!.Value.GetRawText());
        Assert.Equal("7", bound.Note!.Value.GetRawText());
        Assert.Equal(["first", "second"], bound.Expand);
    }

    [Theory]
    [InlineData("amount=abc&currency=x", "amount", "'abc' is not an integer.")]
    [InlineData("amount=1&currency=x&card[exp_month]=1.5", "card[exp_month]", "'1.5' is not an integer.")]
    [InlineData("amount=1&currency=x&capture=True", "capture", "'True' is not true or false.")]
    [InlineData("amount=1&currency=x&lines[1][amount]=x", "lines[1][amount]", "'x' is not an integer.")]
    [InlineData("amount=1&amount=2&currency=x", "amount", "is given 2 times; one value is expected.")]
    [InlineData("amount[x]=1&currency=x", "amount", "has members; one value is expected.")]
    [InlineData("amount=1&currency=x&card=1", "card", "'1' is not a JSON object.")]
    public async Task Malformed_form_fields_are_problems_naming_the_field(string form, string field, string message)
    {
        var problem = await ProblemAsync(Post(Form(form)), binder => binder.FormBodyAsync(ChargeInfo, ChargeShape, true).AsTask());

        Assert.Equal(400, problem.Status);
        Assert.Equal(message, Assert.Single(problem.Errors[field]));
    }

    [Fact]
    public async Task What_the_generated_reader_refuses_is_named_by_the_field_it_came_from()
    {
        // Line's reader wants sku: the serializer's path ($.lines[0]) is spelled as the field.
        var problem = await ProblemAsync(Post(Form("amount=1&currency=x&lines[0][amount]=1")), binder => binder.FormBodyAsync(ChargeInfo, ChargeShape, true).AsTask());

        Assert.Contains(problem.Errors.Keys, key => key.StartsWith("lines[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Form_bodies_in_another_media_type_are_415_and_too_large_ones_413()
    {
        var json = await ProblemAsync(Post(new StringContent("{}", Encoding.UTF8, "application/json")), binder => binder.FormBodyAsync(ChargeInfo, ChargeShape, true).AsTask());
        var large = await ProblemAsync(Post(Form("note=" + new string('1', 50_000))), binder => binder.FormBodyAsync(ChargeInfo, ChargeShape, true).AsTask());
        var missing = await ProblemAsync(new HttpRequestMessage(HttpMethod.Post, "echo"), binder => binder.FormBodyAsync(ChargeInfo, ChargeShape, true).AsTask());

        Assert.Equal(415, json.Status);
        Assert.Equal(413, large.Status);
        Assert.Equal("is required.", Assert.Single(missing.Errors["body"]));
    }

    [Fact]
    public async Task Multipart_fields_files_and_json_parts_arrive_as_the_client_wrote_them()
    {
        var content = new MultipartFormDataContent();
        MultipartBody.AddField(content, "title", Tricky);
        MultipartBody.AddField(content, "tag", "a");
        MultipartBody.AddField(content, "tag", "b,c");
        MultipartBody.AddField(content, "count", "3");
        MultipartBody.AddFile(content, "file", new FilePart(new MemoryStream([1, 2, 3]), "ünï photo.png", "image/png"));
        MultipartBody.AddFile(content, "more", new FilePart(new MemoryStream([4]), "a.bin"));
        MultipartBody.AddFile(content, "more", new FilePart(new MemoryStream([]), "b.txt", "text/plain"));
        MultipartBody.AddJson(content, "line", new Line { Sku = "s", Amount = 2 }, LineInfo);

        var bound = await BindAsync(Post(content), async binder =>
        {
            await binder.MultipartAsync(true);
            var file = binder.FilePart("file", true)!;
            var files = binder.FileParts("more", true)!;
            return (
                binder.Part("title", true),
                binder.PartScalarList(binder.PartList("tag", true), "tag", ScalarParsers.String, "a string"),
                binder.PartScalar(binder.Part("count", true), "count", ScalarParsers.Int32, "an integer"),
                (file.FileName, file.ContentType, Read(file)),
                files.Select(f => (f.FileName, f.ContentType, Read(f))).ToList(),
                binder.JsonPart("line", LineInfo, true),
                binder.HasPart("absent"),
                binder.Part("absent", false));
        });

        Assert.Equal(Tricky, bound.Item1);
        Assert.Equal(["a", "b,c"], bound.Item2!);
        Assert.Equal(3, bound.Item3);
        Assert.Equal(("ünï photo.png", "image/png", "1,2,3"), bound.Item4);
        Assert.Equal([("a.bin", "application/octet-stream", "4"), ("b.txt", "text/plain", "")], bound.Item5);
        Assert.Equal(new Line { Sku = "s", Amount = 2 }, bound.Item6);
        Assert.False(bound.Item7);
        Assert.Null(bound.Item8);
    }

    [Fact]
    public async Task Missing_and_malformed_parts_are_problems_naming_the_part()
    {
        var content = new MultipartFormDataContent();
        MultipartBody.AddField(content, "count", "many");
        MultipartBody.AddField(content, "one", "1");
        MultipartBody.AddField(content, "one", "2");
        MultipartBody.AddJson(content, "line", new Card { Number = "n" }, (JsonTypeInfo<Card>)s_options.GetTypeInfo(typeof(Card)));
        content.Add(new StringContent("{\"sku\":"), "broken");

        var problem = await ProblemAsync(Post(content), async binder =>
        {
            await binder.MultipartAsync(true);
            return (
                binder.Part("title", true),
                binder.FilePart("file", true),
                binder.FileParts("files", false),
                binder.PartScalar(binder.Part("count", true), "count", ScalarParsers.Int32, "an integer"),
                binder.Part("one", true),
                binder.JsonPart("broken", LineInfo, true));
        });

        Assert.Equal(400, problem.Status);
        Assert.Equal("is required (multipart part).", Assert.Single(problem.Errors["title"]));
        Assert.Equal("is required (multipart part).", Assert.Single(problem.Errors["file"]));
        Assert.DoesNotContain("files", problem.Errors.Keys);
        Assert.Equal("'many' is not an integer (multipart part).", Assert.Single(problem.Errors["count"]));
        Assert.Equal("is given 2 times in the multipart body; one part is expected.", Assert.Single(problem.Errors["one"]));
        Assert.Single(problem.Errors["broken"]);
    }

    [Fact]
    public async Task Multipart_bodies_in_another_media_type_are_415_and_too_large_ones_413()
    {
        var form = await ProblemAsync(Post(Form("title=t")), binder => binder.MultipartAsync(true).AsTask());
        var content = new MultipartFormDataContent();
        MultipartBody.AddFile(content, "file", new FilePart(new MemoryStream(new byte[50_000]), "big.bin"));
        var large = await ProblemAsync(Post(content), binder => binder.MultipartAsync(true).AsTask());

        Assert.Equal(415, form.Status);
        Assert.Contains("multipart/form-data is expected", form.Errors["body"][0], StringComparison.Ordinal);
        Assert.Equal(413, large.Status);
    }

    [Theory]
    [InlineData("$.card.number", null, "card[number]")]
    [InlineData("$.lines[0].amount", null, "lines[0][amount]")]
    [InlineData("$[2].sku", "lines", "lines[2][sku]")]
    [InlineData("$['odd.name']", "filter", "filter[odd.name]")]
    [InlineData("$", "filter", null)]
    public void A_json_path_is_spelled_as_the_field_it_came_from(string path, string? prefix, string? field) =>
        Assert.Equal(field, FormFields.FieldOf(path, prefix));

    [Theory]
    [InlineData("0", true)]
    [InlineData("-12.5e+3", true)]
    [InlineData("1E2", true)]
    [InlineData("01", false)]
    [InlineData("1.", false)]
    [InlineData(".5", false)]
    [InlineData("+1", false)]
    [InlineData("NaN", false)]
    [InlineData("", false)]
    public void Numbers_follow_the_json_grammar(string text, bool isNumber) => Assert.Equal(isNumber, FormFields.IsJsonNumber(text));

    private static string Read(FilePart file)
    {
        using var copy = new MemoryStream();
        file.Content.CopyTo(copy);
        return string.Join(",", copy.ToArray());
    }

    private static HttpRequestMessage Get(string uri) => new(HttpMethod.Get, uri);

    private static HttpRequestMessage Post(HttpContent content) => new(HttpMethod.Post, "echo") { Content = content };

    private static ByteArrayContent Form(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private Task<T> BindAsync<T>(HttpRequestMessage request, Func<RequestBinder, T> bind) => BindAsync(request, binder => Task.FromResult(bind(binder)));

    private async Task<T> BindAsync<T>(HttpRequestMessage request, Func<RequestBinder, Task<T>> bind)
    {
        T bound = default!;
        _server.Handler = async context =>
        {
            var binder = new RequestBinder(context, "echo");
            bound = await bind(binder);
            if (binder.HasErrors)
            {
                await binder.WriteProblemAsync();
            }
        };
        using var response = await _server.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, request.RequestUri + ": " + await response.Content.ReadAsStringAsync());
        return bound;
    }

    private Task<Problem> ProblemAsync<T>(HttpRequestMessage request, Func<RequestBinder, T> bind) => ProblemAsync(request, binder => Task.FromResult(bind(binder)));

    private async Task<Problem> ProblemAsync<T>(HttpRequestMessage request, Func<RequestBinder, Task<T>> bind)
    {
        var reached = false;
        _server.Handler = async context =>
        {
            var binder = new RequestBinder(context, "echo");
            await bind(binder);
            if (binder.HasErrors)
            {
                await binder.WriteProblemAsync();
                return;
            }

            reached = true;
        };
        using var response = await _server.Client.SendAsync(request);
        Assert.False(reached, "the request should have been refused");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return new Problem(
            root.GetProperty("status").GetInt32(),
            root.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToList()));
    }

    private sealed record Problem(int Status, Dictionary<string, List<string>> Errors);

    private sealed record Scope
    {
        [JsonPropertyName("team")]
        public string? Team { get; init; }

        [JsonPropertyName("level")]
        public int? Level { get; init; }

        [JsonPropertyName("dark")]
        public bool? Dark { get; init; }

        [JsonPropertyName("rate")]
        public double? Rate { get; init; }
    }

    private sealed record Line
    {
        [JsonPropertyName("sku")]
        public required string Sku { get; init; }

        [JsonPropertyName("amount")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? Amount { get; init; }
    }

    private sealed record Card
    {
        [JsonPropertyName("number")]
        public string? Number { get; init; }

        [JsonPropertyName("exp_month")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? ExpMonth { get; init; }
    }

    private sealed class Charge
    {
        [JsonPropertyName("amount")]
        public long Amount { get; init; }

        [JsonPropertyName("currency")]
        public required string Currency { get; init; }

        [JsonPropertyName("capture")]
        public bool? Capture { get; init; }

        [JsonPropertyName("card")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public Card? Card { get; init; }

        [JsonPropertyName("metadata")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public Dictionary<string, string>? Metadata { get; init; }

        [JsonPropertyName("expand")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? Expand { get; init; }

        [JsonPropertyName("tags")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? Tags { get; init; }

        [JsonPropertyName("lines")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<Line>? Lines { get; init; }

        [JsonPropertyName("extra")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public JsonElement? Extra { get; init; }

        // Clearable: a number, or "" to clear.
        [JsonPropertyName("note")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public JsonElement? Note { get; init; }
    }
}
