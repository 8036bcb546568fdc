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
