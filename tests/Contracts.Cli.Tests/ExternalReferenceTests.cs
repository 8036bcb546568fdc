using System;
using System.IO;
using System.Linq;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>
/// The tool reads the files a spec's relative <c>$ref</c>s reach from disk, next to the spec; URLs are never fetched,
/// and nothing outside the spec's folder tree (or an <c>--allow-refs</c> folder) is read.
/// </summary>
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

    // Line 10, column 25: the $ref value; each test puts its own reference there.
    private const string Fenced = """
        openapi: 3.0.3
        info: { title: Fenced, version: '1' }
        servers: [{ url: 'https://fenced.example.com' }]
        paths: {}
        components:
          schemas:
            Owner:
              type: object
              properties:
                secret: { $ref: 'REFERENCE' }
        """;

    // Had the tool read it, the client would have a LaunchCodes property.
    private const string Secret = "Secret: { type: object, properties: { launchCodes: { type: string } } }\n";

    [Fact]
    public void A_reference_that_climbs_out_of_the_spec_folder_is_not_read_and_is_CTR009()
    {
        using var temp = new TempFolder();
        temp.Write("outside/secret.yaml", Secret);
        var api = temp.Write("spec/api.yaml", Fenced.Replace("REFERENCE", "../outside/secret.yaml#/Secret", StringComparison.Ordinal));

        var run = CliResult.Run("generate", api, "-o", temp.Combine("out"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            $"{api}(10,25): warning CTR009: The reference '../outside/secret.yaml#/Secret' is not resolved: '{temp.Combine("outside/secret.yaml")}' is outside the folders references are read from ({temp.Combine("spec")}; add one with --allow-refs <folder>); it is read as free-form JSON (JsonElement)",
            run.StdoutLines[0]);
        AssertNotRead(temp);
    }

    [Fact]
    public void An_absolute_reference_outside_the_spec_folder_is_not_read_and_is_CTR009()
    {
        using var temp = new TempFolder();
        var secret = temp.Write("outside/secret.yaml", Secret);
        var api = temp.Write("spec/api.yaml", Fenced.Replace("REFERENCE", secret + "#/Secret", StringComparison.Ordinal));

        var run = CliResult.Run("check", api);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            $"{api}(10,25): warning CTR009: The reference '{secret}#/Secret' is not resolved: '{secret}' is outside the folders references are read from ({temp.Combine("spec")}; add one with --allow-refs <folder>); it is read as free-form JSON (JsonElement)",
            run.StdoutLines[0]);
    }

    [Fact]
    public void A_file_inside_that_refers_outside_is_read_and_its_reference_is_CTR009_in_that_file()
    {
        using var temp = new TempFolder();
        temp.Write("outside/secret.yaml", Secret);
        var api = temp.Write("spec/api.yaml", Fenced.Replace("REFERENCE", "models/wrapper.yaml#/Wrapper", StringComparison.Ordinal));
        var wrapper = temp.Write("spec/models/wrapper.yaml", "Wrapper:\n  type: object\n  properties:\n    inner: { $ref: '../../outside/secret.yaml#/Secret' }\n");

        var run = CliResult.Run("generate", api, "-o", temp.Combine("out"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"{wrapper}(4,20): warning CTR009: The reference '../../outside/secret.yaml#/Secret' is not resolved: '{temp.Combine("outside/secret.yaml")}' is outside", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("Inner", File.ReadAllText(temp.Combine("out/ApiClient.Models.W.g.cs")), StringComparison.Ordinal);
        AssertNotRead(temp);
    }

    [Fact]
    public void A_symbolic_link_inside_the_spec_folder_that_leads_outside_is_not_followed()
    {
        using var temp = new TempFolder();
        var secret = temp.Write("outside/secret.yaml", Secret);
        var api = temp.Write("spec/api.yaml", Fenced.Replace("REFERENCE", "secret.yaml#/Secret", StringComparison.Ordinal)
            + "\n        other: { $ref: 'shared/secret.yaml#/Secret' }\n");
        // A linked file and a linked folder: both look inside, both lead out.
        File.CreateSymbolicLink(temp.Combine("spec/secret.yaml"), secret);
        Directory.CreateSymbolicLink(temp.Combine("spec/shared"), temp.Combine("outside"));

        var run = CliResult.Run("generate", api, "-o", temp.Combine("out"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var outside = $"outside the folders references are read from ({temp.Combine("spec")}; add one with --allow-refs <folder>)";
        Assert.Equal(
            [
                $"{api}(10,25): warning CTR009: The reference 'secret.yaml#/Secret' is not resolved: '{temp.Combine("spec/secret.yaml")}' leads to '{secret}', {outside}; it is read as free-form JSON (JsonElement)",
                $"{api}(11,24): warning CTR009: The reference 'shared/secret.yaml#/Secret' is not resolved: '{temp.Combine("spec/shared/secret.yaml")}' leads to '{secret}', {outside}; it is read as free-form JSON (JsonElement)",
            ],
            run.StdoutLines[..2]);
        AssertNotRead(temp);
    }

    [Fact]
    public void Allow_refs_widens_the_folders_a_reference_may_read_from()
    {
        using var temp = new TempFolder();
        temp.Write("outside/secret.yaml", Secret);
        var api = temp.Write("spec/api.yaml", Fenced.Replace("REFERENCE", "../outside/secret.yaml#/Secret", StringComparison.Ordinal));

        var run = CliResult.Run("generate", api, "-o", temp.Combine("out"), "--allow-refs", temp.Combine("elsewhere-unused"), "--allow-refs", temp.Combine("outside"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"error: --allow-refs needs an existing folder: {temp.Combine("elsewhere-unused")}", run.Stderr, StringComparison.Ordinal);

        Directory.CreateDirectory(temp.Combine("elsewhere-unused"));
        run = CliResult.Run("generate", api, "-o", temp.Combine("out"), "--allow-refs", temp.Combine("elsewhere-unused"), "--allow-refs", temp.Combine("outside"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("CTR009", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("LaunchCodes", File.ReadAllText(temp.Combine("out/ApiClient.Models.S.g.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_a_folder_lets_its_specs_refer_anywhere_inside_that_folder()
    {
        using var temp = new TempFolder();
        temp.Write("specs/common/secret.yaml", Secret);
        temp.Write("specs/api/api.yaml", Fenced.Replace("REFERENCE", "../common/secret.yaml#/Secret", StringComparison.Ordinal));

        var run = CliResult.Run("check", temp.Combine("specs"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("CTR009", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("1 specs: 1 clean, 0 with warnings, 0 generator errors", run.StdoutLines[^1]);
    }

    private static void AssertNotRead(TempFolder temp)
    {
        if (Directory.Exists(temp.Combine("out")))
        {
            var generated = string.Concat(Directory.GetFiles(temp.Combine("out")).Select(File.ReadAllText));
            Assert.DoesNotContain("LaunchCodes", generated, StringComparison.Ordinal);
        }
    }
}
