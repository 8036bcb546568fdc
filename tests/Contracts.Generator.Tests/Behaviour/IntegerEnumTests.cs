using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// Integer enums keep every declared value and read JSON numbers, also where the property tests found that they did not:
/// values beyond 32 bits without <c>format: int64</c> (Microsoft.OpenApi reads them as strings, and the schema became a
/// plain <c>long</c>, no enum, no warning), and an integer enum as a union case (taken for a string case, so a JSON number
/// matched no case and reading threw).
/// </summary>
public sealed class IntegerEnumTests
{
    private const string LevelsContext = "Contracts.Tests.Levels.LevelsJsonContext";

    // Priority, an integer enum, is one case of the union Setting.
    private const string LevelsSpec = """
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

    // Wide declares values beyond 32 bits and no format.
    private const string WideSpec = """
        openapi: 3.0.3
        info: { title: Wide, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /limits:
            get:
              operationId: GetLimits
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Limits' } } } }
        components:
          schemas:
            Wide:
              type: integer
              enum: [2147483648, -9223372036854775808, 9223372036854775807, 1]
            Limits:
              type: object
              required: [wide]
              properties:
                wide: { $ref: '#/components/schemas/Wide' }
        """;

    [Theory]
    [InlineData("2", "Priority")]
    [InlineData("7", "Priority")]
    [InlineData("\"2024-01-01T00:00:00+01:00\"", "DateTime")]
    [InlineData("""{"label":"x"}""", "Custom")]
    public void A_number_reads_as_the_integer_enum_case_and_is_written_back(string json, string expectedCase)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("levels.yaml", LevelsSpec, "Contracts.Tests.Levels", "LevelsClient").ReadAndWritten());
        run.AssertNoGeneratorDiagnostics();
        using var output = LoadedOutput.Load(run);

        var setting = output.Deserialize(LevelsContext, "Setting", json)!;

        Assert.Equal("Contracts.Tests.Levels.Setting+" + expectedCase, setting.GetType().FullName);
        Assert.Equal(json, output.Serialize(LevelsContext, "Setting", setting));
    }

    [Fact]
    public void An_integer_enum_without_format_whose_values_exceed_32_bits_is_an_enum_that_round_trips()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("wide.yaml", WideSpec, "Contracts.Tests.Wide", "WideClient").ReadAndWritten());
        using var output = LoadedOutput.Load(run);
        var wide = output.Type("Contracts.Tests.Wide.Wide");

        Assert.True(wide.IsValueType);
        var known = ((System.Collections.IEnumerable)wide.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>();
        Assert.Equal(
            [2147483648L, long.MinValue, long.MaxValue, 1L],
            known.Select(v => (long)v.GetType().GetProperty("Value")!.GetValue(v)!));
        foreach (var json in new[] { """{"wide":2147483648}""", """{"wide":-9223372036854775808}""", """{"wide":9223372036854775807}""" })
        {
            Assert.Equal(json, output.Serialize("Contracts.Tests.Wide.WideJsonContext", "Limits", output.Deserialize("Contracts.Tests.Wide.WideJsonContext", "Limits", json)));
        }
    }
}
