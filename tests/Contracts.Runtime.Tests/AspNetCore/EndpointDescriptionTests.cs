using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Contracts.Runtime.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Contracts.Runtime.Tests.AspNetCore;

/// <summary>
/// The application's own OpenAPI document (Microsoft.AspNetCore.OpenApi over Kestrel) describes request-delegate
/// endpoints that carry a <see cref="ContractOperation"/>, as generated endpoints do, and leaves every other endpoint
/// to ASP.NET Core as before.
/// </summary>
public sealed partial class EndpointDescriptionTests
{
    public sealed record DescribedPet(long Id, string Name, string? Tag);

    public sealed record DescribedNewPet(string Name, string? Tag);

    public sealed record DescribedError(int Code, string Message);

    /// <summary>Read and written by a converter of its own, as every generated model is.</summary>
    [JsonConverter(typeof(ConvertedPetConverter))]
    public sealed record ConvertedPet(long Id);

    private sealed class ConvertedPetConverter : JsonConverter<ConvertedPet>
    {
        public override ConvertedPet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, ConvertedPet value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Id);
    }

    /// <summary>Source-generated metadata for the models only, as a trimmed or Native AOT application has it.</summary>
    [JsonSerializable(typeof(DescribedPet))]
    [JsonSerializable(typeof(DescribedNewPet))]
    [JsonSerializable(typeof(DescribedError))]
    [JsonSerializable(typeof(ConvertedPet))]
    [JsonSerializable(typeof(System.IO.Stream))]
    private sealed partial class ModelsOnlyJsonContext : JsonSerializerContext;

    private static readonly string[] s_json = ["application/json"];

    private static ContractOperation GetPet() => new(
        "getPet",
        [
            new ContractParameter("petId", ParameterSource.Path, typeof(long), required: true),
            new ContractParameter("include", ParameterSource.Query, typeof(IReadOnlyList<string>), required: false),
            new ContractParameter("limit", ParameterSource.Query, typeof(int?), required: true),
            new ContractParameter("X-Request-Id", ParameterSource.Header, typeof(Guid?), required: false),
            new ContractParameter("session", ParameterSource.Cookie, typeof(string), required: true),
        ],
        null,
        [
            new ContractResponse("200", typeof(DescribedPet), s_json) { Description = "The pet." },
            new ContractResponse("404", typeof(DescribedError), s_json),
            new ContractResponse("4XX", typeof(DescribedError), s_json),
            new ContractResponse("default", typeof(DescribedError), s_json) { Description = "Any other answer." },
        ])
    {
        Summary = "Find a pet",
        Description = "Returns one pet.",
        Tags = ["pets", "read"],
    };

    private static ContractOperation CreatePet() => new(
        "createPet",
        [],
        new ContractRequestBody(typeof(DescribedNewPet), s_json, required: true),
        [
            new ContractResponse("201", typeof(DescribedPet), s_json),
            new ContractResponse("400", typeof(DescribedError), ["application/problem+json"]),
        ])
    {
        Tags = ["pets"],
    };

    private static ContractOperation DeletePet() => new(
        "deletePet",
        [new ContractParameter("pet id", ParameterSource.Path, typeof(long), required: true) { RouteName = "p0" }],
        null,
        [new ContractResponse("204")]);

    private static ContractOperation UploadPhoto() => new(
        "uploadPhoto",
        [new ContractParameter("name", ParameterSource.Path, typeof(string), required: true)],
        new ContractRequestBody(typeof(string), ["text/plain"], required: false),
        [
            new ContractResponse("200", typeof(ConvertedPet), s_json),
            new ContractResponse("202", typeof(string), ["text/plain"]),
        ]);

    private static ContractOperation Download() => new(
        "download",
        [],
        new ContractRequestBody(typeof(System.IO.Stream), ["application/octet-stream"], required: true),
        [
            new ContractResponse("200", typeof(System.IO.Stream), ["application/pdf"]),
            new ContractResponse("201", null, s_json),
        ]);

    private static readonly RequestDelegate s_unreached = static context => Task.CompletedTask;

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory, ApplicationName = "PetStore" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddContractEndpointDescriptions();
        builder.Services.AddOpenApi();
        configure?.Invoke(builder.Services);
        var app = builder.Build();

        var api = app.MapGroup("/api");
        api.MapMethods("/pets/{petId}", ["GET"], s_unreached).WithMetadata(GetPet());
        api.MapMethods("/pets", ["POST"], s_unreached).WithMetadata(CreatePet());
        api.MapMethods("/pets/{p0}", ["DELETE"], s_unreached).WithMetadata(DeletePet());
        api.MapMethods("/photos/{name}.png", ["PUT"], s_unreached).WithMetadata(UploadPhoto());
        api.MapMethods("/files", ["POST"], s_unreached).WithMetadata(Download());
        api.MapMethods("/hidden", ["GET"], s_unreached).WithMetadata(GetPet()).ExcludeFromDescription();
        app.MapGroup("/internal").WithGroupName("internal").MapMethods("/pets/{petId}", ["GET"], s_unreached).WithMetadata(GetPet());

        // Not generated: a minimal-API handler ASP.NET Core describes, and a bare request delegate it never has.
        app.MapGet("/plain/{id}", (int id) => new DescribedPet(id, "plain", null));
        app.MapMethods("/bare", ["GET"], s_unreached);
        app.MapOpenApi();

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") });
    }

    private static async Task<JsonElement> DocumentAsync(Action<IServiceCollection>? configure = null, string name = "v1")
    {
        var (app, client) = await StartAsync(configure);
        try
        {
            using var response = await client.GetAsync("openapi/" + name + ".json");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static JsonElement ParameterNamed(JsonElement operation, string name) =>
        operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;

    // Numbers: ASP.NET Core's web JSON defaults read numbers from strings too, so a number's schema is
    // ["integer", "string"] with a pattern, for its own handlers as for these (NumberHandling.Strict makes it "integer").
    private static string? NumberTypeOf(JsonElement schema) => TypeOf(schema)?.Replace(",string", "", StringComparison.Ordinal);

    private static string? TypeOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? null
        : type.ValueKind == JsonValueKind.Array ? string.Join(",", type.EnumerateArray().Select(t => t.GetString()))
        : type.GetString();

    [Fact]
    public async Task Paths_and_methods_are_the_routes_of_described_endpoints()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");

        Assert.Equal(["get"], paths.GetProperty("/api/pets/{petId}").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["post"], paths.GetProperty("/api/pets").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["delete"], paths.GetProperty("/api/pets/{p0}").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["put"], paths.GetProperty("/api/photos/{name}.png").EnumerateObject().Select(p => p.Name));
        Assert.False(paths.TryGetProperty("/api/hidden", out _));

        // A group name (WithGroupName) chooses the document, as for ASP.NET Core's own endpoints.
        Assert.False(paths.TryGetProperty("/internal/pets/{petId}", out _));
        var internalPaths = (await DocumentAsync(services => services.AddOpenApi("internal"), "internal")).GetProperty("paths");
        Assert.Contains("/internal/pets/{petId}", internalPaths.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Operation_id_summary_description_and_tags_come_from_the_operation()
    {
        var document = await DocumentAsync();
        var getPet = Operation(document, "/api/pets/{petId}", "get");

        Assert.Equal("getPet", getPet.GetProperty("operationId").GetString());
        Assert.Equal("Find a pet", getPet.GetProperty("summary").GetString());
        Assert.Equal("Returns one pet.", getPet.GetProperty("description").GetString());
        Assert.Equal(["pets", "read"], getPet.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("createPet", Operation(document, "/api/pets", "post").GetProperty("operationId").GetString());

        // Untagged: grouped under the application's name, as ASP.NET Core groups untagged handlers.
        Assert.Equal(["PetStore"], Operation(document, "/api/pets/{p0}", "delete").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Parameters_have_their_location_requiredness_and_schema()
    {
        var document = await DocumentAsync();
        var getPet = Operation(document, "/api/pets/{petId}", "get");

        var petId = ParameterNamed(getPet, "petId");
        Assert.Equal("path", petId.GetProperty("in").GetString());
        Assert.True(petId.GetProperty("required").GetBoolean());
        Assert.Equal("integer", NumberTypeOf(petId.GetProperty("schema")));
        Assert.Equal("int64", petId.GetProperty("schema").GetProperty("format").GetString());

        var include = ParameterNamed(getPet, "include");
        Assert.Equal("query", include.GetProperty("in").GetString());
        Assert.False(include.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.Equal("array", TypeOf(include.GetProperty("schema")));
        Assert.Equal("string", TypeOf(include.GetProperty("schema").GetProperty("items")));

        // A required value type declared nullable is still described by its value's schema.
        var limit = ParameterNamed(getPet, "limit");
        Assert.Equal("query", limit.GetProperty("in").GetString());
        Assert.True(limit.GetProperty("required").GetBoolean());
        Assert.Equal("integer", NumberTypeOf(limit.GetProperty("schema")));

        var requestId = ParameterNamed(getPet, "X-Request-Id");
        Assert.Equal("header", requestId.GetProperty("in").GetString());
        Assert.Equal("string", TypeOf(requestId.GetProperty("schema")));
        Assert.Equal("uuid", requestId.GetProperty("schema").GetProperty("format").GetString());

        // Cookies: the document generator has no cookie location for an API description; left out, not mislabelled.
        Assert.DoesNotContain(getPet.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "session");
        Assert.Equal(4, getPet.GetProperty("parameters").GetArrayLength());

        // A path parameter whose template name differs from the document's is named as the template names it.
        var deletePet = Operation(document, "/api/pets/{p0}", "delete");
        var p0 = Assert.Single(deletePet.GetProperty("parameters").EnumerateArray());
        Assert.Equal("p0", p0.GetProperty("name").GetString());
        Assert.Equal("integer", NumberTypeOf(p0.GetProperty("schema")));

        // A parameter that is part of a segment.
        var name = ParameterNamed(Operation(document, "/api/photos/{name}.png", "put"), "name");
        Assert.Equal("path", name.GetProperty("in").GetString());
        Assert.Equal("string", TypeOf(name.GetProperty("schema")));
    }

    [Fact]
    public async Task Request_bodies_have_their_media_type_requiredness_and_schema()
    {
        var document = await DocumentAsync();

        var createPet = Operation(document, "/api/pets", "post");
        Assert.False(createPet.TryGetProperty("parameters", out _));
        var body = createPet.GetProperty("requestBody");
        Assert.True(body.GetProperty("required").GetBoolean());
        var content = Assert.Single(body.GetProperty("content").EnumerateObject());
        Assert.Equal("application/json", content.Name);
        var schema = Resolve(document, content.Value.GetProperty("schema"));
        Assert.Equal("object", TypeOf(schema));
        Assert.Equal(["name", "tag"], schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());

        var text = Operation(document, "/api/photos/{name}.png", "put").GetProperty("requestBody");
        Assert.False(text.TryGetProperty("required", out var required) && required.GetBoolean());
        var textContent = Assert.Single(text.GetProperty("content").EnumerateObject());
        Assert.Equal("text/plain", textContent.Name);
        Assert.Equal("string", TypeOf(textContent.Value.GetProperty("schema")));

        Assert.False(Operation(document, "/api/pets/{petId}", "get").TryGetProperty("requestBody", out _));
    }

    [Fact]
    public async Task Every_declared_response_is_described_with_its_media_type_and_schema()
    {
        var document = await DocumentAsync();

        var getPet = Operation(document, "/api/pets/{petId}", "get").GetProperty("responses");
        // A range (4XX) has no place in an API description (one status code each): left out.
        Assert.Equal(["200", "404", "default"], getPet.EnumerateObject().Select(r => r.Name));
        var ok = Resolve(document, getPet.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(["id", "name", "tag"], ok.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        var notFound = Resolve(document, getPet.GetProperty("404").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(["code", "message"], notFound.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.True(getPet.GetProperty("default").GetProperty("content").TryGetProperty("application/json", out _));

        // The document's description where the operation gives one, else the status code's reason phrase.
        Assert.Equal("The pet.", getPet.GetProperty("200").GetProperty("description").GetString());
        Assert.Equal("Not Found", getPet.GetProperty("404").GetProperty("description").GetString());
        Assert.Equal("Any other answer.", getPet.GetProperty("default").GetProperty("description").GetString());

        var createPet = Operation(document, "/api/pets", "post").GetProperty("responses");
        Assert.Equal(["201", "400"], createPet.EnumerateObject().Select(r => r.Name));
        Assert.True(createPet.GetProperty("201").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(createPet.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));

        var deletePet = Operation(document, "/api/pets/{p0}", "delete").GetProperty("responses");
        var noContent = Assert.Single(deletePet.EnumerateObject());
        Assert.Equal("204", noContent.Name);
        Assert.False(noContent.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any());

        var upload = Operation(document, "/api/photos/{name}.png", "put").GetProperty("responses");
        Assert.Equal("string", TypeOf(upload.GetProperty("202").GetProperty("content").GetProperty("text/plain").GetProperty("schema")));
    }

    [Fact]
    public async Task Streams_are_binary_and_untyped_content_is_any_json()
    {
        var document = await DocumentAsync();
        var files = Operation(document, "/api/files", "post");

        var body = Resolve(document, files.GetProperty("requestBody").GetProperty("content").GetProperty("application/octet-stream").GetProperty("schema"));
        Assert.Equal("string", TypeOf(body));
        Assert.Equal("binary", body.GetProperty("format").GetString());
        var pdf = Resolve(document, files.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/pdf").GetProperty("schema"));
        Assert.Equal("string", TypeOf(pdf));
        Assert.Equal("binary", pdf.GetProperty("format").GetString());

        var untyped = files.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Empty(untyped.EnumerateObject());
    }

    [Fact]
    public async Task A_type_with_a_converter_of_its_own_has_an_open_schema()
    {
        // The schema comes from ASP.NET Core's JSON schema export over the HTTP JSON options; a type read and
        // written by its own converter (every generated model is) exports as a schema that accepts anything.
        var document = await DocumentAsync();
        var schema = Resolve(document, Operation(document, "/api/photos/{name}.png", "put")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.False(schema.TryGetProperty("properties", out _));
        Assert.Null(TypeOf(schema));
    }

    [Fact]
    public async Task Endpoints_without_the_metadata_are_left_to_AspNetCore()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");

        var plain = Operation(document, "/plain/{id}", "get");
        Assert.Equal("integer", NumberTypeOf(ParameterNamed(plain, "id").GetProperty("schema")));
        Assert.True(plain.GetProperty("responses").TryGetProperty("200", out _));
        Assert.False(paths.TryGetProperty("/bare", out _));
    }

    [Fact]
    public async Task Without_reflection_scalar_parameter_types_still_have_schemas()
    {
        // The HTTP JSON options as a trimmed or Native AOT application has them: no reflection-based resolver, the
        // application's context for its models; the scalar parameter types (long, Guid, lists) come from the runtime.
        var document = await DocumentAsync(services => services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Clear();
            options.SerializerOptions.TypeInfoResolverChain.Add(ModelsOnlyJsonContext.Default);
        }));

        var getPet = Operation(document, "/api/pets/{petId}", "get");
        Assert.Equal("int64", ParameterNamed(getPet, "petId").GetProperty("schema").GetProperty("format").GetString());
        Assert.Equal("uuid", ParameterNamed(getPet, "X-Request-Id").GetProperty("schema").GetProperty("format").GetString());
        Assert.Equal("string", TypeOf(ParameterNamed(getPet, "include").GetProperty("schema").GetProperty("items")));
        var ok = Resolve(document, getPet.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(["id", "name", "tag"], ok.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public void The_scalar_resolver_is_added_once_and_last()
    {
        var services = new ServiceCollection();
        services.AddContractEndpointDescriptions();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ModelsOnlyJsonContext.Default));
        services.AddContractEndpointDescriptions();
        using var provider = services.BuildServiceProvider();

        var chain = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions.TypeInfoResolverChain;
        Assert.Same(ModelsOnlyJsonContext.Default, chain[0]);
        Assert.Same(ScalarTypeInfoResolver.Instance, chain[^1]);
        Assert.Single(chain, resolver => ReferenceEquals(resolver, ScalarTypeInfoResolver.Instance));
        Assert.Single(services, d => d.ImplementationType == typeof(ContractApiDescriptionProvider));
    }

    [Fact]
    public async Task Registering_twice_describes_each_endpoint_once()
    {
        var (app, client) = await StartAsync(services => services.AddContractEndpointDescriptions());
        try
        {
            var descriptions = app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>()
                .ApiDescriptionGroups.Items.SelectMany(group => group.Items).ToList();
            Assert.Single(descriptions, d => d.RelativePath == "api/pets/{petId}" && d.HttpMethod == "GET");
            Assert.Single(descriptions, d => d.RelativePath == "plain/{id}");
            Assert.DoesNotContain(descriptions, d => d.RelativePath == "bare");
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
