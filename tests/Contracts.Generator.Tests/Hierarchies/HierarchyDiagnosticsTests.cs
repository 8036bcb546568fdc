using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Hierarchies;

/// <summary>CTR121: a discriminator mapping entry that names no derived schema reads as the base, and says so where the entry is.</summary>
public sealed class HierarchyDiagnosticsTests
{
    private const string Ns = "Contracts.Tests.Robots";

    // Line 27 maps 'robot' to a schema that does not derive from Pet.
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Example, version: '1'}
        servers: [{url: 'https://api.example.com'}]
        paths:
          /pets/{id}:
            get:
              operationId: GetPet
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: A pet
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
        components:
          schemas:
            Pet:
              type: object
              required: [petType]
              properties:
                petType: {type: string}
              discriminator:
                propertyName: petType
                mapping:
                  cat: '#/components/schemas/Cat'
                  robot: '#/components/schemas/Robot'
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    lives: {type: integer}
            Robot:
              type: object
              properties:
                model: {type: string}
        """;

    [Fact]
    public void A_mapping_entry_that_names_no_derived_schema_is_reported_at_its_line()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("robots.yaml", Spec, Ns, "RobotsClient").ReadAndWritten());

        run.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CTR121", diagnostic.Id);
        Assert.Equal(27, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal(
            "The discriminator of 'Pet' maps 'robot' to 'Robot', which does not derive from it through allOf; that value reads as 'Pet'",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void That_value_reads_as_the_base_with_its_members_kept()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.Inline("robots.yaml", Spec, Ns, "RobotsClient").ReadAndWritten()));
        const string Json = """{"petType":"robot","model":"T-1000"}""";

        var pet = output.Deserialize(Ns + ".RobotsJsonContext", "Pet", Json)!;

        Assert.Equal(Ns + ".Pet", pet.GetType().FullName);
        Assert.Equal(Json, output.Serialize(Ns + ".RobotsJsonContext", "Pet", pet));
        Assert.Equal(Ns + ".Cat", output.Deserialize(Ns + ".RobotsJsonContext", "Pet", """{"petType":"cat","lives":9}""")!.GetType().FullName);
    }
}
