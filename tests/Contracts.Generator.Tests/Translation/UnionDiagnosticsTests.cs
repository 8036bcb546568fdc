using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Translation;

/// <summary>Unions whose cases cannot be told apart: CTR113 at the union's line, and the first case wins at run time.</summary>
public sealed class UnionDiagnosticsTests
{
    // Line 7: Stamp (a string or a date-time: both strings). Line 11: Either (two objects of the same members, no discriminator).
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Ambiguous, version: '1' }
        servers: [ { url: 'https://ambiguous.example.com' } ]
        paths: {}
        components:
          schemas:
            Stamp:
              oneOf:
                - { type: string }
                - { type: string, format: date-time }
            Either:
              anyOf:
                - $ref: '#/components/schemas/Left'
                - $ref: '#/components/schemas/Right'
            Left:
              type: object
              required: [id]
              properties: { id: { type: string } }
            Right:
              type: object
              required: [id]
              properties: { id: { type: string } }
            Fine:
              description: Several string enums merge into one enum; no warning.
              oneOf:
                - { type: string, enum: [a, b] }
                - { type: string, enum: [c] }
        """;

    [Fact]
    public void Cases_that_accept_the_same_json_are_reported_as_CTR113_at_the_union()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("ambiguous.yaml", Spec, "Ambiguous.Api", "AmbiguousClient").ReadAndWritten());

        run.AssertGeneratorDidNotThrow();
        var reported = run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("CTR", StringComparison.Ordinal)).OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(["CTR113", "CTR113"], reported.Select(d => d.Id));
        Assert.All(reported, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal("The union 'Stamp' cannot tell case 'String' from case 'DateTime' by their JSON; a value that fits both is read as 'String'", reported[0].GetMessage());
        Assert.Equal("The union 'Either' cannot tell case 'Left' from case 'Right' by their JSON; a value that fits both is read as 'Left'", reported[1].GetMessage());
        Assert.Equal(7, reported[0].Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal(11, reported[1].Location.GetLineSpan().StartLinePosition.Line + 1);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void An_ambiguous_value_is_read_as_the_first_declared_case()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.Inline("ambiguous.yaml", Spec, "Ambiguous.Api", "AmbiguousClient").ReadAndWritten()));

        var stamp = output.Deserialize("Ambiguous.Api.AmbiguousJsonContext", "Stamp", "\"2024-01-02T03:04:05Z\"")!;
        var either = output.Deserialize("Ambiguous.Api.AmbiguousJsonContext", "Either", """{"id":"x"}""")!;

        Assert.Equal("Ambiguous.Api.Stamp+String", stamp.GetType().FullName);
        Assert.Equal("Ambiguous.Api.Either+Left", either.GetType().FullName);
        Assert.Equal("Ambiguous.Api.Fine", output.Type("Ambiguous.Api.Fine").FullName);
        Assert.True(output.Type("Ambiguous.Api.Fine").IsValueType, "Merged string enums are an open enum struct, not a union.");
    }
}
