using Contracts.TestSupport.Generation;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>The smallest description that gives a client, a record and a JSON context: for tests about something else.</summary>
internal static class MinimalSpecs
{
    /// <summary>One operation (<c>ListPets</c>) answering one object schema (<c>Pet</c>, an optional <c>name</c>).</summary>
    public const string Pets = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        servers: [ { url: 'https://pets.example.com' } ]
        paths:
          /pets:
            get:
              operationId: ListPets
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
        components:
          schemas:
            Pet:
              type: object
              properties:
                name: { type: string }
        """;

    /// <summary><see cref="Pets"/> as <c>pets.yaml</c>, namespace <c>Contracts.Tests.Pets</c>, client <c>PetsClient</c>.</summary>
    public static SpecFile PetsFile() => SpecFile.Inline("pets.yaml", Pets, "Contracts.Tests.Pets", "PetsClient");
}
