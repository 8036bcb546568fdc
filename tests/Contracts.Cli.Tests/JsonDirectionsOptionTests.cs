using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>
/// <c>--json-directions</c> is the <c>JsonDirections</c> metadata of a build: <c>Used</c> (the default) leaves out the
/// converter halves the client never runs, <c>Both</c> generates them all, and the tool writes what the analyzer adds.
/// </summary>
public sealed class JsonDirectionsOptionTests
{
    [Theory]
    [InlineData("Both")]
    [InlineData("Used")]
    public void Generate_writes_the_same_files_as_the_analyzer_with_the_same_metadata(string directions)
    {
        using var temp = new TempFolder();
        var spec = temp.Write("lightsail-bucket-access-keys.yaml", Specs.Seed);
        var output = temp.Combine("out");

        var run = CliResult.Run(["generate", spec, "-o", output, "--json-directions", directions]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = AnalyzerRun.Generate(spec, "Contracts.Generated", new Dictionary<string, string> { ["ContractsJsonDirections"] = directions });
        var written = Directory.GetFiles(output).ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        foreach (var (hintName, text) in expected)
        {
            Assert.True(text == written[hintName], $"{hintName} differs from the analyzer's output.");
        }

        // The seed's response records are never written by the client: only Both writes them.
        Assert.Equal(directions == "Used", written.Values.Any(text => text.Contains("WritingNotGenerated(", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_the_option_the_converters_keep_only_the_directions_the_client_uses()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("lightsail-bucket-access-keys.yaml", Specs.Seed);

        var byDefault = CliResult.Run(["generate", spec, "-o", temp.Combine("default")]);
        var used = CliResult.Run(["generate", spec, "-o", temp.Combine("used"), "--json-directions", "used"]);

        Assert.True(byDefault.ExitCode == 0 && used.ExitCode == 0, byDefault + "\n" + used);
        foreach (var file in Directory.GetFiles(temp.Combine("default")))
        {
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(temp.Combine("used"), Path.GetFileName(file))));
        }
    }

    [Fact]
    public void Another_value_is_a_usage_error()
    {
        var run = CliResult.Run(["generate", Specs.SeedPath, "-o", "out", "--json-directions", "Read"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error: --json-directions must be 'Used' or 'Both', not 'Read'", run.Stderr, StringComparison.Ordinal);
    }
}
