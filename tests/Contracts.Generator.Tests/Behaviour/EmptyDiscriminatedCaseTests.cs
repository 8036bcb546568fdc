using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>
/// Found by the property tests: a discriminated case that is an object without members (free-form, a JsonElement) got
/// no discriminator value, so <c>{"kind":"in progress"}</c> failed with "unknown value".
/// </summary>
public sealed class EmptyDiscriminatedCaseTests
{
    private const string Context = "Contracts.Tests.Jobs.JobsJsonContext";

    private const string Spec = """
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
    [InlineData("""{"kind":"in progress"}""", "Json")]
    [InlineData("""{"kind":"in progress","eta":5}""", "Json")]
    [InlineData("""{"kind":"done","result":"ok"}""", "Done")]
    public void A_memberless_case_is_chosen_by_its_discriminator_value_and_written_back(string json, string expectedCase)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("jobs.yaml", Spec, "Contracts.Tests.Jobs", "JobsClient"));
        using var output = LoadedOutput.Load(run);

        var job = output.Deserialize(Context, "Job", json)!;

        Assert.Equal("Contracts.Tests.Jobs.Job+" + expectedCase, job.GetType().FullName);
        Assert.Equal(json, output.Serialize(Context, "Job", job));
    }

    [Fact]
    public void An_unknown_discriminator_value_still_fails()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("jobs.yaml", Spec, "Contracts.Tests.Jobs", "JobsClient"));
        using var output = LoadedOutput.Load(run);

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => output.Deserialize(Context, "Job", """{"kind":"queued"}"""));
    }
}
