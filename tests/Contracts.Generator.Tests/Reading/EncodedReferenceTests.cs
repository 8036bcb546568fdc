using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>Local $ref pointers written in URI-fragment form, with percent-escapes (as some published Swagger files do).</summary>
public sealed class EncodedReferenceTests
{
    private const string Spec = """
        swagger: '2.0'
        info: { title: Bundles, version: '1' }
        host: bundles.example.com
        schemes: [https]
        produces: [application/json]
        paths:
          /bundles/{id}:
            get:
              operationId: getBundle
              parameters:
                - { name: id, in: path, required: true, type: string }
              responses:
                '200':
                  description: ok
                  schema:
                    $ref: "#/definitions/Ref%20(of%20Bundle)"
        definitions:
          Ref (of Bundle):
            type: object
            properties:
              href: { type: string }
        """;

    [Fact]
    public void A_percent_encoded_pointer_resolves_to_its_definition()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("bundles.yaml", Spec, "Bundles.Api", "BundlesClient"));

        run.AssertGeneratorDidNotThrow();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CTR004");
        Assert.Contains("Task<global::Bundles.Api.RefOfBundle> GetBundleAsync", run.Source(".Client.g.cs"), System.StringComparison.Ordinal);
        run.AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("$ref: \"#/definitions/A%20B\"", "$ref: \"#/definitions/A B\"")]
    [InlineData("\"$ref\": \"#/definitions/A%20B\"", "\"$ref\": \"#/definitions/A B\"")]
    [InlineData("$ref: '#/definitions/Say%22hi%22'", "$ref: '#/definitions/Say%22hi%22'")]
    [InlineData("$ref: \"https://example.com/x%20y.yaml\"", "$ref: \"https://example.com/x%20y.yaml\"")]
    [InlineData("a: {$ref: '#/d/A%20B'}, b: {$ref: \"#/d/C%2FD\"}, c: {$ref: '#/d/E%20F'}", "a: {$ref: '#/d/A B'}, b: {$ref: \"#/d/C/D\"}, c: {$ref: '#/d/E F'}")]
    [InlineData("$ref: \"#/d/A%20B", "$ref: \"#/d/A%20B")]
    [InlineData("$ref: \"#/d/A%2", "$ref: \"#/d/A%2")]
    [InlineData("$ref: \"#/d/A%20B'", "$ref: \"#/d/A%20B'")]
    [InlineData("x $ref", "x $ref")]
    public void Only_safe_escapes_of_local_pointers_are_decoded(string line, string expected)
    {
        Assert.Equal(expected, Contracts.Generator.Reading.SpecReader.DecodeReferencePointers(line));
    }
}
