using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// A discriminated union reads the case its discriminator names and writes the discriminator back, whatever the case holds.
/// Both shapes below were found by the property tests: a case that keeps typed additional properties and does not declare
/// the discriminator took the discriminator for an additional value (<c>{"kind":"Dog","bark":true}</c> failed with
/// "Expected a 64-bit integer for member 'kind'"); a case that is an object without members (free-form, a JsonElement)
/// got no discriminator value (<c>{"kind":"in progress"}</c> failed with "unknown value").
/// </summary>
public sealed class DiscriminatedCaseTests
{
    private const string KennelContext = "Contracts.Tests.Kennel.KennelJsonContext";

    private const string JobsContext = "Contracts.Tests.Jobs.JobsJsonContext";

    // Cat keeps any additional value, Dog only integers; neither declares the discriminator.
    private const string KennelSpec = """
        openapi: 3.0.3
        info: { title: Kennel, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /pets:
            get:
              operationId: GetPet
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
        components:
          schemas:
            Cat:
              type: object
              required: [meow]
              properties:
                meow: { type: string }
              additionalProperties: true
            Dog:
              type: object
              required: [bark]
              properties:
                bark: { type: boolean }
              additionalProperties: { type: integer }
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
              discriminator: { propertyName: kind }
        """;

    // Empty is an object without members: its case holds the JSON as it came.
    private const string JobsSpec = """
        openapi: 3.0.3
        info: { title: Jobs, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /jobs:
            get:
              operationId: GetJob
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Job' } } } }
        components:
          schemas:
            Empty:
              type: object
              properties: {}
            Done:
              type: object
              required: [result]
              properties:
                result: { type: string }
            Job:
              oneOf:
                - $ref: '#/components/schemas/Empty'
                - $ref: '#/components/schemas/Done'
              discriminator:
                propertyName: kind
                mapping:
                  in progress: '#/components/schemas/Empty'
                  done: '#/components/schemas/Done'
        """;

    [Theory]
    [InlineData("""{"kind":"Dog","bark":true}""", "Dog")]
    [InlineData("""{"kind":"Dog","bark":false,"age":3}""", "Dog")]
    [InlineData("""{"kind":"Cat","meow":"m","lives":9}""", "Cat")]
    public void The_discriminator_is_not_read_as_an_additional_value(string json, string expectedCase)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("kennel.yaml", KennelSpec, "Contracts.Tests.Kennel", "KennelClient").ReadAndWritten());
        using var output = LoadedOutput.Load(run);

        var pet = output.Deserialize(KennelContext, "Pet", json)!;

        Assert.Equal("Contracts.Tests.Kennel.Pet+" + expectedCase, pet.GetType().FullName);
        Assert.Equal(json, output.Serialize(KennelContext, "Pet", pet));
    }

    [Fact]
    public void Other_additional_values_keep_their_type()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("kennel.yaml", KennelSpec, "Contracts.Tests.Kennel", "KennelClient").ReadAndWritten());
        using var output = LoadedOutput.Load(run);

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => output.Deserialize(KennelContext, "Pet", """{"kind":"Dog","bark":true,"age":"old"}"""));
    }

    [Theory]
    [InlineData("""{"kind":"in progress"}""", "Json")]
    [InlineData("""{"kind":"in progress","eta":5}""", "Json")]
    [InlineData("""{"kind":"done","result":"ok"}""", "Done")]
    public void A_memberless_case_is_chosen_by_its_discriminator_value_and_written_back(string json, string expectedCase)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("jobs.yaml", JobsSpec, "Contracts.Tests.Jobs", "JobsClient").ReadAndWritten());
        using var output = LoadedOutput.Load(run);

        var job = output.Deserialize(JobsContext, "Job", json)!;

        Assert.Equal("Contracts.Tests.Jobs.Job+" + expectedCase, job.GetType().FullName);
        Assert.Equal(json, output.Serialize(JobsContext, "Job", job));
    }

    [Fact]
    public void An_unknown_discriminator_value_still_fails()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("jobs.yaml", JobsSpec, "Contracts.Tests.Jobs", "JobsClient").ReadAndWritten());
        using var output = LoadedOutput.Load(run);

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => output.Deserialize(JobsContext, "Job", """{"kind":"queued"}"""));
    }
}
