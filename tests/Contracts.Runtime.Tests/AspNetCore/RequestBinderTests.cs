using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Contracts.Runtime.AspNetCore;
using Contracts.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.Runtime.Tests.AspNetCore;

/// <summary>
/// What a generated client writes (<see cref="ParameterStyles"/>), sent over real HTTP to Kestrel and bound by
/// <see cref="RequestBinder"/>, arrives as the same values, for every location and style; bad input becomes a problem
/// naming the parameter.
/// </summary>
public sealed class RequestBinderTests : IAsyncLifetime
{
    // Text that breaks naive binding: delimiters of every style, escapes, a slash, spaces, non-ASCII.
    private static readonly string[] Tricky = ["a,b", "x/y", "50%", "a b", "p|q", "a+b", "k=v&z", "ünï", ";m"];

    private BindingServer _server = null!;

    public async Task InitializeAsync() => _server = await BindingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<ParameterStyle, bool> PathStyles => new()
    {
        { ParameterStyle.Simple, false }, { ParameterStyle.Simple, true },
        { ParameterStyle.Label, false }, { ParameterStyle.Label, true },
        { ParameterStyle.Matrix, false }, { ParameterStyle.Matrix, true },
    };

    [Theory]
    [MemberData(nameof(PathStyles))]
    public async Task Path_lists_arrive_as_the_client_wrote_them(ParameterStyle style, bool explode)
    {
        string[] items = ["one", "x/y", "a b", "50%", "ünï", "a,b"];
        var bound = await BindAsync(
            "items/" + ParameterStyles.Path("id", ParameterValue.List(items), style, explode),
            binder => binder.PathList("id", "id", 0, style, explode));
        Assert.Equal(items, bound);
    }

    [Theory]
    [MemberData(nameof(PathStyles))]
    public async Task Path_scalars_arrive_as_the_client_wrote_them(ParameterStyle style, bool explode)
    {
        foreach (var value in Tricky)
        {
            var bound = await BindAsync(
                "items/" + ParameterStyles.Path("id", ParameterValue.Of(value), style, explode),
                binder => binder.Path("id", "id", 0, style, explode));
            Assert.Equal(value, bound);
        }
    }

    [Fact]
    public async Task A_parameter_inside_a_segment_is_read_from_its_route_value()
    {
        var bound = await BindAsync("files/" + Uri.EscapeDataString("a b/c") + ".json", binder => binder.Path("name", "name", -1, ParameterStyle.Simple, false));
        Assert.Equal("a b/c", bound);
    }

    [Fact]
    public async Task A_path_value_in_the_wrong_style_is_a_problem()
    {
        var problem = await ProblemAsync("items/plain", binder => binder.Path("id", "id", 0, ParameterStyle.Label, false));
        Assert.Contains("does not start with '.'", problem.Errors["id"][0]);
    }

    public static TheoryData<ParameterStyle, bool> QueryStyles => new()
    {
        { ParameterStyle.Form, true }, { ParameterStyle.Form, false },
        { ParameterStyle.SpaceDelimited, false }, { ParameterStyle.PipeDelimited, false },
    };

    [Theory]
    [MemberData(nameof(QueryStyles))]
    public async Task Query_lists_arrive_as_the_client_wrote_them(ParameterStyle style, bool explode)
    {
        // OpenAPI spells the space and pipe delimiters as %20 and %7C, as an item's own space or pipe is escaped: a list
        // item holding its delimiter cannot be told apart by any server, so those items are left out of those styles.
        var delimiter = style switch { ParameterStyle.SpaceDelimited => " ", ParameterStyle.PipeDelimited => "|", _ => null };
        var items = Tricky.Where(item => delimiter is null || !item.Contains(delimiter, StringComparison.Ordinal)).ToArray();
        var uri = new StringBuilder("echo");
        ParameterStyles.AppendQuery(uri, "tag list", ParameterValue.List(items), style, explode);
        ParameterStyles.AppendQuery(uri, "other", ParameterValue.Of("x"), ParameterStyle.Form, true);
        var bound = await BindAsync(uri.ToString(), binder => binder.QueryList("tag list", style, explode, required: true));
        Assert.Equal(items, bound);
    }

    [Fact]
    public async Task Query_scalars_arrive_as_the_client_wrote_them()
    {
        foreach (var value in Tricky.Append(string.Empty))
        {
            var uri = new StringBuilder("echo");
            ParameterStyles.AppendQuery(uri, "q", ParameterValue.Of(value), ParameterStyle.Form, true);
            Assert.Equal(value, await BindAsync(uri.ToString(), binder => binder.Query("q", required: true)));
        }
    }

    [Fact]
    public async Task A_plus_in_a_query_is_a_space_as_form_encoding_has_it() =>
        Assert.Equal("a b", await BindAsync("echo?q=a+b", binder => binder.Query("q", required: true)));

