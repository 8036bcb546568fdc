using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary><c>contracts generate</c> writes exactly the files the analyzer adds to a build, with the same text.</summary>
public sealed class GenerateParityTests
{
    public static TheoryData<string[], string, Dictionary<string, string>> Cases => new()
    {
        // Tool options; the RootNamespace and item metadata of the equivalent build.
        {
            ["--namespace", "X", "--client-name", "LightsailClient"],
            "Any.Project",
            new() { ["ContractsNamespace"] = "X", ["ContractsClientName"] = "LightsailClient" }
        },
        {
            // Nothing set: the generator's defaults from the file name, under the tool's stand-in RootNamespace.
            [],
            "Contracts.Generated",
            new()
        },
        {
            ["--visibility", "internal", "--root-namespace", "My.App"],
            "My.App",
            new() { ["ContractsVisibility"] = "internal" }
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generate_writes_the_same_files_as_the_analyzer(string[] options, string rootNamespace, Dictionary<string, string> itemMetadata)
    {
        using var temp = new TempFolder();
        var spec = temp.Write("lightsail-bucket-access-keys.yaml", Specs.Seed);
        var output = temp.Combine("out");

        var run = CliResult.Run(["generate", spec, "-o", output, .. options]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = AnalyzerRun.Generate(spec, rootNamespace, itemMetadata);
        Assert.NotEmpty(expected);
        var written = Directory.GetFiles(output).ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        foreach (var (hintName, text) in expected)
        {
            Assert.True(text == written[hintName], $"{hintName} differs from the analyzer's output.");
        }

        Assert.Equal($"wrote {expected.Count} files to {output}", run.StdoutLines[^1]);
    }

    [Fact]
    public void Generate_runs_without_a_compilation_and_still_writes_what_the_analyzer_does_for_dates_and_unions()
    {
        // The tool assumes the facts a project with Contracts.Runtime gives the generator (DateOnly available): a date
        // member and a union show that the assumption holds, since both print differently without them.
        const string Spec = """
            openapi: 3.0.3
            info: { title: Dates, version: '1' }
            paths:
              /events:
                get:
                  operationId: ListEvents
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Event' }
            components:
              schemas:
                Event:
                  type: object
                  properties:
                    day: { type: string, format: date }
                    at: { type: string, format: date-time }
                    kind: { type: string, enum: [meeting, call] }
                    where: { oneOf: [{ type: string }, { type: integer }] }
            """;
        using var temp = new TempFolder();
        var spec = temp.Write("dates.yaml", Spec);
        var output = temp.Combine("out");

        var run = CliResult.Run(["generate", spec, "-o", output]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = AnalyzerRun.Generate(spec, "Contracts.Generated", new Dictionary<string, string>());
        Assert.Contains(expected.Values, text => text.Contains("global::System.DateOnly", StringComparison.Ordinal));
        var written = Directory.GetFiles(output).ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        foreach (var (hintName, text) in expected)
        {
            Assert.True(text == written[hintName], $"{hintName} differs from the analyzer's output.");
        }
    }

    [Fact]
    public void The_seed_with_explicit_options_generates_the_documented_client()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("lightsail-bucket-access-keys.yaml", Specs.Seed);

        var run = CliResult.Run("generate", spec, "-o", temp.Combine("out"), "--namespace", "X", "--client-name", "LightsailClient");

        Assert.Equal(0, run.ExitCode);
        var client = File.ReadAllText(temp.Combine("out/LightsailClient.Client.g.cs"));
        Assert.Contains("namespace X", client, StringComparison.Ordinal);
        Assert.Contains("GetBucketAccessKeysAsync", client, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("out/LightsailClient.Models.A.g.cs")));
    }
}
