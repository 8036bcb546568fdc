using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>A request body that allows no member at all (Stripe declares one on every GET) adds no parameter.</summary>
public sealed class EmptyBodyTests
{
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
}
