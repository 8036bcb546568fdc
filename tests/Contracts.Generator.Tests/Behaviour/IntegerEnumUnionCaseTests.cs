using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>
/// Found by the property tests: a union case that is an integer enum was taken for a string case, so a JSON number
/// matched no case and reading threw.
/// </summary>
public sealed class IntegerEnumUnionCaseTests
{
    private const string Context = "Contracts.Tests.Levels.LevelsJsonContext";

    private const string Spec = """
        openapi: 3.0.3
        info: { title: Levels, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /levels:
            get:
              operationId: GetLevel
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Setting' } } } }
        components:
          schemas:
            Priority:
              type: integer
              enum: [1, 2, 3]
            Custom:
              type: object
              required: [label]
              properties:
                label: { type: string }
            Setting:
              oneOf:
                - $ref: '#/components/schemas/Priority'
                - { type: string, format: date-time }
                - $ref: '#/components/schemas/Custom'
        """;

    [Theory]
    [InlineData("2", "Priority")]
    [InlineData("7", "Priority")]
    [InlineData("\"2024-01-01T00:00:00+01:00\"", "DateTime")]
    [InlineData("""{"label":"x"}""", "Custom")]
    public void A_number_reads_as_the_integer_enum_case_and_is_written_back(string json, string expectedCase)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("levels.yaml", Spec, "Contracts.Tests.Levels", "LevelsClient"));
        run.AssertNoGeneratorDiagnostics();
        using var output = LoadedOutput.Load(run);

        var setting = output.Deserialize(Context, "Setting", json)!;

        Assert.Equal("Contracts.Tests.Levels.Setting+" + expectedCase, setting.GetType().FullName);
        Assert.Equal(json, output.Serialize(Context, "Setting", setting));
    }
}