    [Fact]
    public async Task Headers_and_cookies_arrive_as_the_client_wrote_them()
    {
        string[] items = ["one", "two words", "ünï-free"];
        var request = new HttpRequestMessage(HttpMethod.Get, "echo");
        ParameterStyles.AddHeader(request, "X-Tags", ParameterValue.List(items.Take(2)), false);
        ParameterStyles.AddHeader(request, "X-One", ParameterValue.Of("plain value"), false);
        ParameterStyles.AddCookie(request, "session", ParameterValue.Of("a;b=c d"), true);
        ParameterStyles.AddCookie(request, "flavours", ParameterValue.List(Tricky), false);
        ParameterStyles.AddCookie(request, "each", ParameterValue.List(Tricky), true);
        object?[] bound = [];
        _server.Handler = context =>
        {
            var binder = new RequestBinder(context, "echo");
            bound = [binder.HeaderList("X-Tags", true), binder.Header("X-One", true), binder.Cookie("session", true), binder.CookieList("flavours", false, true), binder.CookieList("each", true, true)];
            return binder.HasErrors ? binder.WriteProblemAsync() : Task.CompletedTask;
        };
        using var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(items.Take(2), (IReadOnlyList<string>)bound[0]!);
        Assert.Equal("plain value", bound[1]);
        Assert.Equal("a;b=c d", bound[2]);
        Assert.Equal(Tricky, (IReadOnlyList<string>)bound[3]!);
        Assert.Equal(Tricky, (IReadOnlyList<string>)bound[4]!);
    }

    [Fact]
    public async Task Missing_required_values_are_named_with_where_they_belong()
    {
        var problem = await ProblemAsync("echo", binder =>
        {
            binder.Query("limit", required: true);
            binder.Header("X-Request-Id", required: true);
            binder.Cookie("session", required: true);
            binder.Query("optional", required: false);
            return null;
        });
        Assert.Equal(400, problem.Status);
        Assert.Equal(["limit", "X-Request-Id", "session"], problem.Errors.Keys);
        Assert.Equal("is required (query).", problem.Errors["limit"][0]);
        Assert.Equal("is required (header).", problem.Errors["X-Request-Id"][0]);
        Assert.Equal("limit: is required (query).", problem.Detail);
        Assert.Equal("echo", problem.Operation);
    }

    [Fact]
    public async Task Malformed_values_are_named_with_the_value_and_what_was_expected()
    {
        var problem = await ProblemAsync("echo?limit=ten&ids=1,x,3&at=yesterday", binder =>
        {
            binder.Scalar(binder.Query("limit", true), "limit", ParameterSource.Query, ScalarParsers.Int32, "an integer");
            binder.List(binder.QueryList("ids", ParameterStyle.Form, false, true), "ids", ParameterSource.Query, ScalarParsers.Int64, "an integer");
            binder.Scalar(binder.Query("at", true), "at", ParameterSource.Query, ScalarParsers.DateTimeOffset, "a date-time");
            return null;
        });
        Assert.Equal("'ten' is not an integer (query).", problem.Errors["limit"][0]);
        Assert.Equal("item 1, 'x', is not an integer (query).", problem.Errors["ids"][0]);
        Assert.Equal("'yesterday' is not a date-time (query).", problem.Errors["at"][0]);
    }

    [Fact]
    public async Task A_quoted_value_is_shortened_and_shows_control_characters_as_escapes()
    {
        var value = "\u001b[31m" + new string('9', 100);
        var problem = await ProblemAsync("echo?n=" + Uri.EscapeDataString(value), binder =>
            binder.Scalar(binder.Query("n", true), "n", ParameterSource.Query, ScalarParsers.Int32, "an integer"));
        var message = problem.Errors["n"][0];
        Assert.StartsWith("'\\u001b[31m999", message);
        Assert.Contains("…'", message);
        Assert.True(message.Length < 100, message);
    }

    [Fact]
    public async Task Repeating_a_scalar_query_parameter_is_a_problem()
    {
        var problem = await ProblemAsync("echo?q=1&q=2", binder => binder.Query("q", true));
        Assert.Equal("is given 2 times in the query; one value is expected.", problem.Errors["q"][0]);
    }

    [Fact]
    public async Task A_json_body_is_read_through_the_type_info()
    {
        var bound = await BindBodyAsync("{\"name\":\"Rex\",\"age\":3}", "application/json", binder => binder.JsonBodyAsync(PetTypeInfo, required: true).AsTask());
        Assert.Equal("Rex", ((Pet)bound!).Name);
    }

    [Theory]
    [InlineData("{\"name\":", "body")]
    [InlineData("{\"name\":\"Rex\",\"age\":\"three\"}", "body")]
    [InlineData("null", "body")]
    public async Task Bad_json_bodies_are_problems_under_body(string json, string key)
    {
        var problem = await ProblemAsync(HttpMethod.Post, "echo", new StringContent(json, Encoding.UTF8, "application/json"), binder => binder.JsonBodyAsync(PetTypeInfo, required: true).AsTask());
        Assert.Equal(400, problem.Status);
        Assert.Single(problem.Errors[key]);
    }

