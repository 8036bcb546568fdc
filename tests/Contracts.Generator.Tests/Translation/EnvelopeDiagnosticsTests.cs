using System.Globalization;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Translation;

/// <summary>
/// An <c>x-contracts-envelope</c> declaration the generator cannot use is CTR102 at its line in the spec; the envelope
/// is still generated with the defaults (a declaration that is not an object) or keeps errors as JSON (no error member).
/// </summary>
public sealed class EnvelopeDiagnosticsTests
{
    // {0}: the envelope's extension (line 18); {1}: its members. The response at line 11 is the only use of the envelope.
    private const string Template = """
        openapi: 3.0.3
        info: { title: Wrapped, version: '1' }
        servers: [ { url: 'https://wrapped.example.com' } ]
        paths:
          /things:
            get:
              operationId: GetThing
              responses:
                '200':
                  description: ok
                  content: { application/json: { schema: { $ref: '#/components/schemas/Envelope' } } }
        components:
          schemas:
            Envelope:
              type: object
              required: [success]
              properties: {1}
              x-contracts-envelope: {0}
            Failure:
              type: object
              properties:
                code: { type: string }
                message: { type: string }
        """;

    private const string AllMembers = "{ success: { type: boolean }, data: { type: string }, error: { $ref: '#/components/schemas/Failure' } }";

    [Theory]
    [InlineData("true")]
    [InlineData("[success, data, error]")]
    [InlineData("'success'")]
    public void A_declaration_that_is_not_an_object_is_CTR102_at_its_line_and_the_defaults_are_used(string declaration)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("wrapped.yaml", Spec(declaration, AllMembers), "Contracts.Tests.Wrapped", "WrappedClient"));

        run.AssertCompilesCleanly();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertCtr102(diagnostic, line: 18, "The x-contracts-envelope declaration is invalid: it must be an object of member names; the defaults are used");
        // The defaults (success, data, error) match the members, so the operation still returns the data member.
        var method = run.OutputCompilation.GetTypeByMetadataName("Contracts.Tests.Wrapped.WrappedClient")!.GetMembers("GetThingAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal(SpecialType.System_String, ((INamedTypeSymbol)method.ReturnType).TypeArguments.Single().SpecialType);
    }

    [Fact]
    public void An_envelope_without_its_error_member_is_CTR102_at_the_envelope_and_errors_stay_json()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline(
            "wrapped.yaml",
            Spec("{ success: ok, data: result, error: problem }", "{ ok: { type: boolean }, result: { type: string } }"),
            "Contracts.Tests.Wrapped",
            "WrappedClient"));

        run.AssertCompilesCleanly();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertCtr102(diagnostic, line: 14, "The x-contracts-envelope declaration is invalid: the envelope declares no 'problem' member, so errors are kept as JSON");
    }

    [Fact]
    public void A_valid_declaration_reports_nothing()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline(
            "wrapped.yaml",
            Spec("{ success: success, data: data, error: error, errorCode: code, errorMessage: message }", AllMembers),
            "Contracts.Tests.Wrapped",
            "WrappedClient"));

        run.AssertCompilesCleanly();
        Assert.Empty(run.GeneratorDiagnostics);
    }

    private static string Spec(string declaration, string members) =>
        Template.Replace("{0}", declaration, System.StringComparison.Ordinal).Replace("{1}", members, System.StringComparison.Ordinal);

    private static void AssertCtr102(Diagnostic diagnostic, int line, string message)
    {
        Assert.Equal("CTR102", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/wrapped.yaml", span.Path);
        Assert.True(span.StartLinePosition.Line + 1 == line, $"CTR102 should be on line {line} but is on line {span.StartLinePosition.Line + 1}");
    }
}
