using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Overrides;

/// <summary>
/// Specs/overrides-collisions.yaml: every kind of rename that collides (CTR138), unusable override values (CTR139) and a
/// user type where it cannot apply (CTR140), at the extension's line; the renames that collide are not applied, and the code still compiles.
/// </summary>
public sealed class OverrideDiagnosticsTests
{
    private const string Spec = "Specs/overrides-collisions.yaml";

    private static GeneratorRun Run() => GeneratorHarness.Run(SpecFile.FromOutput(Spec, "Contracts.Tests.Collisions", "PetsClient"));

    [Fact]
    public void Each_collision_and_each_unusable_value_is_reported_at_its_extension()
    {
        var run = Run();

        run.AssertGeneratorDidNotThrow();
        Assert.Equal(
            [
                "CTR138@7", "CTR138@11", "CTR138@18", "CTR139@38", "CTR138@50", "CTR138@64", "CTR138@69", "CTR138@77", "CTR138@81",
                "CTR138@84", "CTR138@90", "CTR139@93", "CTR138@100", "CTR138@101", "CTR139@102", "CTR139@105", "CTR139@110", "CTR140@116",
            ],
            run.GeneratorDiagnostics
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id))
                .OrderBy(d => d.Line)
                .Select(d => d.Id + "@" + d.Line));
        Assert.All(run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("CTR13", StringComparison.Ordinal)), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void A_collision_names_both_sides()
    {
        var messages = Run().GeneratorDiagnostics.Where(d => d.Id == "CTR138").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Contains("The name 'Cat' given to schema 'Dog' is already the name of schema 'Cat'; the rename is not applied", messages);
        Assert.Contains("The name 'parrot' given to schema 'Fish' is already the name x-contracts-name gives schema 'Bird'; the rename is not applied", messages);
        Assert.Contains("The name 'Last' given to property 'first' of 'Owner' is already the name of property 'last'; the rename is not applied", messages);
        Assert.Contains("The name 'GetPet' given to operation 'listPets' (method GetPetAsync) is already the method name of operation 'getPet'; the rename is not applied", messages);
        Assert.Contains("The name 'offset' given to parameter 'limit' of operation 'listPets' is already the name of parameter 'offset'; the rename is not applied", messages);
        Assert.Contains("The name 'Green' given to value 'red' of 'Color' is already the name of value 'green'; the rename is not applied", messages);
    }

    [Fact]
    public void The_side_without_the_rename_keeps_its_name_and_the_renamed_side_keeps_its_own()
    {
        var run = Run();
        var models = string.Join("\n", run.Sources.Where(s => s.Key.Contains(".Models.", StringComparison.Ordinal)).Select(s => s.Value));
        var client = run.Source(".Client.");

        // Types: Dog and Fish keep their keys' names, Bird (the first rename) takes Parrot, Reptile stays.
        Assert.Contains("public sealed partial record Dog", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record Cat", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record Parrot", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record Fish", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record Reptile", models, StringComparison.Ordinal);

        // Members: the first rename to Alias applies, the second does not; the others keep their derived names.
        foreach (var member in new[] { "First", "Last", "Nick", "Tag", "Alias", "B", "C" })
        {
            Assert.Contains(" " + member + " { get; init; }", models, StringComparison.Ordinal);
        }

        Assert.Contains("public static Color Red { get; }", models, StringComparison.Ordinal);
        Assert.Contains("public static Color Blue { get; }", models, StringComparison.Ordinal);
        Assert.Contains("ListPetsAsync(long? limit = null, long? offset = null, string? token = null", client, StringComparison.Ordinal);
        Assert.Contains("DeletePetAsync(string id", client, StringComparison.Ordinal);

        // The unusable x-contracts-type leaves Price generated, and so does the inline one Invoice's total.
        Assert.Contains("public sealed partial record Price", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record InvoiceTotal", models, StringComparison.Ordinal);
        run.AssertCompilesCleanly();
    }
}
