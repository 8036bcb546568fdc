using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.TestSupport.Generation;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// Parts of a document the reader cannot place: Swagger 2.0 form parameters used by reference or declared on the path
/// item, and references that resolve to nothing. Each becomes what the document means or a located CTR004, never a
/// generator failure (CTR006).
/// </summary>
public sealed class ReaderLeftPartsTests
{
    [Fact]
    public void Referenced_and_path_level_form_parameters_generate_what_the_same_parameters_written_inline_generate()
    {
        // The inline twin writes each operation's form parameters in the operation itself, the path item's ones after
        // the operation's own, without the one an operation overrides by name.
        var referenced = GeneratorHarness.Run(SpecFile.FromOutput("Specs/failures-form-references.yaml", "Contracts.Tests.Forms", "FormsClient"));
        var inline = GeneratorHarness.Run(SpecFile.FromOutput("Specs/failures-form-inline.yaml", "Contracts.Tests.Forms", "FormsClient"));

        referenced.AssertCompilesCleanly();
        Assert.DoesNotContain(referenced.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(inline.Sources.Keys.Order(), referenced.Sources.Keys.Order());
        foreach (var (hintName, source) in inline.Sources)
        {
            Assert.Equal(source, referenced.Sources[hintName]);
        }

        var client = referenced.Source("FormsClient.Client");
        Assert.Contains("FormBody.Create(__bodyValue, global::Contracts.Tests.Forms.FormsJsonContext.Default.AddPetRequest)", client, StringComparison.Ordinal);
        Assert.Contains("Task UploadAsync(global::Contracts.Runtime.Http.FilePart @file, string? tag = null, string? note = null, string? label = null,", client, StringComparison.Ordinal);
        Assert.Contains("Task ReplaceUploadAsync(global::Contracts.Runtime.Http.FilePart @file, long? label = null, string? note = null,", client, StringComparison.Ordinal);
        Assert.Contains("public required string Name { get; init; }", referenced.TypeSource("AddPetRequest"), StringComparison.Ordinal);
        Assert.DoesNotContain("unused", client, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Specs/failures-unresolved.yaml", new[] { 10, 19, 25, 28, 33, 47, 50 })]
    [InlineData("Specs/failures-unresolved-swagger2.yaml", new[] { 10, 18, 24 })]
    public void References_that_resolve_to_nothing_are_each_reported_at_their_line_and_the_rest_generates(string spec, int[] lines)
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput(spec, "Contracts.Tests.Unresolved", "UnresolvedClient"));

        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CTR006");
        var unresolved = run.GeneratorDiagnostics.Where(d => d.Id == "CTR004").ToList();
        Assert.Equal(lines, unresolved.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(line => line));
        Assert.Contains("Async(string id, string? q = null,", run.Source("UnresolvedClient.Client"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_that_is_not_an_object_is_a_located_warning_and_the_rest_generates()
    {
        // The reader threw on these (CTR001 at the first line, nothing generated).
        var run = GeneratorHarness.Run(SpecFile.FromOutput("Specs/failures-misshapen-components.yaml", "Contracts.Tests.Misshapen", "MisshapenClient"));

        run.AssertCompilesCleanly();
        var warnings = run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(w => w.Line)
            .ToList();
        Assert.Equal(
            [
                ("CTR005", 17, "The OpenAPI document is invalid at #/components/schemas/S: a schema must be an object; it is read as any JSON value"),
                ("CTR005", 24, "The OpenAPI document is invalid at #/components/responses/R: a component must be an object; it is left out"),
            ],
            warnings);
        Assert.Contains("public global::System.Text.Json.JsonElement? S { get; init; }", run.TypeSource("T"), StringComparison.Ordinal);
        Assert.Contains("GetTAsync(", run.Source("MisshapenClient.Client"), StringComparison.Ordinal);
    }
}
