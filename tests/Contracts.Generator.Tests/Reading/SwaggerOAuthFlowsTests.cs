using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Generator.Reading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.YamlReader;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// Swagger 2.0 oauth2 flows come from the document tree, not from the static fields Microsoft.OpenApi's 2.0 deserializer
/// builds them in: two 2.0 documents read at once (one compiler server building several projects) must each keep their own.
/// </summary>
public sealed class SwaggerOAuthFlowsTests
{
    private static readonly string[] s_kinds = { "implicit", "password", "application", "accessCode" };

    [Theory]
    [InlineData("implicit", "Implicit")]
    [InlineData("password", "Password")]
    [InlineData("application", "ClientCredentials")]
    [InlineData("accessCode", "AuthorizationCode")]
    public void Each_2_0_flow_becomes_its_3_0_flow_with_its_urls_and_scopes(string kind, string expected)
    {
        var definition = Definition(kind, "https://auth.example/authorize", "https://auth.example/token", ("read", "Read things"), ("write", "Write things"));

        var flows = SwaggerOAuthFlows.Flows(definition);

        Assert.NotNull(flows);
        var (name, flow) = Assert.Single(Declared(flows!));
        Assert.Equal(expected, name);
        Assert.Equal("https://auth.example/authorize", flow.AuthorizationUrl?.OriginalString);
        Assert.Equal("https://auth.example/token", flow.TokenUrl?.OriginalString);
        Assert.Equal(new[] { ("read", "Read things"), ("write", "Write things") }, flow.Scopes!.Select(s => (s.Key, s.Value)).OrderBy(s => s.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("authorizationCode")]
    public void A_missing_or_unknown_flow_gives_no_flows_as_the_reader_does(string? kind)
    {
        Assert.Null(SwaggerOAuthFlows.Flows(Definition(kind, "https://auth.example/authorize", null)));
    }

    [Fact]
    public void A_scope_without_a_text_description_is_left_out_and_a_number_is_read_as_written()
    {
        var definition = (JsonObject)JsonNode.Parse("""{"type":"oauth2","flow":"implicit","authorizationUrl":"/authorize","scopes":{"a":"A","b":null,"c":3}}""")!;

        var flow = SwaggerOAuthFlows.Flows(definition)!.Implicit!;

        Assert.Equal(new[] { ("a", "A"), ("c", "3") }, flow.Scopes!.Select(s => (s.Key, s.Value)).OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Equal("/authorize", flow.AuthorizationUrl?.OriginalString);
        Assert.Null(flow.TokenUrl);
    }

    [Fact]
    public void Restore_replaces_flows_the_reader_got_wrong_and_leaves_other_schemes_alone()
    {
        var yaml = new SharpYaml.Serialization.YamlStream();
        yaml.Load(new System.IO.StringReader(Document(0, 3)));
        var json = yaml.Documents[0].RootNode.ToJsonNode();
        var document = OpenApiYamlReader.Read(json, new Uri("file:///spec"), OpenApiTextReader.Settings()).Document!;
        var schemes = document.Components!.SecuritySchemes!;
        var swapped = (OpenApiSecurityScheme)schemes["scheme1"];
        swapped.Flows = new OpenApiOAuthFlows { Password = new OpenApiOAuthFlow { TokenUrl = new Uri("https://wrong.example/") } };
        var apiKey = (OpenApiSecurityScheme)schemes["key"];

        SwaggerOAuthFlows.Restore(json, document);

        AssertFlows(document, 0, 3);
        Assert.Null(apiKey.Flows);
        Assert.Equal(SecuritySchemeType.ApiKey, apiKey.Type);
    }

    [Fact]
    public void Swagger_2_0_documents_read_on_parallel_threads_each_keep_their_own_flows()
    {
        // Many schemes per document widen the window in which the reader's static flow belongs to another reading.
        const int Documents = 64;
        const int Schemes = 40;
        var texts = Enumerable.Range(0, Documents).Select(d => Document(d, Schemes)).ToArray();
        var threads = Math.Max(4, Environment.ProcessorCount * 2);
        var start = new Barrier(threads);
        var failures = new List<string>();

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            start.SignalAndWait();
            for (var round = 0; round < 3; round++)
            {
                for (var i = 0; i < Documents; i++)
                {
                    var d = (i + thread * 7 + round) % Documents;
                    var document = OpenApiTextReader.Read(texts[d], out _, out _);
                    try
                    {
                        AssertFlows(document!, d, Schemes);
                    }
                    catch (Exception exception) when (exception is not OutOfMemoryException)
                    {
                        lock (failures)
                        {
                            failures.Add("document " + d + ": " + exception.Message);
                        }
                    }
                }
            }
        });

        Assert.Empty(failures);
    }

    [Fact]
    public void The_readers_static_mutable_fields_are_the_ones_reviewed()
    {
        // Reviewed for parallel readings: the 2.0 flow fields are worked around (SwaggerOAuthFlows); the converter's limits are
        // only ever read (nothing sets them); the default rule set is built lazily to the same value. A new version adding one fails here until it is reviewed too.
        var reviewed = new[]
        {
            "Microsoft.OpenApi.Reader.V2.OpenApiV2Deserializer._flow",
            "Microsoft.OpenApi.Reader.V2.OpenApiV2Deserializer._flowValue",
            "Microsoft.OpenApi.ValidationRuleSet._defaultRuleSet",
            "Microsoft.OpenApi.YamlReader.YamlConverter._maxAliasExpansionNodeCount",
            "Microsoft.OpenApi.YamlReader.YamlConverter._maxDepth",
            "Microsoft.OpenApi.YamlReader.YamlConverter._maxNodeCount",
        };

        var found = new[] { typeof(OpenApiDocument).Assembly, typeof(OpenApiYamlReader).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !type.Name.Contains('<', StringComparison.Ordinal))
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(field => !field.IsInitOnly && !field.IsLiteral && !field.IsDefined(typeof(ThreadStaticAttribute), inherit: false)
                    && !field.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
                .Select(field => (type.IsGenericType ? type.FullName![..type.FullName!.IndexOf('`', StringComparison.Ordinal)] : type.FullName) + "." + field.Name))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(reviewed, found);
    }

    /// <summary>A 2.0 document with <paramref name="schemes"/> oauth2 schemes whose flow kind, URLs and scopes depend on the document and the scheme, and one apiKey scheme.</summary>
    private static string Document(int document, int schemes)
    {
        var text = new StringBuilder();
        text.Append("swagger: '2.0'\ninfo: {title: Flows, version: '1'}\npaths: {}\nsecurityDefinitions:\n  key: {type: apiKey, name: X-Key, in: header}\n");
        for (var s = 0; s < schemes; s++)
        {
            var kind = s_kinds[(document + s) % s_kinds.Length];
            text.Append("  scheme").Append(s).Append(":\n    type: oauth2\n    flow: ").Append(kind).Append('\n');
            if (kind is "implicit" or "accessCode")
            {
                text.Append("    authorizationUrl: https://d").Append(document).Append(".example/authorize/").Append(s).Append('\n');
            }

            if (kind is not "implicit")
            {
                text.Append("    tokenUrl: https://d").Append(document).Append(".example/token/").Append(s).Append('\n');
            }

            text.Append("    scopes:\n      d").Append(document).Append("s").Append(s).Append(": scope of ").Append(document).Append('/').Append(s).Append('\n');
        }

        return text.ToString();
    }

    private static void AssertFlows(OpenApiDocument document, int d, int schemes)
    {
        for (var s = 0; s < schemes; s++)
        {
            var kind = s_kinds[(d + s) % s_kinds.Length];
            var scheme = document.Components!.SecuritySchemes!["scheme" + s];
            var (name, flow) = Assert.Single(Declared(scheme.Flows!));
            Assert.Equal(kind switch { "implicit" => "Implicit", "password" => "Password", "application" => "ClientCredentials", _ => "AuthorizationCode" }, name);
            Assert.Equal(kind is "implicit" or "accessCode" ? "https://d" + d + ".example/authorize/" + s : null, flow.AuthorizationUrl?.OriginalString);
            Assert.Equal(kind is not "implicit" ? "https://d" + d + ".example/token/" + s : null, flow.TokenUrl?.OriginalString);
            var scope = Assert.Single(flow.Scopes!);
            Assert.Equal(("d" + d + "s" + s, "scope of " + d + "/" + s), (scope.Key, scope.Value));
        }
    }

    private static JsonObject Definition(string? kind, string? authorizationUrl, string? tokenUrl, params (string Name, string Description)[] scopes)
    {
        var definition = new JsonObject { ["type"] = "oauth2" };
        if (kind is not null)
        {
            definition["flow"] = kind;
        }

        if (authorizationUrl is not null)
        {
            definition["authorizationUrl"] = authorizationUrl;
        }

        if (tokenUrl is not null)
        {
            definition["tokenUrl"] = tokenUrl;
        }

        var map = new JsonObject();
        foreach (var (name, description) in scopes)
        {
            map[name] = description;
        }

        definition["scopes"] = map;
        return definition;
    }

    private static IEnumerable<(string Name, OpenApiOAuthFlow Flow)> Declared(OpenApiOAuthFlows flows)
    {
        var all = new (string, OpenApiOAuthFlow?)[]
        {
            ("Implicit", flows.Implicit), ("Password", flows.Password), ("ClientCredentials", flows.ClientCredentials),
            ("AuthorizationCode", flows.AuthorizationCode), ("DeviceAuthorization", flows.DeviceAuthorization),
        };
        return all.Where(f => f.Item2 is not null).Select(f => (f.Item1, f.Item2!));
    }
}
