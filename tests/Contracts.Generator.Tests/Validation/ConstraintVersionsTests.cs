using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.Runtime.Validation;
using Xunit;

namespace Contracts.Generator.Tests.Validation;

/// <summary>
/// The keywords as each version spells them: OpenAPI 3.1's numeric <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>
/// (read as they are; of a bound and an exclusive one, the stricter), and Swagger 2.0's keywords written on a parameter itself.
/// </summary>
public sealed class ConstraintVersionsTests
{
    private const string OpenApi31 = """
        openapi: 3.1.0
        info: { title: Ranges, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths: {}
        components:
          schemas:
            Range:
              type: object
              properties:
                above: { type: integer, exclusiveMinimum: 0 }
                below: { type: number, exclusiveMaximum: 1.5 }
                both: { type: integer, minimum: 2, exclusiveMinimum: 1 }
        """;

    [Theory]
    [InlineData("""{"above":1,"below":1.4,"both":2}""", new string[0])]
    [InlineData("""{"above":0}""", new[] { "above: must be greater than 0" })]
    [InlineData("""{"below":1.5}""", new[] { "below: must be less than 1.5" })]
    [InlineData("""{"both":1}""", new[] { "both: must be at least 2" })]
    public void OpenApi31_numeric_exclusive_bounds_are_checked(string json, string[] expected)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("ranges.yaml", OpenApi31, "Contracts.Tests.Ranges", "RangesClient").ReadAndWritten());
        run.AssertNoGeneratorDiagnostics();
        using var output = LoadedOutput.Load(run);

        var range = output.Deserialize("Contracts.Tests.Ranges.RangesJsonContext", "Range", json)!;
        var errors = (IReadOnlyList<ValidationError>)range.GetType().GetMethod("Validate")!.Invoke(range, null)!;

        Assert.Equal(expected, errors.Select(e => e.ToString()));
    }

    private const string Swagger2 = """
        {
          "swagger": "2.0",
          "info": { "title": "Legacy", "version": "1" },
          "host": "api.example.com",
          "paths": {
            "/items": {
              "get": {
                "operationId": "ListItems",
                "parameters": [
                  { "name": "limit", "in": "query", "type": "integer", "format": "int32", "minimum": 1, "maximum": 50 },
                  { "name": "prefix", "in": "query", "type": "string", "pattern": "^[a-z]+$" }
                ],
                "responses": { "204": { "description": "none" } }
              }
            }
          }
        }
        """;

    [Fact]
    public void Swagger2_keywords_on_a_parameter_are_checked_before_sending()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("legacy.json", Swagger2, "Contracts.Tests.Legacy", "LegacyClient").ReadAndWritten());
        run.AssertCompilesCleanly();

        var client = run.Sources.Single(s => s.Key.EndsWith("Client.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("__violations.Minimum(\"limit\", limit, 1m, false);", client);
        Assert.Contains("__violations.Maximum(\"limit\", limit, 50m, false);", client);
        Assert.Contains("__violations.Pattern(\"prefix\", prefix, \"^[a-z]+$\");", client);
    }
}
