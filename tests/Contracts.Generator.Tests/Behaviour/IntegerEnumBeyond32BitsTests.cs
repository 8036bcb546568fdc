using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>
/// Found by the property tests: Microsoft.OpenApi reads an integer enum value beyond 32 bits as a string unless the
/// schema says <c>format: int64</c>, and the generator then made the schema a plain <c>long</c> (no enum, no warning).
/// </summary>
public sealed class IntegerEnumBeyond32BitsTests
{
    private const string Spec = """
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

    [Fact]
    public void An_integer_enum_without_format_whose_values_exceed_32_bits_is_an_enum_that_round_trips()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("wide.yaml", Spec, "Contracts.Tests.Wide", "WideClient"));
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
