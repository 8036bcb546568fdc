using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// Found by the property tests: <c>nullable</c> on array items and map values was dropped (a list of string, not
/// string?), so a null item failed to read. Inline, on the referenced schema, allOf-wrapped; lists of lists, maps,
/// typed additional properties, request bodies and (non-null) query parameters.
/// </summary>
public sealed class NullableElementsTests
{
    private const string Context = "Contracts.Tests.Holes.HolesJsonContext";

    private const string Spec = """
        openapi: 3.0.3
        info: { title: Holes, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /holes:
            post:
              operationId: PostHoles
              parameters:
                - { name: tags, in: query, schema: { type: array, items: { type: string, nullable: true } } }
                - { name: counts, in: query, schema: { type: array, items: { type: integer, nullable: true } } }
              requestBody: { content: { application/json: { schema: { type: array, items: { type: integer, nullable: true } } } } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Holes' } } } }
        components:
          schemas:
            Point:
              type: object
              nullable: true
              required: [x]
              properties:
                x: { type: integer }
            Plain:
              type: object
              required: [y]
              properties:
                y: { type: integer }
            Holes:
              type: object
              properties:
                names: { type: array, items: { type: string, nullable: true } }
                counts: { type: object, additionalProperties: { type: integer, nullable: true } }
                points: { type: array, items: { $ref: '#/components/schemas/Point' } }
                wrapped: { type: array, items: { allOf: [ { $ref: '#/components/schemas/Plain' } ], nullable: true } }
                grid: { type: array, items: { type: array, nullable: true, items: { type: number, format: double, nullable: true } } }
                strict: { type: array, items: { type: integer } }
              additionalProperties: { type: boolean, nullable: true }
        """;

    [Fact]
    public void Element_types_are_nullable_where_the_items_allow_null()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("holes.yaml", Spec, "Contracts.Tests.Holes", "HolesClient").ReadAndWritten());
        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();

        var record = string.Join("\n", run.Sources.Values);
        Assert.Contains("IReadOnlyList<string?>? Names", record);
        Assert.Contains("IReadOnlyDictionary<string, long?>? Counts", record);
        Assert.Contains("IReadOnlyList<global::Contracts.Tests.Holes.Point?>? Points", record);
        Assert.Contains("IReadOnlyList<global::Contracts.Tests.Holes.Plain?>? Wrapped", record);
        Assert.Contains("IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<double?>?>? Grid", record);
        Assert.Contains("IReadOnlyList<long>? Strict", record);
        Assert.Contains("IReadOnlyDictionary<string, bool?>? AdditionalProperties", record);

        // Parameters keep non-null items (a null has no spelling in a URL); the JSON body keeps its nulls.
        var client = record;
        Assert.Contains("IReadOnlyList<string>? tags", client);
        Assert.Contains("IReadOnlyList<long>? counts", client);
        Assert.Contains("IReadOnlyList<long?>? request", client);
    }

    [Theory]
    [InlineData("""{"names":["a",null,"b"]}""")]
    [InlineData("""{"counts":{"a":1,"b":null}}""")]
    [InlineData("""{"points":[{"x":1},null]}""")]
    [InlineData("""{"wrapped":[null,{"y":2}]}""")]
    [InlineData("""{"grid":[[1.5,null],null,[]]}""")]
    [InlineData("""{"strict":[1,2],"extra":null,"other":true}""")]
    public void Null_items_and_values_read_and_are_written_back(string json)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("holes.yaml", Spec, "Contracts.Tests.Holes", "HolesClient").ReadAndWritten());
        using var output = LoadedOutput.Load(run);

        var holes = output.Deserialize(Context, "Holes", json);

        Assert.Equal(json, output.Serialize(Context, "Holes", holes));
    }

    private const string UnionSpec = """
        openapi: 3.0.3
        info: { title: Shapes, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /shapes:
            get:
              operationId: GetShape
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Shape' } } } }
        components:
          schemas:
            Named:
              type: object
              required: [name]
              properties:
                name: { type: array, items: { type: string, nullable: true } }
            Counted:
              type: object
              required: [count]
              properties:
                count: { type: integer }
            Shape:
              oneOf:
                - $ref: '#/components/schemas/Named'
                - $ref: '#/components/schemas/Counted'
        """;

    [Theory]
    [InlineData("""{"name":[null,"a"]}""", "Named")]
    [InlineData("""{"count":1}""", "Counted")]
    public void A_union_case_matches_a_list_whose_first_item_is_null(string json, string expectedCase)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("shapes.yaml", UnionSpec, "Contracts.Tests.Shapes", "ShapesClient").ReadAndWritten());
        using var output = LoadedOutput.Load(run);

        var shape = output.Deserialize("Contracts.Tests.Shapes.ShapesJsonContext", "Shape", json)!;

        Assert.Equal("Contracts.Tests.Shapes.Shape+" + expectedCase, shape.GetType().FullName);
        Assert.Equal(json, output.Serialize("Contracts.Tests.Shapes.ShapesJsonContext", "Shape", shape));
    }

    [Fact]
    public void A_null_item_of_a_list_that_does_not_allow_it_still_fails_to_read()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("holes.yaml", Spec, "Contracts.Tests.Holes", "HolesClient").ReadAndWritten());
        using var output = LoadedOutput.Load(run);

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => output.Deserialize(Context, "Holes", """{"strict":[1,null]}"""));
    }
}
