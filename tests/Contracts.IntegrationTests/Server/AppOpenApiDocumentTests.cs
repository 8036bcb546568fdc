using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Served;
using Contracts.Runtime.AspNetCore;
using Contracts.Runtime.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Text.Json.Nodes;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.IntegrationTests.Server;

/// <summary>
/// The application's own OpenAPI document (Microsoft.AspNetCore.OpenApi, <c>AddContractEndpointDescriptions</c> and
/// <c>AddContractDescriptions</c>) over the endpoints generated from server.yaml, compared with server.yaml: the same paths
/// (parameter names in braces aside), methods, operation ids, parameters (name and location, cookies among them),
/// responses (codes, ranges and default), the schemas of parameters, bodies and responses, and the component schemas
/// (members with their types and formats, required, enums, arrays, references). An operation the server leaves out
/// (CTR149) has no endpoint.
/// </summary>
public sealed partial class AppOpenApiDocumentTests
{
    /// <summary>Stream (binary bodies and results) must resolve in the HTTP JSON options: reflection is off in this project.</summary>
    [JsonSerializable(typeof(Stream))]
    private sealed partial class BinaryJsonContext : JsonSerializerContext;

    private static readonly string[] s_methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    [Fact]
    public async Task The_app_document_lists_what_the_source_document_declares()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<IPetStoreHandler>(new ServerRoundTripTests.RecordingHandler());
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Add(PetStoreJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Add(BinaryJsonContext.Default);
        });
        builder.Services.AddContractEndpointDescriptions();
        builder.Services.AddOpenApi(options => options.AddContractDescriptions());
        await using var app = builder.Build();
        app.MapPetStore();
        app.MapOpenApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };

        var text = await http.GetStringAsync("openapi/v1.json");

        var source = SourceDocument();
        var document = JsonNode.Parse(text)!;
        var expected = Describe(SourceOperations(source));
        var actual = Describe(AppOperations(document, source).Where(o => o.OperationId != "searchPets"));
        Assert.Equal(8, expected.Split('\n').Length);
        Assert.Contains("get /pets/{}/photo getPhoto params[pet.id:path=integer/int64] status[200:image/png=string/binary]", expected, StringComparison.Ordinal);
        // What an API description cannot hold, added by AddContractDescriptions: a cookie, a range and a default.
        Assert.Contains("session:cookie=string", expected, StringComparison.Ordinal);
        Assert.Contains("status[201:application/json=$Pet,4XX:application/json=$Problem]", expected, StringComparison.Ordinal);
        Assert.Contains("default:application/json=$Problem", expected, StringComparison.Ordinal);
        Assert.Equal(expected, actual);

        // The generated types, as components: the same members, types, formats, required members and enums.
        var expectedComponents = Components(source);
        var actualComponents = Components(document);
        Assert.Contains("Pet object{id!:integer/int64,name!:string,status:$PetStatus}", expectedComponents, StringComparison.Ordinal);
        Assert.Contains("PetStatus string[available,sold]", expectedComponents, StringComparison.Ordinal);
        Assert.Equal(expectedComponents, actualComponents);
        // Nothing else: the empty schemas ASP.NET Core exported for the generated types' lists are gone with their uses.
        Assert.Equal(
            source["components"]!["schemas"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal),
            document["components"]!["schemas"]!.AsObject().Select(c => c.Key).Where(k => k != "SearchPetsFilter").Order(StringComparer.Ordinal));
        Assert.Equal("object{name:string}", Shape(document["components"]!["schemas"]!["SearchPetsFilter"]).Replace("$", string.Empty, StringComparison.Ordinal));
    }

    /// <summary>One line per operation: normalized path, method, operation id, sorted parameters, sorted responses, each with its schemas.</summary>
    private static string Describe(IEnumerable<Operation> operations) => string.Join("\n", operations
        .Select(o => o.Method + " " + o.Path + " " + o.OperationId
            + " params[" + string.Join(",", o.Parameters.OrderBy(p => p, StringComparer.Ordinal)) + "]"
            + (o.Body is null ? string.Empty : " body[" + o.Body + "]")
            + " status[" + string.Join(",", o.Statuses.OrderBy(s => s, StringComparer.Ordinal)) + "]")
        .OrderBy(l => l, StringComparer.Ordinal));

    /// <summary>One line per component schema of the source, with its shape; the app's components of the same names.</summary>
    private static string Components(JsonNode document)
    {
        var sourceNames = SourceDocument()["components"]!["schemas"]!.AsObject().Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var components = document["components"]?["schemas"]?.AsObject() ?? [];
        return string.Join("\n", components
            .Where(c => sourceNames.Contains(c.Key))
            .Select(c => c.Key + " " + Shape(c.Value))
            .OrderBy(l => l, StringComparer.Ordinal));
    }

    /// <summary>
    /// A schema's shape, as both documents can spell it: types (OpenAPI 3.0's <c>nullable</c> as the type <c>null</c>),
    /// format, enum, a reference by component name, array items, object members (required ones marked <c>!</c>), map values
    /// and compositions. Descriptions and other annotations are left out.
    /// </summary>
    private static string Shape(JsonNode? schema)
    {
        if (schema is not JsonObject node)
        {
            return "?";
        }

        if (node["$ref"] is { } reference)
        {
            return "$" + reference.GetValue<string>().Split('/')[^1];
        }

        var shape = new System.Text.StringBuilder();
        var types = node["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        if (node["nullable"] is JsonValue nullable && nullable.ToJsonString() is "true" or "\"true\"")
        {
            types.Add("null");
        }

        shape.Append(string.Join("|", types.Distinct().OrderBy(t => t, StringComparer.Ordinal)));
        if (node["format"] is { } format)
        {
            shape.Append('/').Append(format.GetValue<string>());
        }

        if (node["enum"] is JsonArray values)
        {
            shape.Append('[').Append(string.Join(",", values.Select(v => v is JsonValue value && value.TryGetValue<string>(out var text) ? text : v!.ToJsonString()))).Append(']');
        }

        if (node["items"] is { } items)
        {
            shape.Append('<').Append(Shape(items)).Append('>');
        }

        if (node["properties"] is JsonObject properties)
        {
            var required = node["required"] is JsonArray names ? names.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];
            shape.Append('{').Append(string.Join(",", properties
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Key + (required.Contains(p.Key) ? "!" : string.Empty) + ":" + Shape(p.Value)))).Append('}');
        }

        if (node["additionalProperties"] is JsonObject additional)
        {
            shape.Append("map<").Append(Shape(additional)).Append('>');
        }

        foreach (var composition in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (node[composition] is JsonArray parts)
            {
                shape.Append(composition).Append('(').Append(string.Join(",", parts.Select(Shape))).Append(')');
            }
        }

        return shape.ToString();
    }

    private sealed record Operation(string Path, string Method, string OperationId, List<string> Parameters, string? Body, List<string> Statuses);

    /// <summary>The path with each <c>{name}</c> as <c>{}</c>, and the names in order (route names differ where the document's are not route names).</summary>
    private static (string Path, List<string> Names) Normalize(string path)
    {
        var names = new List<string>();
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '{')
            {
                var end = path.IndexOf('}', i);
                names.Add(path.Substring(i + 1, end - i - 1));
                result.Append("{}");
                i = end;
            }
            else
            {
                result.Append(path[i]);
            }
        }

        return (result.ToString(), names);
    }

    /// <summary>server.yaml as JSON (every scalar a string, as the shapes compare them).</summary>
    private static JsonNode SourceDocument()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryPaths.Combine("tests", "Contracts.Generator.Tests", "Specs", "server.yaml"))));
        return ToJson(yaml.Documents[0].RootNode)!;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static IEnumerable<Operation> SourceOperations(JsonNode source)
    {
        foreach (var (key, value) in source["paths"]!.AsObject())
        {
            var pathItem = value!.AsObject();
            var (path, _) = Normalize(key);
            var shared = Parameters(pathItem);
            foreach (var (method, operationNode) in pathItem)
            {
                if (!s_methods.Contains(method))
                {
                    continue;
                }

                var operation = operationNode!.AsObject();
                var operationId = operation["operationId"]!.GetValue<string>();
                if (operationId == "searchPets")
                {
                    // Compared apart: the source declares the deepObject parameter's object inline, and the app's
                    // document refers to the generated record's component ($SearchPetsFilter) instead.
                    continue;
                }

                var parameters = shared.Concat(Parameters(operation)).ToList();
                var statuses = operation["responses"]!.AsObject().Select(r => r.Key + Content(r.Value)).ToList();
                yield return new Operation(path, method, operationId, parameters, Body(operation), statuses);
            }
        }
    }

    private static List<string> Parameters(JsonObject node) =>
        node["parameters"] is JsonArray list
            ? list.Select(p => p!["name"]!.GetValue<string>() + ":" + p["in"]!.GetValue<string>() + "=" + Shape(p["schema"])).ToList()
            : [];

    /// <summary>The request body's media types and schemas; null when there is none.</summary>
    private static string? Body(JsonObject operation) =>
        operation["requestBody"] is { } body ? Content(body).TrimStart(':') : null;

    /// <summary><c>:media=shape</c> per media type of a body or response, in order of media type; empty without content.</summary>
    private static string Content(JsonNode? node) =>
        node?["content"] is JsonObject content
            ? string.Concat(content.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => ":" + c.Key + "=" + Shape(c.Value?["schema"])))
            : string.Empty;

    private static IEnumerable<Operation> AppOperations(JsonNode document, JsonNode source)
    {
        var sourceNames = source["paths"]!.AsObject().Select(p => Normalize(p.Key)).ToDictionary(p => p.Path, p => p.Names);
        foreach (var (key, pathItem) in document["paths"]!.AsObject())
        {
            var (path, routeNames) = Normalize(key);
            // A route name stands for the document's name at the same place in the path.
            var documentNames = sourceNames.TryGetValue(path, out var names) ? names : routeNames;
            foreach (var (method, operationNode) in pathItem!.AsObject())
            {
                var operation = operationNode!.AsObject();
                var parameters = operation["parameters"] is JsonArray list
                    ? list.Select(p =>
                    {
                        var name = p!["name"]!.GetValue<string>();
                        var at = routeNames.IndexOf(name);
                        return (at >= 0 ? documentNames[at] : name) + ":" + p["in"]!.GetValue<string>() + "=" + Shape(p["schema"]);
                    }).ToList()
                    : [];
                var statuses = operation["responses"]!.AsObject().Select(r => r.Key + Content(r.Value)).ToList();
                yield return new Operation(path, method, operation["operationId"]!.GetValue<string>(), parameters, Body(operation), statuses);
            }
        }
    }
}
