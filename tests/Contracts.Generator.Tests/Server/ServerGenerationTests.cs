using System;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Server;

/// <summary>
/// The generated ASP.NET Core server (<c>Generate="Server"</c>, docs/server.md): its files, snapshotted and compiled
/// against ASP.NET Core and the server runtime, and the diagnostics of the option and of what a project lacks.
/// </summary>
public sealed class ServerGenerationTests
{
    private static SpecFile Spec(string generate) =>
        SpecFile.FromOutput("Specs/server.yaml", "Contracts.Tests.Served", "PetsClient").WithMetadata("ContractsGenerate", generate);

    private static SpecFile FormsSpec(string generate) =>
        SpecFile.FromOutput("Specs/server-forms.yaml", "Contracts.Tests.Shop", "ShopClient").WithMetadata("ContractsGenerate", generate);

    [Theory]
    [InlineData("Server", "Server")]
    [InlineData("ServerAndClient", "Client;Server")]
    public void Generated_files_match_the_baselines(string baseline, string generate)
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, Spec(generate));

        run.AssertGeneratorDidNotThrow();
        Snapshot.Match(baseline, run.Sources);
    }

    /// <summary>Specs/security.yaml served: each operation's <c>security</c> as authorization conventions of its endpoint.</summary>
    [Fact]
    public void Security_becomes_authorization_and_matches_the_baseline()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, SpecFile.FromOutput("Specs/security.yaml", "Contracts.Tests.Security", "SecurityClient").WithMetadata("ContractsGenerate", "Server"));

        run.AssertGeneratorDidNotThrow();
        Snapshot.Match("ServerSecurity", run.Sources.Where(s => s.Key.EndsWith(".Server.g.cs", StringComparison.Ordinal)).ToDictionary(s => s.Key, s => s.Value));
        run.AssertCompilesCleanly();
        var server = run.Sources.Single(s => s.Key.EndsWith(".Server.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("AllowAnonymous(__GetHealth)", server, StringComparison.Ordinal);
    }

    /// <summary>Specs/aws-json.yaml served: every operation behind one POST / that dispatches on X-Amz-Target, refusals AWS-shaped.</summary>
    [Fact]
    public void Aws_json_operations_share_one_dispatching_endpoint()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, SpecFile.FromOutput("Specs/aws-json.yaml", "Contracts.Tests.Widgets", "WidgetsClient").WithMetadata("ContractsGenerate", "Server"));

        run.AssertGeneratorDidNotThrow();
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Id == "CTR149"));
        Snapshot.Match("AwsJsonServer", run.Sources.Where(s => s.Key.EndsWith(".Server.g.cs", StringComparison.Ordinal)).ToDictionary(s => s.Key, s => s.Value));
        run.AssertCompilesCleanly();
        var server = run.Sources.Single(s => s.Key.EndsWith(".Server.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("AwsJsonDispatch.MapTarget(group, \"Widgets_20240101.GetWidget\", static context => HandleGetWidget(context));", server, StringComparison.Ordinal);
        Assert.Contains("AwsJsonDispatch.MapUnknownTargets(group);", server, StringComparison.Ordinal);
        Assert.Contains("ProblemFormat.AwsJson", server, StringComparison.Ordinal);
        Assert.DoesNotContain("MapMethods", server, StringComparison.Ordinal);
        // The document's security (SigV4, scheme hmac) is each target's authorization.
        Assert.Contains("RequireAuthorization(__GetWidget, \"hmac\");", server, StringComparison.Ordinal);

        // Declared errors are written AWS-shaped by factories named after them, at 400 for the conversion's placeholder codes.
        Assert.Contains("public static GetWidgetResult2 NotFoundException(string? message = null) => new GetWidgetResult2(2, 400, body1: message);", server, StringComparison.Ordinal);
        Assert.Contains("public static GetWidgetResult2 InvalidInputException(global::Contracts.Tests.Widgets.InvalidInputExceptionDetails body)", server, StringComparison.Ordinal);
        Assert.Contains("ResultWriter.WriteAwsErrorAsync(context, _statusCode, \"NotFoundException\", _body1);", server, StringComparison.Ordinal);
        Assert.Contains("ResultWriter.WriteAwsErrorAsync(context, _statusCode, \"InvalidInputException\", _body2, global::Contracts.Tests.Widgets.WidgetsJsonContext.Default.InvalidInputExceptionDetails);", server, StringComparison.Ordinal);
        Assert.DoesNotContain("Status480", server, StringComparison.Ordinal);
    }

    /// <summary>Specs/streams.yaml served: the streams that are an operation's only success body, the others CTR149.</summary>
    [Fact]
    public void Streams_are_served_as_item_sequences_and_the_rest_is_CTR149()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, SpecFile.FromOutput("Specs/streams.yaml", "Contracts.Tests.Streams", "StreamsClient").WithMetadata("ContractsGenerate", "Server"));

        run.AssertGeneratorDidNotThrow();
        var left = run.GeneratorDiagnostics.Where(d => d.Id == "CTR149").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Single(left);
        Assert.Contains("streamActivity", left[0], StringComparison.Ordinal);
        run.AssertCompilesCleanly();
        var server = run.Sources.Single(s => s.Key.EndsWith(".Server.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("Ok(global::System.Collections.Generic.IAsyncEnumerable<global::Contracts.Tests.Streams.Tick> body)", server, StringComparison.Ordinal);
        Assert.Contains("global::Contracts.Runtime.Streaming.StreamFormat.JsonLines)", server, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Server")]
    [InlineData("Client;Server")]
    [InlineData("client|SERVER")]
    [InlineData("Both")]
    public void Generated_server_compiles_without_errors_or_warnings(string generate)
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, Spec(generate));

        var reported = run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(reported.Count == 0, GeneratorRun.Format(reported));
        run.AssertCompilesCleanly();
        Assert.Contains(run.Sources.Keys, name => name.EndsWith("PetsClient.Server.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Server_only_generates_no_client_but_the_records_and_the_context()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, Spec("server"));

        Assert.DoesNotContain(run.Sources.Keys, name => name.EndsWith(".Client.g.cs", StringComparison.Ordinal));
        Assert.Contains(run.Sources.Keys, name => name.EndsWith(".JsonContext.g.cs", StringComparison.Ordinal));
        Assert.Contains(run.Sources.Keys, name => name.Contains(".Models.", StringComparison.Ordinal));
        Assert.Contains("partial interface IPetsHandler", run.Source("Server"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_Generate_gives_the_client_as_before()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, SpecFile.FromOutput("Specs/server.yaml", "Contracts.Tests.Served", "PetsClient"));

        Assert.Contains(run.Sources.Keys, name => name.EndsWith(".Client.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources.Keys, name => name.EndsWith(".Server.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CTR147" or "CTR148" or "CTR149");
    }

    [Fact]
    public void An_unknown_Generate_word_is_CTR147_at_the_start_of_the_spec_and_the_client_is_generated()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, Spec("Servr"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR147");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("The Generate metadata is 'Servr', which names neither Client nor Server (nor Both); the client is generated", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(run.Sources.Keys, name => name.EndsWith(".Client.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources.Keys, name => name.EndsWith(".Server.g.cs", StringComparison.Ordinal));
        run.AssertCompilesCleanly();
    }

    /// <summary>Specs/server-forms.yaml served: object and map parameters in every place, a form body and a multipart body.</summary>
    [Fact]
    public void Objects_forms_and_multipart_are_served_and_match_the_baseline()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, FormsSpec("Client;Server"));

        run.AssertGeneratorDidNotThrow();
        Snapshot.Match("ServerForms", run.Sources.Where(s => s.Key.EndsWith(".Server.g.cs", StringComparison.Ordinal)).ToDictionary(s => s.Key, s => s.Value));
        run.AssertCompilesCleanly();
        var server = run.Source("Server");
        Assert.Contains("FindOrdersAsync(", server, StringComparison.Ordinal);
        Assert.Contains("CreateChargeAsync(", server, StringComparison.Ordinal);
        Assert.Contains("UploadAsync(", server, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_the_server_cannot_bind_is_CTR149_at_the_operation()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, FormsSpec("Server"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR149");
        Assert.Equal(
            "Operation 'lookup' is left out of the generated server: the query parameter 'key' is a union",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var line = Array.FindIndex(FormsSpec("Server").Text.Split('\n'), l => l.Contains("operationId: lookup", StringComparison.Ordinal));
        Assert.Equal(line - 1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain("Lookup", run.Source("Server"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pet_store_is_served_whole()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, Spec("Server"));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CTR149");
        Assert.Contains("SearchPetsAsync(", run.Source("Server"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_ASP_NET_Core_the_server_is_CTR148_and_not_generated()
    {
        var run = GeneratorHarness.RunWith([ServerReferences.Runtime], Spec("Client;Server"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR148");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("Microsoft.AspNetCore.App", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources.Keys, name => name.EndsWith(".Server.g.cs", StringComparison.Ordinal));
        Assert.Contains(run.Sources.Keys, name => name.EndsWith(".Client.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_server_runtime_the_server_is_CTR148_naming_the_package()
    {
        var run = GeneratorHarness.RunWith(ServerReferences.AspNetCore, Spec("Server"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR148");
        Assert.Equal(
            "The server of 'PetsClient' is not generated: the project does not reference Contracts.Runtime.AspNetCore (Contracts.Runtime.AspNetCore.RequestBinder); add a PackageReference to Contracts.Runtime.AspNetCore",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(run.Sources.Keys, name => name.EndsWith(".Server.g.cs", StringComparison.Ordinal));
    }
}

/// <summary>Shapes the server spec does not hold, each compiled: names taken by schemas, internal types, integer enums.</summary>
public sealed class ServerShapeTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Shapes, version: '1'}
        paths:
          /pets/{petId}:
            get:
              operationId: getPet
              deprecated: true
              parameters:
                - {name: petId, in: path, required: true, schema: {type: integer}}
                - {name: level, in: query, required: true, schema: {$ref: '#/components/schemas/Level'}}
                - {name: day, in: header, schema: {type: string, format: date}}
                - {name: 'odd name', in: query, schema: {type: number}}
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/GetPetResult'}
                '202':
                  description: Accepted, not ready.
                  content:
                    application/json:
                      schema: {type: object, properties: {message: {type: string}}}
                '302': {description: Elsewhere.}
                5XX:
                  description: Failed.
                  content:
                    text/plain:
                      schema: {type: string}
        components:
          schemas:
            GetPetResult:
              type: object
              properties:
                name: {type: string}
            Level:
              type: integer
              enum: [1, 2, 3]
        """;

    private static SpecFile Shapes() =>
        SpecFile.Inline("shapes.yaml", Spec, "Contracts.Tests.ServedShapes", "ShapesClient") with { Visibility = "internal" };

    [Theory]
    [InlineData("Server")]
    [InlineData("Client;Server")]
    public void Names_taken_by_schemas_give_the_result_a_number_and_every_response_a_factory(string generate)
    {
        var run = GeneratorHarness.RunWith(ServerReferences.All, Shapes().WithMetadata("ContractsGenerate", generate));

        run.AssertCompilesCleanly();
        var server = run.Source("Server");
        // The schema keeps GetPetResult, the client's union of the 200 and 202 bodies took GetPetResult2.
        Assert.Contains("internal readonly struct GetPetResult3", server, StringComparison.Ordinal);
        Assert.Contains("internal partial interface IShapesHandler", server, StringComparison.Ordinal);
        Assert.Contains("public static GetPetResult3 Ok(global::Contracts.Tests.ServedShapes.GetPetResult body)", server, StringComparison.Ordinal);
        Assert.Contains("public static GetPetResult3 Status302()", server, StringComparison.Ordinal);
        Assert.Contains("public static GetPetResult3 ServerError(int statusCode, string body)", server, StringComparison.Ordinal);
        // Two successes with bodies: no implicit conversion (which body would it be?).
        Assert.DoesNotContain("implicit operator", server, StringComparison.Ordinal);
    }
}
