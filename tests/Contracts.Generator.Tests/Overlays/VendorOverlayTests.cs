using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using static Contracts.Generator.Tests.Overlays.OverlayHarness;

namespace Contracts.Generator.Tests.Overlays;

/// <summary>
/// The worked example of docs/overlays.md: samples/overlays/github-fixes.yaml applied to GitHub's published description
/// (spec/vendors) makes a pull request's head repository nullable, as the API sends it, and changes nothing else.
/// </summary>
public sealed class VendorOverlayTests
{
    [Fact]
    public void The_GitHub_overlay_makes_the_head_repository_nullable_and_leaves_every_other_file_as_it_was()
    {
        var spec = SpecFile.Inline("github.yaml", File.ReadAllText(RepositoryPaths.Combine("spec", "vendors", "github-api-1.1.4.yaml")), "My.GitHub", "GitHubClient");
        var overlay = Overlay("/specs/github-fixes.yaml", File.ReadAllText(RepositoryPaths.Combine("samples", "overlays", "github-fixes.yaml")));

        var plain = GeneratorHarness.Run(spec);
        var fixedRun = Run(spec, "github-fixes.yaml", [overlay]);

        fixedRun.AssertGeneratorDidNotThrow();
        Assert.Equal(
            plain.GeneratorDiagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal),
            fixedRun.GeneratorDiagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(plain.Sources.Keys, fixedRun.Sources.Keys);
        var changed = plain.Sources.Keys.Where(name => plain.Sources[name] != fixedRun.Sources[name]).ToList();
        Assert.Equal(["GitHubClient.Models.P.g.cs"], changed);

        // In that file, the two head records changed, and only in their Repo member (declaration, reading, writing).
        var before = Types(plain.Sources["GitHubClient.Models.P.g.cs"]);
        var after = Types(fixedRun.Sources["GitHubClient.Models.P.g.cs"]);
        Assert.Equal(before.Keys, after.Keys);
        Assert.Equal(
            ["PullRequestHead", "PullRequestHead converter", "PullRequestSimpleHead", "PullRequestSimpleHead converter"],
            before.Keys.Where(name => before[name] != after[name]).Order(StringComparer.Ordinal));
        Assert.Contains("public required global::My.GitHub.PullRequestHeadRepo Repo { get; init; }", before["PullRequestHead"], StringComparison.Ordinal);
        Assert.Contains("public required global::My.GitHub.PullRequestHeadRepo? Repo { get; init; }", after["PullRequestHead"], StringComparison.Ordinal);
        Assert.Contains("public required global::My.GitHub.Repository Repo { get; init; }", before["PullRequestSimpleHead"], StringComparison.Ordinal);
        Assert.Contains("public required global::My.GitHub.Repository? Repo { get; init; }", after["PullRequestSimpleHead"], StringComparison.Ordinal);

        // The members keep their order: the overlay removed the $ref inside repo, not repo itself.
        Assert.Equal(Members(before["PullRequestSimpleHead"]), Members(after["PullRequestSimpleHead"]));
    }

    /// <summary>A type's name, or "&lt;name&gt; converter" for the block of the JSON context that reads and writes it.</summary>
    private static string Name(string block) =>
        Regex.Match(block, @"class (\w+) : global::System\.Text\.Json\.Serialization\.JsonConverter") is { Success: true } converter
            ? converter.Groups[1].Value + " converter"
            : Regex.Match(block, @"\b(?:record|class|struct|enum) (\w+)").Groups[1].Value;

    /// <summary>Each type of a models file and each converter (a namespace block each), by name.</summary>
    private static Dictionary<string, string> Types(string file) =>
        file.Split("\nnamespace ").Skip(1)
            .Select(block => (Name: Name(block), Block: block))
            .GroupBy(pair => pair.Name)
            .ToDictionary(group => group.Key, group => string.Join("\n", group.Select(pair => pair.Block)), StringComparer.Ordinal);

    /// <summary>The property names a record declares, in order.</summary>
    private static IEnumerable<string> Members(string block) =>
        Regex.Matches(block, @"public (?:required )?[\w.:<>?]+ (\w+) \{ get; init; \}").Select(match => match.Groups[1].Value).ToList();
}
