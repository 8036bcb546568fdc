using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>Broken specs: the generator reports CTR diagnostics located in the spec file and never throws.</summary>
public sealed class BrokenDocumentTests
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
    public void A_dangling_ref_inside_a_schema_degrades_that_member_and_keeps_the_rest_of_the_document()
    {
        const string Spec = """
            openapi: 3.0.0
            info: { title: Partial, version: '1' }
            paths:
              /things:
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Thing' }
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    name: { type: string }
                    other: { $ref: '#/components/schemas/Nope' }
                    list:
                      type: array
                      items: { $ref: '#/components/schemas/Nope2' }
            """;
        var run = GeneratorHarness.Run(SpecFile.Inline("partial.yaml", Spec, "Partial.Api", "PartialClient"));

        run.AssertGeneratorDidNotThrow();
        Assert.Equal(["CTR004", "CTR004", "CTR103"], run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
        Assert.Contains("public global::System.Text.Json.JsonElement? Other { get; init; }", run.TypeSource("Thing"), System.StringComparison.Ordinal);
        Assert.Contains("GetThingAsync", run.Source(".Client.g.cs"), System.StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
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

    public static TheoryData<string, string, string, int> Degenerate => new()
    {
        // File name, content, the diagnostic expected, its 1-based line. Each file has ContractsNamespace metadata, so each is a spec.
        { "empty.yaml", string.Empty, "CTR001", 1 },
        { "future.yaml", "openapi: 9.9.9\n", "CTR003", 1 },
        { "package.json", """{ "name": "my-app", "version": "1.0.0", "scripts": { "build": "tsc" }, "dependencies": { "left-pad": "^1.3.0" } }""", "CTR002", 1 },
        { "paths42.yaml", "openapi: 3.0.3\ninfo:\n  title: Odd\n  version: '1'\npaths: 42\n", "CTR005", 5 },
        { "list.yaml", "- openapi\n- 3.0.3\n", "CTR002", 1 },
        { "scalar.json", "42", "CTR002", 1 },
    };

    [Theory]
    [MemberData(nameof(Degenerate))]
    public void The_generator_never_throws_on_degenerate_input(string fileName, string content, string expectedId, int line)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline(fileName, content, "Odd.Api", "OddClient"));

        run.AssertGeneratorDidNotThrow();
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.All(run.GeneratorDiagnostics, d => Assert.StartsWith("CTR", d.Id, StringComparison.Ordinal));
        var diagnostic = run.GeneratorDiagnostics.FirstOrDefault(d => d.Id == expectedId);
        Assert.True(diagnostic is not null, $"Expected {expectedId}, got:\n{GeneratorRun.Format(run.GeneratorDiagnostics)}");
        AssertLocatedAt(diagnostic!, "/specs/" + fileName, line);
    }

    [Fact]
    public void A_json_file_that_is_not_openapi_is_an_error_only_when_marked_as_a_contract()
    {
        const string PackageJson = """{ "name": "my-app", "version": "1.0.0" }""";

        var marked = GeneratorHarness.Run(SpecFile.Inline("package.json", PackageJson, "My.Api"));
        var unmarked = GeneratorHarness.Run(SpecFile.Inline("package.json", PackageJson));

        Assert.Contains(marked.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CTR", StringComparison.Ordinal));
        Assert.Empty(unmarked.GeneratorDiagnostics);
        Assert.Empty(unmarked.Sources);
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