    [Fact]
    public async Task A_missing_required_body_is_a_problem()
    {
        var problem = await ProblemAsync(HttpMethod.Post, "echo", null, binder => binder.JsonBodyAsync(PetTypeInfo, required: true).AsTask());
        Assert.Equal("is required.", problem.Errors["body"][0]);
    }

    [Fact]
    public async Task A_body_in_another_media_type_is_415()
    {
        var problem = await ProblemAsync(HttpMethod.Post, "echo", new StringContent("{}", Encoding.UTF8, "text/plain"), binder => binder.JsonBodyAsync(PetTypeInfo, required: true).AsTask());
        Assert.Equal(415, problem.Status);
        Assert.Contains("application/json is expected", problem.Errors["body"][0]);
    }

    [Fact]
    public async Task A_body_over_the_server_limit_is_413()
    {
        await using var small = await BindingServer.StartAsync(maxBody: 1000);
        var received = false;
        small.Handler = async context =>
        {
            var binder = new RequestBinder(context, "upload");
            await binder.TextBodyAsync(required: true);
            received = !binder.HasErrors;
            await binder.WriteProblemAsync();
        };
        using var response = await small.Client.PostAsync("echo", new StringContent(new string('x', 5000), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(received);
    }

    [Fact]
    public async Task A_text_body_is_read_in_its_charset()
    {
        var bound = await BindBodyAsync("grüße", "text/plain; charset=utf-16", binder => binder.TextBodyAsync(true).AsTask(), Encoding.Unicode);
        Assert.Equal("grüße", bound);
    }

    [Fact]
    public async Task A_result_the_handler_never_chose_is_a_500_problem_naming_the_operation()
    {
        _server.Handler = context => ResultWriter.WriteNoResultAsync(context, "getPet");
        using var response = await _server.Client.GetAsync("echo");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The handler of 'getPet' returned no result.", json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Results_are_written_with_their_status_and_media_type()
    {
        _server.Handler = context => ResultWriter.WriteJsonAsync(context, 201, new Pet { Name = "Rex", Age = 3 }, PetTypeInfo);
        using var created = await _server.Client.GetAsync("echo");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("{\"name\":\"Rex\",\"age\":3}", await created.Content.ReadAsStringAsync());

        _server.Handler = context => ResultWriter.WriteTextAsync(context, 200, "plain", "text/plain");
        using var text = await _server.Client.GetAsync("echo");
        Assert.Equal("text/plain; charset=utf-8", text.Content.Headers.ContentType!.ToString());

        _server.Handler = context => ResultWriter.WriteStreamAsync(context, 200, new System.IO.MemoryStream([1, 2, 3]), "application/octet-stream");
        using var bytes = await _server.Client.GetAsync("echo");
        Assert.Equal([1, 2, 3], await bytes.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, bytes.Content.Headers.ContentLength);

        _server.Handler = context => ResultWriter.WriteEmptyAsync(context, 204);
        using var empty = await _server.Client.GetAsync("echo");
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
    }

    private async Task<object?> BindAsync(string uri, Func<RequestBinder, object?> bind)
    {
        object? bound = null;
        _server.Handler = context =>
        {
            var binder = new RequestBinder(context, "echo");
            bound = bind(binder);
            return binder.HasErrors ? binder.WriteProblemAsync() : Task.CompletedTask;
        };
        using var response = await _server.Client.GetAsync(uri);
        Assert.True(response.StatusCode == HttpStatusCode.OK, uri + ": " + await response.Content.ReadAsStringAsync());
        return bound;
    }

    private async Task<object?> BindBodyAsync(string body, string contentType, Func<RequestBinder, Task> bind, Encoding? encoding = null)
    {
        object? bound = null;
        _server.Handler = async context =>
        {
            var binder = new RequestBinder(context, "echo");
            var task = bind(binder);
            await task;
            bound = task.GetType().GetProperty("Result")!.GetValue(task);
            if (binder.HasErrors)
            {
                await binder.WriteProblemAsync();
            }
        };
        var content = new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await _server.Client.PostAsync("echo", content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return bound;
    }

    private Task<Problem> ProblemAsync(string uri, Func<RequestBinder, object?> bind) =>
        ProblemAsync(HttpMethod.Get, uri, null, binder => Task.FromResult(bind(binder)));

    private async Task<Problem> ProblemAsync<T>(HttpMethod method, string uri, HttpContent? content, Func<RequestBinder, Task<T>> bind)
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
        using var response = await _server.Client.SendAsync(new HttpRequestMessage(method, uri) { Content = content });
        Assert.False(reached, "the request should have been refused");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal((int)response.StatusCode, root.GetProperty("status").GetInt32());
        return new Problem(
            root.GetProperty("status").GetInt32(),
            root.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            root.GetProperty("operation").GetString()!,
            root.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToList()));
    }

    private sealed record Problem(int Status, string? Detail, string Operation, Dictionary<string, List<string>> Errors);

    private sealed class Pet
    {
        public string Name { get; set; } = "";

        public int Age { get; set; }
    }

    private static readonly JsonTypeInfo<Pet> PetTypeInfo = (JsonTypeInfo<Pet>)new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }.GetTypeInfo(typeof(Pet));
}
