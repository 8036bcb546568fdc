using System;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>Optional request bodies, of reference and of value type (a free-form body is a JsonElement), compile and are left out when null.</summary>
public sealed class OptionalBodyTests
{
    private const string Spec = """
        openapi: 3.0.0
        info: { title: Bodies, version: '1' }
        servers: [ { url: 'https://bodies.example.com' } ]
        paths:
          /free:
            post:
              operationId: postFree
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
              responses: { '204': { description: none } }
          /thing:
            post:
              operationId: postThing
              requestBody:
                content:
                  application/json:
                    schema: { type: object, properties: { name: { type: string } } }
              responses: { '204': { description: none } }
        """;

    [Fact]
    public void Optional_bodies_of_value_and_reference_type_compile_and_are_guarded()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("bodies.yaml", Spec, "Bodies.Api", "BodiesClient"));

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesCleanly();
        var client = run.Source(".Client.g.cs");
        Assert.Contains("global::System.Text.Json.JsonElement? request = null", client, StringComparison.Ordinal);
        Assert.Contains("if (request is { } __bodyValue) __request.Content", client, StringComparison.Ordinal);
    }
}
