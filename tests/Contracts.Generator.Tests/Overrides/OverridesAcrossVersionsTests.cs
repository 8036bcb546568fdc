using System;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Overrides;

/// <summary>
/// The renames read the same from OpenAPI 3.1 (rewritten to 3.0 before reading) and Swagger 2.0 (schemas under
/// <c>definitions</c>) as from 3.0, including the name written beside a <c>$ref</c>, whose siblings the reader drops.
/// </summary>
public sealed class OverridesAcrossVersionsTests
{
    private const string Components = """
          schemas:
            pet_v2:
              type: object
              x-contracts-name: Pet
              properties:
                owner_ref:
                  $ref: '#/components/schemas/owner'
                  x-contracts-name: Owner
                nm:
                  type: string
                  x-contracts-name: Name
            owner:
              type: object
              properties:
                id: {type: string}
        """;

    [Theory]
    [InlineData("3.0.3")]
    [InlineData("3.1.0")]
    public void Renames_apply_in_openapi_3(string version)
    {
        var spec = "openapi: " + version + "\ninfo: {title: Pets, version: '1'}\nservers: [{url: 'https://pets.example.com'}]\npaths: {}\ncomponents:\n" + Components;

        AssertRenamed(GeneratorHarness.Run(SpecFile.Inline("pets.yaml", spec).ReadAndWritten()));
    }

    [Fact]
    public void Renames_apply_in_swagger_2()
    {
        var spec = "swagger: '2.0'\ninfo: {title: Pets, version: '1'}\nhost: pets.example.com\npaths: {}\n"
            + Components.Replace("  schemas:\n", "definitions:\n", StringComparison.Ordinal).Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal)
                .Replace("\n  ", "\n", StringComparison.Ordinal);

        AssertRenamed(GeneratorHarness.Run(SpecFile.Inline("pets.yaml", spec).ReadAndWritten()));
    }

    private static void AssertRenamed(GeneratorRun run)
    {
        run.AssertNoGeneratorDiagnostics();
        var pet = run.Source(".Models.P.");
        Assert.Contains("public sealed partial record Pet", pet, StringComparison.Ordinal);
        Assert.Contains("Owner? Owner { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("public string? Name { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("Encode(\"owner_ref\")", pet, StringComparison.Ordinal);
        run.AssertCompilesCleanly();
    }
}
