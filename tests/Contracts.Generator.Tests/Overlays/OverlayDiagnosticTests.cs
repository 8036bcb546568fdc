using System;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static Contracts.Generator.Tests.Overlays.OverlayHarness;

namespace Contracts.Generator.Tests.Overlays;

/// <summary>
/// Overlays through the whole generator: the generated code follows them, their problems are located in the overlay's
/// file at their line (CTR134–CTR137), and the spec's own diagnostics stay where the spec file has them.
/// </summary>
public sealed class OverlayDiagnosticTests
{
    private const string Header = """
        overlay: 1.0.0
        info:
          title: Test
          version: 1.0.0
        actions:

        """;

    private static GeneratorRun RunWith(string overlay, string spec = OverlayActionTests.Pets) =>
        Run(spec, "fix.yaml", Overlay("/specs/fix.yaml", overlay));

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        var found = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count == 1, $"Expected one {id}: " + GeneratorRun.Format(run.GeneratorDiagnostics));
        return found[0];
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void The_generated_code_follows_the_overlay()
    {
        var run = RunWith(Header + """
              - target: $.components.schemas.Pet.properties.name
                update: { nullable: true, description: May be null. }
              - target: $.components.schemas.Pet
                update: { required: [name] }
            """);

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
        var pet = run.TypeSource("Pet");
        Assert.Contains("public required string? Name { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("May be null.", pet, StringComparison.Ordinal);
        Assert.DoesNotContain("required string? Name", GeneratorHarness.Run(SpecFile.Inline("api.yaml", OverlayActionTests.Pets, Namespace, ClientName)).TypeSource("Pet"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_that_matches_nothing_is_CTR135_at_the_target_and_the_rest_is_applied()
    {
        var run = RunWith(Header + """
              - target: $.components.schemas.Pet
                update: { description: Applied. }
              - target: $.components.schemas.Dog
                update: { description: Nothing to apply to. }
            """);

        var warning = Single(run, "CTR135");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("/specs/fix.yaml", warning.Location.GetLineSpan().Path);
        Assert.Equal(8, Line(warning));
        Assert.Equal("The target '$.components.schemas.Dog' matches nothing in 'api.yaml'; this action changes nothing", Message(warning));
        run.AssertCompilesCleanly();
        Assert.Contains("Applied.", run.TypeSource("Pet"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("overlay: 1.0.0\ninfo: {title: T, version: '1'\nactions: []\n", 3, "it is not valid YAML or JSON")]
    [InlineData("- just\n- a list\n", 1, "it is not an Overlay document")]
    [InlineData("info: {title: T, version: '1'}\nactions:\n  - target: $\n    update: {}\n", 1, "it has no 'overlay' member")]
    [InlineData("overlay: '1.0'\ninfo: {title: T, version: '1'}\nactions:\n  - target: $\n    update: {}\n", 1, "the Overlay Specification version '1.0' is not supported")]
    [InlineData("overlay: 2.0.0\ninfo: {title: T, version: '1'}\nactions:\n  - target: $\n    update: {}\n", 1, "the Overlay Specification version '2.0.0' is not supported")]
    [InlineData("overlay: 1.0.0\nactions:\n  - target: $\n    update: {}\n", 1, "it has no 'info' member")]
    [InlineData("overlay: 1.0.0\ninfo:\n  title: T\nactions:\n  - target: $\n    update: {}\n", 2, "'info' has no 'version'")]
    [InlineData("overlay: 1.0.0\ninfo: {title: T, version: false}\nactions:\n  - target: $\n    update: {}\n", 2, "'info.version' must be a string")]
    [InlineData("overlay: 1.0.0\ninfo: {title: T, version: '1'}\nactions: []\n", 3, "'actions' must be a list of at least one action")]
    [InlineData("overlay: 1.0.0\ninfo: {title: T, version: '1'}\nactions:\n  - update: {}\n", 4, "the action has no 'target'")]
    [InlineData("overlay: 1.0.0\ninfo: {title: T, version: '1'}\nactions:\n  - target: $\n    remove: maybe\n", 5, "'remove' must be true or false")]
    [InlineData("overlay: 1.0.0\ninfo: {title: T, version: '1'}\nactions:\n  - target: $.info\n    remvoe: true\n", 5, "'remvoe' is not a member of an action")]
    [InlineData("overlay: 1.0.0\ninfo: {title: T, version: '1'}\nactions:\n  - target: $.info\n    description: 10\n", 5, "'description' must be a string")]
    [InlineData("overlay: 1.0.0\ninfo: {title: 100, version: '1'}\nactions:\n  - target: $\n", 2, "'info.title' must be a string")]
    [InlineData("overlay: 1.0.0\ninfo: {title: T, version: '1'}\nactions:\n  - target: 100\n", 4, "'target' must be a string, a JSONPath query")]
    [InlineData("overlay: 1.1.0\ninfo: {title: T, version: '1'}\nactions:\n  - target: $.info\n    copy: $.servers\n", 5, "'copy' (Overlay 1.1) is not supported")]
    [InlineData("overlay: 1.0.0\ninfo: {title: T, version: '1'}\nactions:\n  - target: $.info\n    update: New title\n", 5, "the target '$.info' selects an object, so 'update' must be an object")]
    [InlineData("overlay: 1.0.0\ninfo: {title: T, version: '1'}\nactions:\n  - target: $.components.schemas.Pet\n    update:\n      required: {name: true}\n", 6, "its 'required' is an object, where the description has an array")]
    [InlineData("overlay: 1.0.0\ninfo: {title: T, version: '1'}\nactions:\n  - target: $\n    remove: true\n", 4, "the target selects the whole document, which cannot be removed")]
    public void A_malformed_overlay_is_CTR134_at_its_line_and_nothing_is_generated(string overlay, int line, string problem)
    {
        var run = RunWith(overlay);

        var error = Single(run, "CTR134");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("/specs/fix.yaml", error.Location.GetLineSpan().Path);
        Assert.Equal(line, Line(error));
        Assert.StartsWith("The overlay cannot be applied to 'api.yaml': " + problem, Message(error), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void An_overlay_that_nests_deeper_than_the_YAML_limit_is_CTR134_at_the_line_not_a_stack_overflow()
    {
        var deep = string.Concat(Enumerable.Repeat("{a: ", 300)) + "1" + new string('}', 300);
        var spec = OverlayActionTests.Pets + "\nx-deep: " + deep + "\n";

        var run = RunWith(Header + "  - target: $\n    update: {x-deep: " + deep + "}\n", spec);

        var error = Single(run, "CTR134");
        Assert.Equal(7, Line(error));
        Assert.Equal("The overlay cannot be applied to 'api.yaml': it is not valid YAML or JSON (The maximum nesting depth of 64 has been exceeded.); nothing is generated from it until the overlay is fixed", Message(error));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Every_problem_of_every_overlay_is_reported_in_one_build()
    {
        var run = Run(OverlayActionTests.Pets, "a.yaml;b.yaml",
            Overlay("/specs/a.yaml", Header + "  - target: $.info\n    remvoe: true\n  - target: $[\n    remove: true\n"),
            Overlay("/specs/b.yaml", "overlay: 1.0.0\nactions:\n  - target: $\n    update: {}\n"));

        Assert.Equal(
            [("/specs/a.yaml", 7, "CTR134"), ("/specs/a.yaml", 8, "CTR136"), ("/specs/b.yaml", 1, "CTR134")],
            run.GeneratorDiagnostics.Select(d => (d.Location.GetLineSpan().Path, Line(d), d.Id)).OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Item2));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_target_that_is_not_JSONPath_is_CTR136_at_the_character_the_parser_stopped_at()
    {
        var run = RunWith(Header + """
              - target: $.components.schemas.Pet
                update: { description: Fine. }
              - target: "$.paths[?@.x ==]"
                update: { description: Broken. }
            """);

        var error = Single(run, "CTR136");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("/specs/fix.yaml", error.Location.GetLineSpan().Path);
        Assert.Equal(8, Line(error));
        var column = error.Location.GetLineSpan().StartLinePosition.Character;
        var offset = int.Parse(Message(error).Split("(at character ")[1].TrimEnd(')'), CultureInfo.InvariantCulture) - 1;
        Assert.Equal("    - target: \"".Length - 2 + offset, column);
        Assert.StartsWith("The target '$.paths[?@.x ==]' is not a valid JSONPath query: ", Message(error), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void An_overlay_that_is_not_among_the_additional_files_is_CTR137_naming_the_path_and_the_directory()
    {
        var spec = SpecFile.Inline("api.yaml", OverlayActionTests.Pets, Namespace, ClientName);
        var run = Run(spec, "overlays/missing.yaml", [], projectDirectory: "/project/");

        var error = Single(run, "CTR137");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("/specs/api.yaml", error.Location.GetLineSpan().Path);
        Assert.Equal(
            "The overlay 'overlays/missing.yaml' is not among the project's AdditionalFiles: resolved against '/project/', it is '/project/overlays/missing.yaml'; nothing is generated from 'api.yaml' until it is found",
            Message(error));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Overlay_paths_are_relative_to_the_project_directory_not_the_spec()
    {
        var spec = SpecFile.Inline("api.yaml", OverlayActionTests.Pets, Namespace, ClientName);
        var overlay = Header + """
              - target: $.components.schemas.Pet
                update: { description: From the project folder. }
            """;

        var run = Run(spec, "overlays/fix.yaml", [Overlay("/project/overlays/fix.yaml", overlay), Overlay("/specs/overlays/fix.yaml", Header + "  - target: $.nothing\n    remove: true\n")], projectDirectory: "/project/");

        run.AssertNoGeneratorDiagnostics();
        Assert.Contains("From the project folder.", run.TypeSource("Pet"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first.yaml|second.yaml")]
    [InlineData("first.yaml;second.yaml")]
    [InlineData(" first.yaml | second.yaml ;")]
    public void The_list_is_separated_by_bars_as_the_package_writes_it_or_by_semicolons(string overlays)
    {
        var first = Overlay("/specs/first.yaml", Header + "  - target: $.components.schemas.Pet\n    update: { description: First. }\n");
        var second = Overlay("/specs/second.yaml", Header + "  - target: $.components.schemas.Pet\n    update: { description: Second. }\n");

        var run = Run(OverlayActionTests.Pets, overlays, first, second);

        run.AssertNoGeneratorDiagnostics();
        Assert.Contains("Second.", run.TypeSource("Pet"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_diagnostic_at_a_node_the_overlay_did_not_touch_keeps_its_line_and_column()
    {
        var spec = OverlayActionTests.Pets.Replace("id: { type: integer }", "id: { type: integer, default: many }", StringComparison.Ordinal);
        var plain = GeneratorHarness.Run(SpecFile.Inline("api.yaml", spec, Namespace, ClientName));
        var overlaid = RunWith(Header + """
              - target: $.info
                update:
                  description: |
                    A description of several lines,
                    which moves every line after it in the text the reader reads.
              - target: $.components.schemas.Pet.properties
                update:
                  weight: { type: number }
            """, spec);

        var before = Single(plain, "CTR126");
        var after = Single(overlaid, "CTR126");
        Assert.Equal(before.Location.GetLineSpan(), after.Location.GetLineSpan());
        Assert.Equal(Message(before), Message(after));
        Assert.Equal(45, Line(after));
        overlaid.AssertCompilesCleanly();
    }

    [Fact]
    public void A_diagnostic_at_a_node_an_overlay_added_is_located_at_its_nearest_ancestor_in_the_file()
    {
        var run = RunWith(Header + """
              - target: $.components.schemas.Owner.properties
                update:
                  rank: { type: integer, default: high }
            """);

        var warning = Single(run, "CTR126");
        Assert.Equal("/specs/api.yaml", warning.Location.GetLineSpan().Path);
        Assert.Equal(44, Line(warning));
        Assert.StartsWith("properties:", OverlayActionTests.Pets.Split('\n')[43].Trim(), StringComparison.Ordinal);
    }
}
