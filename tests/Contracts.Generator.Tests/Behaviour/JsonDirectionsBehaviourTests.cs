using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// By default a converter reads and writes only where the client does (JsonDirections="Used"): the half left out is one
/// line that throws a NotSupportedException naming the type and the opt-out; JsonDirections="Both" generates both halves.
/// </summary>
public sealed class JsonDirectionsBehaviourTests
{
    private const string Context = "Contracts.Tests.Pets.PetsJsonContext";

    private const string Spec = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /pets:
            post:
              operationId: CreatePet
              requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/NewPet' } } } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
        components:
          schemas:
            NewPet:
              type: object
              required: [name]
              properties:
                name: { type: string }
            Pet:
              type: object
              required: [id, kind]
              properties:
                id: { type: integer }
                kind: { $ref: '#/components/schemas/Kind' }
            Cat:
              type: object
              properties:
                meows: { type: boolean }
            Dog:
              type: object
              properties:
                barks: { type: boolean }
            Kind:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
        """;

    private static SpecFile Pets() => SpecFile.Inline("pets.yaml", Spec, "Contracts.Tests.Pets", "PetsClient");

    [Fact]
    public void A_response_type_reads_and_its_writing_throws_naming_the_type_and_the_opt_out()
    {
        var run = GeneratorHarness.Run(Pets());
        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
        using var output = LoadedOutput.Load(run);

        var pet = output.Deserialize(Context, "Pet", """{"id":1,"kind":{"meows":true}}""");

        Assert.NotNull(pet);
        var exception = Assert.Throws<NotSupportedException>(() => output.Serialize(Context, "Pet", pet));
        Assert.Contains("Writing 'Pet' as JSON was not generated", exception.Message);
        Assert.Contains("JsonDirections=\"Both\"", exception.Message);
        Assert.Contains("--json-directions Both", exception.Message);
        Assert.Contains("docs/generated-code.md", exception.Message);
    }

    [Fact]
    public void A_request_type_writes_and_its_reading_throws_naming_the_type()
    {
        var run = GeneratorHarness.Run(Pets());
        using var output = LoadedOutput.Load(run);
        var newPet = output.Create("Contracts.Tests.Pets.NewPet", [], ("Name", "Rex"));

        Assert.Equal("""{"name":"Rex"}""", output.Serialize(Context, "NewPet", newPet));
        var exception = Assert.Throws<NotSupportedException>(() => output.Deserialize(Context, "NewPet", """{"name":"Rex"}"""));
        Assert.Contains("Reading 'NewPet' as JSON was not generated", exception.Message);
    }

    [Fact]
    public void A_union_inside_a_response_and_its_cases_are_read_only()
    {
        var run = GeneratorHarness.Run(Pets());
        var code = string.Join("\n", run.Sources.Values);

        Assert.Contains("internal static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, global::Contracts.Tests.Pets.Kind value, global::System.Text.Json.JsonSerializerOptions options) => throw global::Contracts.Runtime.Json.JsonErrors.WritingNotGenerated(\"Kind\");", code);
        Assert.DoesNotContain("ReadingNotGenerated(\"Kind\")", code);
        Assert.Contains("WritingNotGenerated(\"Cat\")", code);
        Assert.DoesNotContain("ReadingNotGenerated(\"Cat\")", code);
        Assert.Contains("WritingNotGenerated(\"Dog\")", code);
        Assert.DoesNotContain("ReadingNotGenerated(\"Dog\")", code);
        // NewPet is not read; Pet, Kind, Cat and Dog are not written.
        Assert.Equal(5, CountOf(code, "NotGenerated(\""));
    }

    [Fact]
    public void Both_generates_reading_and_writing_for_every_type()
    {
        var run = GeneratorHarness.Run(Pets().WithMetadata("ContractsJsonDirections", "Both"));
        run.AssertCompilesCleanly();
        using var output = LoadedOutput.Load(run);

        Assert.DoesNotContain("NotGenerated(", string.Join("\n", run.Sources.Values));
        const string Json = """{"id":1,"kind":{"barks":true}}""";
        Assert.Equal(Json, output.Serialize(Context, "Pet", output.Deserialize(Context, "Pet", Json)));
        Assert.Equal("""{"name":"Rex"}""", output.Serialize(Context, "NewPet", output.Deserialize(Context, "NewPet", """{"name":"Rex"}""")));
    }

    [Theory]
    [InlineData("Used", true)]
    [InlineData("used", true)]
    [InlineData("", true)]
    [InlineData("both", false)]
    [InlineData("Bothh", false)]
    public void Only_Used_or_no_value_leaves_directions_out(string value, bool leavesOut)
    {
        var run = GeneratorHarness.Run(Pets().WithMetadata("ContractsJsonDirections", value));

        Assert.Equal(leavesOut, string.Join("\n", run.Sources.Values).Contains("NotGenerated(", StringComparison.Ordinal));
    }

    private static int CountOf(string text, string value) =>
        Enumerable.Range(0, text.Length - value.Length + 1).Count(i => string.CompareOrdinal(text, i, value, 0, value.Length) == 0);
}
