using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>
/// Found by the property tests: a discriminated case that keeps typed additional properties and does not declare the
/// discriminator took the discriminator for an additional value, so <c>{"kind":"Dog","bark":true}</c> failed with
/// "Expected a 64-bit integer for member 'kind'". The case's reader now skips it; the union writes it back.
/// </summary>
public sealed class DiscriminatedCaseExtrasTests
{
    private const string Context = "Contracts.Tests.Kennel.KennelJsonContext";

    private const string Spec = """
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

    [Theory]
    [InlineData("""{"kind":"Dog","bark":true}""", "Dog")]
    [InlineData("""{"kind":"Dog","bark":false,"age":3}""", "Dog")]
    [InlineData("""{"kind":"Cat","meow":"m","lives":9}""", "Cat")]
    public void The_discriminator_is_not_read_as_an_additional_value(string json, string expectedCase)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("kennel.yaml", Spec, "Contracts.Tests.Kennel", "KennelClient"));
        using var output = LoadedOutput.Load(run);

        var pet = output.Deserialize(Context, "Pet", json)!;

        Assert.Equal("Contracts.Tests.Kennel.Pet+" + expectedCase, pet.GetType().FullName);
        Assert.Equal(json, output.Serialize(Context, "Pet", pet));
    }

    [Fact]
    public void Other_additional_values_keep_their_type()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("kennel.yaml", Spec, "Contracts.Tests.Kennel", "KennelClient"));
        using var output = LoadedOutput.Load(run);

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => output.Deserialize(Context, "Pet", """{"kind":"Dog","bark":true,"age":"old"}"""));
    }
}
