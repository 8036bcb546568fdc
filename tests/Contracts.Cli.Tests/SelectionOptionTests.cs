using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>The operation filter options of <c>generate</c> and <c>check</c> are the item metadata a build passes (docs/selection.md).</summary>
public sealed class SelectionOptionTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        servers: [{ url: 'https://pets.example.com' }]
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/Pet' } }
            post:
              operationId: createPet
              tags: [pets]
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Pet' }
              responses:
                '204': { description: created }
          /pets/{petId}:
            delete:
              operationId: deletePet
              tags: [pets]
              parameters:
                - { name: petId, in: path, required: true, schema: { type: string } }
              responses:
                '204': { description: gone }
          /stores:
            get:
              operationId: listStores
              tags: [stores]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/Store' } }
        components:
          schemas:
            Pet:
              type: object
              properties:
                name: { type: string }
            Store:
              type: object
              properties:
                city: { type: string }
        """;

    public static TheoryData<string[], Dictionary<string, string>> Cases => new()
    {
        {
            ["--include-tag", "pets", "--exclude-method", "delete,POST"],
            new() { ["ContractsIncludeTags"] = "pets", ["ContractsExcludeMethods"] = "delete;POST" }
        },
        {
            ["--include-operation", "listPets", "--include-operation", "ListStoresAsync"],
            new() { ["ContractsIncludeOperations"] = "listPets,ListStoresAsync" }
        },
        {
            ["--include-path", "/pets/**", "--exclude-path=/pets/*", "--include-method", "get", "--exclude-tag", "stores", "--exclude-operation", "createPet"],
            new()
            {
                ["ContractsIncludePaths"] = "/pets/**", ["ContractsExcludePaths"] = "/pets/*", ["ContractsIncludeMethods"] = "GET",
                ["ContractsExcludeTags"] = "stores", ["ContractsExcludeOperations"] = "createPet",
            }
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generate_with_filters_writes_what_the_analyzer_writes_with_the_same_metadata(string[] options, Dictionary<string, string> itemMetadata)
    {
        using var temp = new TempFolder();
        var spec = temp.Write("pets.yaml", Spec);
        var output = temp.Combine("out");

        var run = CliResult.Run(["generate", spec, "-o", output, .. options]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = AnalyzerRun.Generate(spec, "Contracts.Generated", itemMetadata);
        var written = Directory.GetFiles(output).ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        foreach (var (hintName, text) in expected)
        {
            Assert.True(text == written[hintName], $"{hintName} differs from the analyzer's output.");
        }

        // The filters took effect: the whole document generates all four methods.
        var client = written.Single(pair => pair.Key.EndsWith(".Client.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("ListPetsAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("DeletePetAsync(", client, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_leaves_out_the_types_only_dropped_operations_reach()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("pets.yaml", Spec);

        var run = CliResult.Run("generate", spec, "-o", temp.Combine("out"), "--include-tag", "stores");

        Assert.True(run.ExitCode == 0, run.ToString());
        var models = string.Concat(Directory.GetFiles(temp.Combine("out"), "*.Models.*.g.cs").Select(File.ReadAllText));
        Assert.Contains("record Store", models, StringComparison.Ordinal);
        Assert.DoesNotContain("record Pet", models, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_an_entry_that_matches_nothing_and_one_it_cannot_read_at_the_start_of_the_spec()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("pets.yaml", Spec);

        var run = CliResult.Run("check", spec, "--include-tag", "pets,nosuch", "--exclude-method", "FETCH");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{spec}(1,1): warning CTR133: ExcludeMethods entry 'FETCH' cannot be read: 'FETCH' is not an HTTP method; expected one of GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE; it matches no operation", run.StdoutLines);
        Assert.Contains($"{spec}(1,1): warning CTR132: IncludeTags entry 'nosuch' matches no operation of this document", run.StdoutLines);
    }

    [Fact]
    public void A_filter_option_without_a_value_is_a_usage_error()
    {
        var run = CliResult.Run("check", Specs.SeedPath, "--include-tag");

        Assert.Equal(2, run.ExitCode);
    }
}
