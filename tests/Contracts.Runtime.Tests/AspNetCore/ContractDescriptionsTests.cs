using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Contracts.Runtime.AspNetCore;
using Contracts.Runtime.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Contracts.Runtime.Tests.AspNetCore;

/// <summary>
/// <c>AddContractDescriptions()</c> (Contracts.Runtime.AspNetCore.OpenApi) completes the application's own document over
/// endpoints carrying a <see cref="ContractOperation"/>: cookie parameters, status ranges, and, where the group carries
/// <see cref="ContractSchemas"/> as a generated server's does, the generated types' schemas in place of ASP.NET Core's
/// empty ones. Other endpoints are left as ASP.NET Core describes them.
/// </summary>
public sealed partial class ContractDescriptionsTests
{
    /// <summary>Read and written by a converter of its own, as every generated model is: ASP.NET Core exports <c>{}</c> for it.</summary>
    [JsonConverter(typeof(ConvertedConverter))]
    public sealed record Converted(long Id);

    [JsonConverter(typeof(ConvertedConverter))]
    public sealed record Other(long Id);

    private sealed class ConvertedConverter : JsonConverter<object>
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(Converted) || typeToConvert == typeof(Other);

        public override object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) => throw new NotSupportedException();
    }

    [JsonSerializable(typeof(Converted))]
    [JsonSerializable(typeof(Other))]
    private sealed partial class ConvertedJsonContext : JsonSerializerContext;

    private static readonly string[] s_json = ["application/json"];

    private static ContractOperation ListThings() => new(
        "listThings",
        [
            new ContractParameter("limit", ParameterSource.Query, typeof(int?), required: false),
            new ContractParameter("ids", ParameterSource.Query, typeof(IReadOnlyList<long>), required: false),
            new ContractParameter("kind", ParameterSource.Query, typeof(Other), required: false),
            new ContractParameter("session", ParameterSource.Cookie, typeof(Guid?), required: true),
        ],
        new ContractRequestBody(typeof(Converted), s_json, required: true),
        [
            new ContractResponse("200", typeof(IReadOnlyList<Converted>), s_json) { Description = "The things." },
            new ContractResponse("4xx", typeof(Converted), s_json) { Description = "Refused." },
            new ContractResponse("5XX"),
            new ContractResponse("default", typeof(IReadOnlyDictionary<string, Converted>), s_json),
        ]);

    /// <summary>As the generator writes them: JSON schema text per type, components referred to by name.</summary>
    private static ContractSchemas Schemas() => new(
    [
        new ContractSchema(typeof(Converted), "Converted", """
            {"type":"object","description":"A thing.","required":["id"],"properties":{
              "id":{"type":"integer","format":"int64"},
              "parent":{"anyOf":[{"$ref":"#/components/schemas/Converted"},{"type":"null"}]},
              "tag":{"$ref":"#/components/schemas/Tag","description":"Its tag."},
              "owner":{"$ref":"#/components/schemas/Other","readOnly":true},
              "when":{"type":["string","null"],"format":"date-time"}}}
            """),
        new ContractSchema(typeof(Other), "Other", """{"type":"string","enum":["a","b"]}"""),
        new ContractSchema(typeof(Tag), "Tag", """{"oneOf":[{"type":"string"},{"type":"integer"}]}"""),
    ]);

    /// <summary>A type only the others refer to.</summary>
    public sealed record Tag;

    private static readonly RequestDelegate s_unreached = static context => Task.CompletedTask;

    private static async Task<JsonNode> DocumentAsync(bool withSchemas)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory, ApplicationName = "Things" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ConvertedJsonContext.Default));
        builder.Services.AddContractEndpointDescriptions();
        builder.Services.AddOpenApi(options => options.AddContractDescriptions());
        await using var app = builder.Build();
        var group = app.MapGroup("/api");
        group.MapMethods("/things", ["POST"], s_unreached).WithMetadata(ListThings());
        if (withSchemas)
        {
            group.WithMetadata(Schemas());
        }

        // Not generated: ASP.NET Core describes it, and nothing here changes that.
        app.MapGet("/plain", (int count) => count);
        app.MapOpenApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        var text = await http.GetStringAsync("openapi/v1.json");
        await app.StopAsync();
        return JsonNode.Parse(text)!;
    }

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";

    [Fact]
    public async Task Cookies_and_ranges_are_listed_with_or_without_schemas()
    {
        foreach (var withSchemas in new[] { false, true })
        {
            var operation = (await DocumentAsync(withSchemas))["paths"]!["/api/things"]!["post"]!;

            var cookie = operation["parameters"]!.AsArray().Single(p => p!["in"]!.GetValue<string>() == "cookie")!;
            Assert.Equal("session", cookie["name"]!.GetValue<string>());
            Assert.True(cookie["required"]!.GetValue<bool>());
            Assert.Equal("""{"type":"string","format":"uuid"}""", Json(cookie["schema"]));

            var responses = operation["responses"]!.AsObject();
            Assert.Equal(["200", "4XX", "5XX", "default"], responses.Select(r => r.Key).Order(StringComparer.Ordinal));
            Assert.Equal("Refused.", responses["4XX"]!["description"]!.GetValue<string>());
            Assert.NotNull(responses["4XX"]!["content"]!["application/json"]!["schema"]);
            Assert.Null(responses["5XX"]!["content"]);
        }
    }

    [Fact]
    public async Task With_the_group_s_schemas_generated_types_are_components_as_declared()
    {
        var document = await DocumentAsync(withSchemas: true);
        var operation = document["paths"]!["/api/things"]!["post"]!;
        var parameters = operation["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => Json(p!["schema"]));

        // Scalars as the binder reads them (not the JSON options' number-or-string), lists as arrays, generated types by reference.
        Assert.Equal("""{"type":"integer","format":"int32"}""", parameters["limit"]);
        Assert.Equal("""{"type":"array","items":{"type":"integer","format":"int64"}}""", parameters["ids"]);
        Assert.Equal("""{"$ref":"#/components/schemas/Other"}""", parameters["kind"]);
        Assert.Equal("""{"$ref":"#/components/schemas/Converted"}""", Json(operation["requestBody"]!["content"]!["application/json"]!["schema"]));
        var responses = operation["responses"]!;
        Assert.Equal("""{"type":"array","items":{"$ref":"#/components/schemas/Converted"}}""", Json(responses["200"]!["content"]!["application/json"]!["schema"]));
        Assert.Equal("""{"$ref":"#/components/schemas/Converted"}""", Json(responses["4XX"]!["content"]!["application/json"]!["schema"]));
        Assert.Equal("""{"type":"object","additionalProperties":{"$ref":"#/components/schemas/Converted"}}""", Json(responses["default"]!["content"]!["application/json"]!["schema"]));

        var components = document["components"]!["schemas"]!.AsObject();
        // Tag is only referred to by Converted: added with it. The empty schemas ASP.NET Core exported for the list and the
        // dictionary are gone with their uses.
        Assert.Equal(["Converted", "Other", "Tag"], components.Select(c => c.Key).Order(StringComparer.Ordinal));
        var converted = components["Converted"]!;
        Assert.Equal("object", converted["type"]!.GetValue<string>());
        Assert.Equal("A thing.", converted["description"]!.GetValue<string>());
        Assert.Equal("""["id"]""", Json(converted["required"]));
        var properties = converted["properties"]!;
        Assert.Equal("""{"type":"integer","format":"int64"}""", Json(properties["id"]));
        Assert.Equal("""{"anyOf":[{"$ref":"#/components/schemas/Converted"},{"type":"null"}]}""", Json(properties["parent"]));
        Assert.Equal("""{"description":"Its tag.","$ref":"#/components/schemas/Tag"}""", Json(properties["tag"]));
        Assert.Equal("""{"allOf":[{"$ref":"#/components/schemas/Other"}],"readOnly":true}""", Json(properties["owner"]));
        Assert.Equal("""{"type":["null","string"],"format":"date-time"}""", Json(properties["when"]));
        Assert.Equal("""{"enum":["a","b"],"type":"string"}""", Json(components["Other"]));
        Assert.Equal("""{"oneOf":[{"type":"string"},{"type":"integer"}]}""", Json(components["Tag"]));

        // ASP.NET Core's own description of a handler it describes, untouched.
        var plain = document["paths"]!["/plain"]!["get"]!["parameters"]![0]!;
        Assert.Equal("count", plain["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_the_group_s_schemas_ASP_NET_Core_s_stay()
    {
        var document = await DocumentAsync(withSchemas: false);

        var components = document["components"]!["schemas"]!.AsObject();
        Assert.Equal("{}", Json(components["Converted"]));
    }

    [Fact]
    public void Null_options_and_schemas_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ContractOpenApiOptionsExtensions.AddContractDescriptions(null!));
        Assert.Throws<ArgumentNullException>(() => new ContractSchemas(null!));
        Assert.Throws<ArgumentNullException>(() => new ContractSchema(null!, "A", "{}"));
        Assert.Throws<ArgumentNullException>(() => new ContractSchema(typeof(Tag), null!, "{}"));
        Assert.Throws<ArgumentNullException>(() => new ContractSchema(typeof(Tag), "A", null!));
    }
}
