using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>Names far beyond what C# (512 characters) or a file system (255 per file name) accepts are shortened, stably.</summary>
public sealed class LongNameTests
{
    [Fact]
    public void Thousand_character_names_are_shortened_to_distinct_identifiers_that_compile()
    {
        var longA = new string('a', 1000);
        var longB = new string('a', 999) + "b";
        var spec = Spec(longA, longB);

        var run = GeneratorHarness.Run(SpecFile.Inline("long.json", spec, "Contracts.Tests.Long", "LongClient"));

        run.AssertCompilesCleanly();
        Assert.All(run.Sources.Keys, hintName => Assert.True(hintName.Length < 255, hintName));
        var names = run.OutputCompilation.GetSymbolsWithName(_ => true).Select(s => s.Name).ToList();
        // 128 plus the prefixes and suffixes generated members add (Create_, _field, Async…): far below 512.
        Assert.All(names, name => Assert.True(name.Length <= 160, name));
        Assert.Equal(run.Sources.Keys.OrderBy(k => k), GeneratorHarness.Run(SpecFile.Inline("long.json", spec, "Contracts.Tests.Long", "LongClient")).Sources.Keys.OrderBy(k => k));
    }

    private static string Spec(string longA, string longB) =>
        $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "Long", "version": "1" },
              "servers": [ { "url": "https://long.example.com" } ],
              "paths": {
                "/things": {
                  "get": {
                    "operationId": "{{longA}}",
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/{{longA}}" } } } } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "{{longA}}": {
                    "type": "object",
                    "properties": {
                      "{{longA}}": { "type": "string" },
                      "{{longB}}": { "type": "string" },
                      "nested": { "type": "object", "properties": { "{{longB}}": { "type": "object", "properties": { "x": { "type": "string" } } } } }
                    }
                  },
                  "{{longB}}": { "type": "object", "properties": { "id": { "type": "string" } } }
                }
              }
            }
            """;
}
