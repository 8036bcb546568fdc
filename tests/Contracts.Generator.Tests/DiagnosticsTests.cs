using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>Broken specs: the generator reports CTR diagnostics located in the spec file and never throws.</summary>
public sealed class DiagnosticsTests
{
    // Line 5: a plain scalar followed by ": " is not allowed inside a block mapping value.
    public const string YamlSyntaxError = """
        openapi: 3.0.3
        info:
          title: Broken
          version: '1'
          description: a: b
        paths: {}
        """;

    // Line 12: the only $ref, which points at a schema that does not exist.
    public const string DanglingRef = """
        openapi: 3.0.3
        info:
          title: Dangling
          version: '1'
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              properties:
                owner:
                  $ref: '#/components/schemas/Nope'
        """;

    [Fact]
    public void A_yaml_syntax_error_is_reported_once_as_CTR001_at_its_line()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("broken.yaml", YamlSyntaxError, "Broken.Api", "BrokenClient"));

        run.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        AssertLocatedAt(diagnostic, "/specs/broken.yaml", line: 5);
    }

    [Fact]
    public void A_dangling_ref_is_reported_as_CTR004_at_the_line_of_the_ref()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("dangling.yaml", DanglingRef, "Dangling.Api", "DanglingClient"));

        run.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR004");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("Nope", diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertLocatedAt(diagnostic, "/specs/dangling.yaml", line: 12);
    }

    public static TheoryData<string, string, bool> Degenerate => new()
    {
        // File name, content, whether an error must be reported. Each has ContractsNamespace metadata, so each is a spec.
        { "empty.yaml", string.Empty, false },
        { "future.yaml", "openapi: 9.9.9\n", false },
        { "package.json", """{ "name": "my-app", "version": "1.0.0", "scripts": { "build": "tsc" }, "dependencies": { "left-pad": "^1.3.0" } }""", true },
        { "paths42.yaml", "openapi: 3.0.3\ninfo:\n  title: Odd\n  version: '1'\npaths: 42\n", false },
        { "list.yaml", "- openapi\n- 3.0.3\n", false },
        { "scalar.json", "42", false },
    };

    [Theory]
    [MemberData(nameof(Degenerate))]
    public void The_generator_never_throws_on_degenerate_input(string fileName, string content, bool expectError)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline(fileName, content, "Odd.Api", "OddClient"));

        run.AssertGeneratorDidNotThrow();
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        if (expectError)
        {
            Assert.Contains(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CTR", StringComparison.Ordinal));
        }

        Assert.All(run.GeneratorDiagnostics, d => Assert.StartsWith("CTR", d.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Diagnostics_are_reported_in_a_stable_order_and_only_once()
    {
        var run = GeneratorHarness.Run(
            SpecFile.Inline("broken.yaml", YamlSyntaxError, "Broken.Api", "BrokenClient"),
            SpecFile.Inline("dangling.yaml", DanglingRef, "Dangling.Api", "DanglingClient"));

        var ids = run.GeneratorDiagnostics.Select(d => d.Id + "@" + d.Location.GetLineSpan().Path).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Contains("CTR001@/specs/broken.yaml", ids);
        Assert.Contains("CTR004@/specs/dangling.yaml", ids);
    }

    private static void AssertLocatedAt(Diagnostic diagnostic, string path, int line)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.True(
            span.StartLinePosition.Line + 1 == line,
            $"{diagnostic.Id} should be on line {line} but is on line {span.StartLinePosition.Line + 1}: {diagnostic.GetMessage()}");
    }
}
