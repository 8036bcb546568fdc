using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Contracts.Cli.Tests.Infrastructure;
using Contracts.Generator;
using Contracts.TestSupport.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>
/// <c>--overlay</c>: <c>generate</c> and <c>check</c> apply overlay files in the order given, as the <c>Overlays</c>
/// metadata does in a build, and write exactly what the analyzer writes.
/// </summary>
public sealed class OverlayTests
{
    private const string First = """
        overlay: 1.0.0
        info: { title: First, version: 1.0.0 }
        actions:
          - target: $.components.schemas.Pet.properties
            update:
              nickname: { type: string, description: From the first overlay. }
          - target: $.paths['/pets/{id}'].get
            update: { operationId: FetchPet }
        """;

    private const string Second = """
        overlay: 1.0.0
        info: { title: Second, version: 1.0.0 }
        actions:
          - target: $.components.schemas.Pet.properties.nickname
            update: { description: From the second overlay. }
        """;

    [Fact]
    public void Generate_applies_the_overlays_in_order_and_writes_the_same_files_as_the_analyzer()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("specs/pets.yaml", Specs.Pets);
        var first = temp.Write("overlays/first.yaml", First);
        var second = temp.Write("overlays/second.json", Json(Second));
        var output = temp.Combine("out");

        var run = CliResult.Run("generate", spec, "--overlay", first, "--overlay", second, "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = Analyzer(spec, "../overlays/first.yaml;../overlays/second.json", first, second);
        var written = Directory.GetFiles(output).ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        foreach (var (hintName, text) in expected)
        {
            Assert.True(text == written[hintName], $"{hintName} differs from the analyzer's output.");
        }

        var models = string.Concat(written.Values);
        Assert.Contains("From the second overlay.", models, StringComparison.Ordinal);
        Assert.DoesNotContain("From the first overlay.", models, StringComparison.Ordinal);
        Assert.Contains("FetchPetAsync", models, StringComparison.Ordinal);
    }

    [Fact]
    public void Commas_list_several_overlays_in_one_option()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("pets.yaml", Specs.Pets);
        var first = temp.Write("first.yaml", First);
        var second = temp.Write("second.yaml", Second);

        var both = CliResult.Run("generate", spec, "--overlay", first + "," + second, "-o", temp.Combine("a"));
        var reversed = CliResult.Run("generate", spec, "--overlay", second + "," + first, "-o", temp.Combine("b"));

        Assert.True(both.ExitCode == 0, both.ToString());
        Assert.Contains("From the second overlay.", string.Concat(Directory.GetFiles(temp.Combine("a")).Select(File.ReadAllText)), StringComparison.Ordinal);

        // The other order: the second overlay's target does not exist yet (CTR135), so the first one's text stands.
        Assert.True(reversed.ExitCode == 0, reversed.ToString());
        Assert.Contains(reversed.StdoutLines, line => line.StartsWith(second + "(4,", StringComparison.Ordinal) && line.Contains("warning CTR135", StringComparison.Ordinal));
        Assert.Contains("From the first overlay.", string.Concat(Directory.GetFiles(temp.Combine("b")).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_a_problem_of_the_overlay_at_its_line_in_the_overlay_file()
    {
        using var temp = new TempFolder();
        var spec = temp.Write("pets.yaml", Specs.Pets);
        var overlay = temp.Write("fix.yaml", First.Replace("update: { operationId: FetchPet }", "remvoe: true", StringComparison.Ordinal));

        var run = CliResult.Run("check", spec, "--overlay", overlay);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{overlay}(8,5): error CTR134: The overlay cannot be applied to 'pets.yaml': 'remvoe' is not a member of an action (Overlay Specification 1.0); nothing is generated from it until the overlay is fixed", run.StdoutLines);
        Assert.Equal("1 specs: 0 clean, 0 with warnings, 1 generator errors", run.StdoutLines[^1]);
    }

    [Theory]
    [InlineData("missing.yaml", "--overlay needs an existing file: ")]
    [InlineData("fix.txt", "--overlay needs a .yaml, .yml or .json file: ")]
    public void An_overlay_that_is_not_a_yaml_or_json_file_is_a_usage_error(string name, string message)
    {
        using var temp = new TempFolder();
        var spec = temp.Write("pets.yaml", Specs.Pets);
        temp.Write("fix.txt", First);

        var run = CliResult.Run("generate", spec, "--overlay", temp.Combine(name), "-o", temp.Combine("out"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message + temp.Combine(name), run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// What a build generates: the spec with <c>ContractsOverlays</c> metadata as MSBuild writes it, relative paths
    /// resolved against the project (here, the spec's folder), and the overlays as AdditionalFiles that are not specs.
    /// </summary>
    private static IReadOnlyDictionary<string, string> Analyzer(string specPath, string overlays, params string[] overlayPaths)
    {
        var spec = new SpecFile(specPath, File.ReadAllText(specPath), Contract: "true");
        var files = overlayPaths.Select(path => new SpecFile(path, File.ReadAllText(path), Contract: "false")).ToList();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            [spec.Path] = new Dictionary<string, string>(spec.Metadata) { [SpecFile.MetadataPrefix + "ContractsOverlays"] = overlays },
        };
        foreach (var file in files)
        {
            perFile[file.Path] = file.Metadata;
        }

        var texts = new[] { spec }.Concat(files).Select(file => (AdditionalText)file.ToAdditionalText()).ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(
            [new ContractsGenerator().AsSourceGenerator()],
            texts,
            GeneratorHarness.ParseOptions,
            new TestAnalyzerConfigOptionsProvider(
                new Dictionary<string, string> { ["build_property.RootNamespace"] = "Contracts.Generated", ["build_property.ProjectDir"] = Path.GetDirectoryName(specPath) + Path.DirectorySeparatorChar },
                perFile));
        var run = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation("namespace Contracts.Tests.App { internal static class Marker { } }"), texts);
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        return run.Sources;
    }

    /// <summary>The same overlay written as JSON, so that both formats are read.</summary>
    private static string Json(string yaml) => yaml == Second
        ? """{"overlay": "1.0.0", "info": {"title": "Second", "version": "1.0.0"}, "actions": [{"target": "$.components.schemas.Pet.properties.nickname", "update": {"description": "From the second overlay."}}]}"""
        : throw new ArgumentException("Only the second overlay has a JSON twin.", nameof(yaml));
}
