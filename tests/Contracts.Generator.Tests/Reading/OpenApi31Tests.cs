using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// Specs/openapi31.yaml: an OpenAPI 3.1 document using every construct that is given its 3.0 form or dropped (OpenApi31Schemas).
/// Snapshot, compile, JSON round trip through the generated context, and the CTR105 warnings at their lines.
/// </summary>
public sealed class OpenApi31Tests
{
    private const string Namespace = "Contracts.Tests.Pets31";
    private const string Context = Namespace + ".Pets31JsonContext";

    private static GeneratorRun Run() => GeneratorHarness.Run(SpecFile.FromOutput("Specs/openapi31.yaml", Namespace, "Pets31Client"));

    [Fact]
    public void Generated_files_match_the_baselines()
    {
        var run = Run();

        run.AssertGeneratorDidNotThrow();
        Assert.NotEmpty(run.Sources);
        Snapshot.Match("OpenApi31", run.Sources);
    }

    [Fact]
    public void Generated_code_compiles_without_errors_or_warnings()
    {
        var run = Run();

        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Each_construct_3_0_cannot_say_gets_one_CTR105_at_its_line_in_the_original_file()
    {
        var run = Run();

        run.AssertGeneratorDidNotThrow();
        // idOrName (line 84, `type: [string, integer]`) becomes a oneOf, a union without any warning.
        var reported = run.GeneratorDiagnostics
            .Select(d => (d.Id, Line(d), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(d => d.Item2);
        Assert.Equal(
            [
                ("CTR105", 50, "The OpenAPI 3.1 construct 'webhooks' is not supported: webhooks are not generated"),
                ("CTR105", 62, "The OpenAPI 3.1 construct 'components/pathItems' is not supported: reusable path items are not generated"),
                ("CTR105", 117, "The OpenAPI 3.1 construct 'prefixItems (a tuple of different item types)' is not supported: its items are read as JSON values"),
                ("CTR105", 137, "The OpenAPI 3.1 construct 'dependentRequired' is not supported: it is ignored"),
                ("CTR105", 139, "The OpenAPI 3.1 construct 'if/then/else' is not supported: the conditional subschemas are ignored"),
                ("CTR105", 143, "The OpenAPI 3.1 construct 'unevaluatedProperties' is not supported: it is ignored"),
                ("CTR105", 144, "The OpenAPI 3.1 construct 'patternProperties' is not supported: it is ignored"),
            ],
            reported);
        Assert.All(run.GeneratorDiagnostics.Where(d => d.Id == "CTR105"), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void A_pet_round_trips_through_the_generated_json_context()
    {
        const string Json = """
            {"name": "Rex", "kind": "dog", "nickname": "R", "age": 3, "tag": "good-boy",
             "owner": {"name": "Ann", "email": "ann@example.com"}, "photo": "AQID",
             "parent": {"name": "Max", "kind": "dog", "label": "old"}, "label": "young",
             "position": [1.5, 2], "record": ["a", 1], "color": "brown", "size": "large"}
            """;
        using var output = LoadedOutput.Load(Run());

        var pet = output.Deserialize(Context, "Pet", Json)!;
        var written = output.Serialize(Context, "Pet", pet);

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(Json), System.Text.Json.Nodes.JsonNode.Parse(written)), written);
        Assert.Equal(new byte[] { 1, 2, 3 }, (byte[])Get(pet, "Photo")!);
        Assert.Equal("Max", Get(Get(pet, "Parent")!, "Name"));
        Assert.Equal("Ann", Get(Get(pet, "Owner")!, "Name"));
        Assert.Equal("brown", Get(pet, "Color")!.ToString());
        Assert.Equal("large", Get(pet, "Size")!.ToString());
        Assert.Equal(new[] { 1.5, 2.0 }, ((System.Collections.Generic.IEnumerable<double>)Get(pet, "Position")!).ToArray());
    }

    [Fact]
    public void A_problem_in_a_hoisted_definition_is_located_at_the_definition_in_the_original_file()
    {
        const string Spec = """
            openapi: 3.1.0
            info: { title: Loop, version: '1' }
            servers: [{ url: 'https://loop.example.com' }]
            paths: {}
            components:
              schemas:
                Tree:
                  type: object
                  properties:
                    loop: { $ref: '#/components/schemas/Tree/$defs/Loop' }
                  $defs:
                    Loop:
                      type: array
                      items: { $ref: '#/components/schemas/Tree/$defs/Loop' }
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("loop.yaml", Spec, "Loop.Api", "LoopClient"));

        run.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CTR100", diagnostic.Id);
        Assert.Equal(12, Line(diagnostic));
    }

    [Fact]
    public void A_31_document_is_no_longer_refused_as_an_unsupported_version()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("min.yaml", "openapi: 3.1.0\ninfo: {title: Min, version: '1'}\nservers: [{url: 'https://min.example.com'}]\ncomponents: {schemas: {A: {type: object, properties: {b: {type: [string, 'null']}}}}}\n", "Min.Api", "MinClient"));

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
        Assert.Contains("public string? B { get; init; }", run.TypeSource("A"), System.StringComparison.Ordinal);
    }

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    private static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);
}
