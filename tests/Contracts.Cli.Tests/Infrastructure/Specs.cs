using System;
using System.IO;

namespace Contracts.Cli.Tests.Infrastructure;

/// <summary>The specs the tests feed the tool, and where their problems are.</summary>
internal static class Specs
{
    /// <summary>The seed contract, copied to the test output folder.</summary>
    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "Specs", "Seed", "lightsail-bucket-access-keys.yaml");

    public static string Seed => File.ReadAllText(SeedPath);

    /// <summary>A small valid spec with one operation and an absolute server (so no CTR103).</summary>
    public const string Pets = """
        openapi: 3.0.3
        info:
          title: Pets
          version: '1'
        servers:
          - url: https://pets.example.com
        paths:
          /pets/{id}:
            get:
              operationId: GetPet
              parameters:
                - name: id
                  in: path
                  required: true
                  schema: { type: string }
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: { type: string }
                age: { type: integer, format: int32 }
        """;

    /// <summary>Invalid YAML: a plain scalar followed by ": " inside a mapping value (<see cref="YamlErrorFragment"/>).</summary>
    public const string YamlError = """
        openapi: 3.0.3
        info:
          title: Broken
          version: '1'
          description: a: b
        paths: {}
        """;

    /// <summary>The parser stops at the second ':' of this fragment.</summary>
    public const string YamlErrorFragment = ": b";

    /// <summary>A single $ref that points at nothing; the diagnostic points at its value (<see cref="DanglingRefFragment"/>).</summary>
    public const string DanglingRef = """
        openapi: 3.0.3
        info:
          title: Dangling
          version: '1'
        servers:
          - url: https://dangling.example.com
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              properties:
                owner:
                  $ref: '#/components/schemas/Nope'
        """;

    public const string DanglingRefFragment = "'#/components/schemas/Nope'";

    /// <summary>The 1-based line and column where <paramref name="fragment"/> first occurs in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Position(string text, string fragment)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(fragment, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1, column + 1);
            }
        }

        throw new ArgumentException($"'{fragment}' is not in the text.", nameof(fragment));
    }
}
