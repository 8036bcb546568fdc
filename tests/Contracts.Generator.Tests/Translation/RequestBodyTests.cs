using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Translation;

/// <summary>
/// When a request body becomes a parameter: a body that allows no member at all (Stripe declares one on every GET) adds
/// none; an optional body, of reference or of value type (a free-form body is a JsonElement), is a nullable parameter
/// that is left out when null.
/// </summary>
public sealed class RequestBodyTests
{
    private const string OptionalBodiesSpec = """
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

    [Theory]
    [InlineData("{type: object, properties: {}, additionalProperties: false}", new[] { "expand", "cancellationToken", "requestOptions" })]
    [InlineData("{type: object, properties: {}}", new[] { "request", "expand", "cancellationToken", "requestOptions" })]
    [InlineData("{type: object, properties: {limit: {type: integer}}, additionalProperties: false}", new[] { "request", "expand", "cancellationToken", "requestOptions" })]
    public void Only_a_body_that_can_carry_something_becomes_a_parameter(string schema, string[] expected)
    {
        var spec = $$"""
            openapi: 3.0.3
            info: { title: Empty, version: '1' }
            servers: [ { url: 'https://api.example.com' } ]
            paths:
              /v1/balance:
                get:
                  operationId: GetBalance
                  parameters:
                    - { name: expand, in: query, style: deepObject, explode: true, schema: { type: array, items: { type: string } } }
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: {{schema}}
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("empty.yaml", spec, "Contracts.Tests.Empty", "EmptyClient"));

        run.AssertCompilesCleanly();
        var method = run.OutputCompilation.GetTypeByMetadataName("Contracts.Tests.Empty.EmptyClient")!.GetMembers("GetBalanceAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal(expected, method.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Optional_bodies_of_value_and_reference_type_compile_and_are_guarded()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("bodies.yaml", OptionalBodiesSpec, "Bodies.Api", "BodiesClient"));

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesCleanly();
        var client = run.Source(".Client.g.cs");
        Assert.Contains("global::System.Text.Json.JsonElement? request = null", client, StringComparison.Ordinal);
        Assert.Contains("if (request is { } __bodyValue) __request.Content", client, StringComparison.Ordinal);
    }
}
