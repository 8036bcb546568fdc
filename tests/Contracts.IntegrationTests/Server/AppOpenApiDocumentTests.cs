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
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharpYaml.Serialization;
using Xunit;

namespace Contracts.IntegrationTests.Server;

/// <summary>
/// The application's own OpenAPI document (Microsoft.AspNetCore.OpenApi, <c>AddContractEndpointDescriptions</c>) over the
/// endpoints generated from server.yaml, compared with server.yaml: the same paths (parameter names in braces aside), methods,
/// operation ids, parameters (name and location) and status codes. Cookie parameters and status ranges are not listed by the
/// description provider, and an operation the server leaves out (CTR149) has no endpoint.
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
        builder.Services.AddOpenApi();
        await using var app = builder.Build();
        app.MapPetStore();
        app.MapOpenApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };

        var text = await http.GetStringAsync("openapi/v1.json");

        var expected = Describe(SourceOperations());
        var actual = Describe(AppOperations(text));
        Assert.Equal(9, expected.Split('\n').Length);
        Assert.Contains("get /pets/{}/photo getPhoto params[pet.id:path] status[200]", expected, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    /// <summary>One line per operation: normalized path, method, operation id, sorted parameters, sorted status codes.</summary>
    private static string Describe(IEnumerable<Operation> operations) => string.Join("\n", operations
        .Select(o => o.Method + " " + o.Path + " " + o.OperationId
            + " params[" + string.Join(",", o.Parameters.OrderBy(p => p, StringComparer.Ordinal)) + "]"
            + " status[" + string.Join(",", o.Statuses.OrderBy(s => s, StringComparer.Ordinal)) + "]")
        .OrderBy(l => l, StringComparer.Ordinal));

    private sealed record Operation(string Path, string Method, string OperationId, List<string> Parameters, List<string> Statuses);

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

    private static IEnumerable<Operation> SourceOperations()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryPaths.Combine("tests", "Contracts.Generator.Tests", "Specs", "server.yaml"))));
        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("paths")];
        foreach (var (key, value) in paths.Children)
        {
            var pathItem = (YamlMappingNode)value;
            var (path, _) = Normalize(((YamlScalarNode)key).Value!);
            var shared = Parameters(pathItem);
            foreach (var (methodKey, operationNode) in pathItem.Children)
            {
                var method = ((YamlScalarNode)methodKey).Value!;
                if (!s_methods.Contains(method))
                {
                    continue;
                }

                var operation = (YamlMappingNode)operationNode;
                var operationId = Scalar(operation, "operationId")!;
                var parameters = shared.Concat(Parameters(operation))
                    .Where(p => !p.EndsWith(":cookie", StringComparison.Ordinal)) // not listed by the description provider
                    .ToList();
                var statuses = ((YamlMappingNode)operation.Children[new YamlScalarNode("responses")]).Children.Keys
                    .Select(k => ((YamlScalarNode)k).Value!)
                    .Where(s => !s.EndsWith("XX", StringComparison.Ordinal)) // ranges: not listed by the description provider
                    .ToList();
                yield return new Operation(path, method, operationId, parameters, statuses);
            }
        }
    }

    private static List<string> Parameters(YamlMappingNode node) =>
        node.Children.TryGetValue(new YamlScalarNode("parameters"), out var list)
            ? ((YamlSequenceNode)list).Children.Cast<YamlMappingNode>().Select(p => Scalar(p, "name") + ":" + Scalar(p, "in")).ToList()
            : [];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static IEnumerable<Operation> AppOperations(string json)
    {
        using var document = JsonDocument.Parse(json);
        var source = SourcePathNames();
        foreach (var pathItem in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            var (path, routeNames) = Normalize(pathItem.Name);
            // A route name stands for the document's name at the same place in the path.
            var documentNames = source.TryGetValue(path, out var names) ? names : routeNames;
            foreach (var operation in pathItem.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p =>
                    {
                        var name = p.GetProperty("name").GetString()!;
                        var at = routeNames.IndexOf(name);
                        return (at >= 0 ? documentNames[at] : name) + ":" + p.GetProperty("in").GetString();
                    }).ToList()
                    : [];
                var statuses = operation.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
                yield return new Operation(path, operation.Name, operation.Value.GetProperty("operationId").GetString()!, parameters, statuses);
            }
        }
    }

    /// <summary>The document's parameter names of each normalized path, in order.</summary>
    private static Dictionary<string, List<string>> SourcePathNames()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryPaths.Combine("tests", "Contracts.Generator.Tests", "Specs", "server.yaml"))));
        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("paths")];
        return paths.Children.Keys.Select(k => Normalize(((YamlScalarNode)k).Value!)).ToDictionary(p => p.Path, p => p.Names);
    }
}
