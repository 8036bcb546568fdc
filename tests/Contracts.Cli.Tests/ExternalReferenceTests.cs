using System;
using System.IO;
using System.Linq;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>The tool reads the files a spec's relative <c>$ref</c>s reach from disk, next to the spec; URLs are never fetched.</summary>
public sealed class ExternalReferenceTests
{
    // Line 13: a URL, reported and read as free-form JSON.
    private const string Api = """
        openapi: 3.0.3
        info: { title: Split, version: '1' }
        servers: [{ url: 'https://split.example.com' }]
        paths: {}
        components:
          schemas:
            Owner:
              type: object
              properties:
                pet: { $ref: 'models/pet.yaml#/Pet' }
                shared:
                  # Only a URL away: never fetched.
                  $ref: 'https://example.com/shared.yaml#/Shared'
        """;

    private const string Pet = """
        Pet:
          type: object
          properties:
            name: { type: string }
            error: { $ref: '../common/error.json#/Error' }
        """;

    private const string Error = """{ "Error": { "type": "object", "properties": { "message": { "type": "string" } } } }""";

    [Fact]
    public void Check_reads_referenced_files_from_disk_and_reports_a_url()
    {
        using var temp = new TempFolder();
        var api = temp.Write("api.yaml", Api);
        temp.Write("models/pet.yaml", Pet);
        temp.Write("common/error.json", Error);

        var run = CliResult.Run("check", "--compile", api);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            $"{api}(13,17): warning CTR009: The reference 'https://example.com/shared.yaml#/Shared' is not resolved: it is a URL, and the generator never downloads anything; it is read as free-form JSON (JsonElement)",
            run.StdoutLines[0]);
        Assert.Matches(@"^warnings  .*api\.yaml  \(\d+ files\); 1 generator warning \(CTR009 x1\)$", run.StdoutLines[^2]);
    }

    [Fact]
    public void Generate_writes_the_types_of_referenced_files_and_nothing_for_the_files_themselves()
    {
        using var temp = new TempFolder();
        var api = temp.Write("api.yaml", Api);
        temp.Write("models/pet.yaml", Pet);
        temp.Write("common/error.json", Error);

        var run = CliResult.Run("generate", api, "-o", temp.Combine("out"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var files = Directory.GetFiles(temp.Combine("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("ApiClient.Models.P.g.cs", files);
        Assert.Contains("ApiClient.Models.E.g.cs", files);
        Assert.All(files, file => Assert.StartsWith("ApiClient.", file!, StringComparison.Ordinal));
        Assert.Contains("Error? Error { get; init; }", File.ReadAllText(temp.Combine("out/ApiClient.Models.P.g.cs")), StringComparison.Ordinal);
    }
}
