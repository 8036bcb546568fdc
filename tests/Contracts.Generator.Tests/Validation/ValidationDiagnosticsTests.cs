using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.Runtime.Validation;
using Xunit;

namespace Contracts.Generator.Tests.Validation;

/// <summary>
/// A pattern .NET cannot read (CTR124) and a keyword no value can be checked against (CTR125) are warnings at the
/// keyword's line; that check is left out and the others still run. Never a crash.
/// </summary>
public sealed class ValidationDiagnosticsTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Odd, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths: {}
        components:
          schemas:
            Code:
              type: string
              pattern: '[^]'
            Thing:
              type: object
              properties:
                code: { $ref: '#/components/schemas/Code' }
                other: { $ref: '#/components/schemas/Code' }
                open:
                  type: string
                  pattern: '(unclosed'
                  maxLength: 3
                step:
                  type: number
                  multipleOf: 0
                  maximum: 10
        """;

    [Fact]
    public void Unusable_constraints_are_warnings_at_their_keyword_and_the_rest_is_checked()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("odd.yaml", Spec, "Contracts.Tests.Odd", "OddClient").ReadAndWritten());

        // The component's pattern is reported once, however many members use it.
        Assert.Equal(
            new[] { "CTR124@9", "CTR124@17", "CTR125@21" },
            run.GeneratorDiagnostics.Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(s => s.Length).ThenBy(s => s, System.StringComparer.Ordinal));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.Severity));
        run.AssertCompilesCleanly();

        using var output = LoadedOutput.Load(run);
        var thing = output.Deserialize("Contracts.Tests.Odd.OddJsonContext", "Thing", """{"code":"x","open":"abcd","step":11}""")!;
        var errors = (System.Collections.Generic.IReadOnlyList<ValidationError>)thing.GetType().GetMethod("Validate")!.Invoke(thing, null)!;

        Assert.Equal(new[] { "open: must be at most 3 characters long", "step: must be at most 10" }, errors.Select(e => e.ToString()));
    }
}
