using System;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.TestSupport.Generation;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// Local references that are not <c>#/components/{kind}/{name}</c>: into <c>#/paths/…</c>, or deeper than a component.
/// Microsoft.OpenApi 3.x keeps only their last segment (an unresolved reference, an error); the generator reports each
/// as a reference string it does not follow (CTR005 at the <c>$ref</c>, once per target), reads such a schema as any JSON
/// value and leaves such a response out. And a reference to a component that is itself only a <c>$ref</c> is the type
/// at the end of the chain.
/// </summary>
public sealed class UnreadableReferenceTests
{
    private const string Spec = "Specs/failures-unreadable-references.yaml";

    [Fact]
    public void A_reference_into_paths_or_deeper_than_a_component_is_a_warning_at_its_ref_and_reads_as_any_json()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput(Spec, "Contracts.Tests.Unreadable", "UnreadableClient"));

        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CTR004");
        var lines = System.IO.File.ReadAllLines(Spec);
        var warnings = run.GeneratorDiagnostics
            .Where(d => d.Id == "CTR005")
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line, Message: d.GetMessage(CultureInfo.InvariantCulture)))
            .OrderBy(w => w.Message, StringComparer.Ordinal)
            .ToList();

        // One per target, each at a $ref that names it.
        Assert.Equal(
            [
                "The OpenAPI document is invalid at the document: The reference string '/components/responses/Invalid/content/application~1json/schema/properties/instance' has invalid format.",
                "The OpenAPI document is invalid at the document: The reference string '/paths/~1others/get/responses/404' has invalid format.",
                "The OpenAPI document is invalid at the document: The reference string '/paths/~1things/get/responses/200/content/application~1json/schema' has invalid format.",
            ],
            warnings.Select(w => w.Message));
        Assert.All(warnings, w => Assert.Contains("$ref: '#" + w.Message.Split('\'')[1] + "'", lines[w.Line], StringComparison.Ordinal));

        var holder = run.TypeSource("Holder");
        Assert.Contains("public global::System.Text.Json.JsonElement? Instance { get; init; }", holder, StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement? Copy { get; init; }", holder, StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement? Again { get; init; }", holder, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_a_component_that_is_only_a_reference_is_the_type_at_the_end_of_the_chain()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput(Spec, "Contracts.Tests.Unreadable", "UnreadableClient"));

        // Microsoft.OpenApi 1.6 read the one in an operation's inline schema as any JSON value (asana.com's GoalMetricRequest).
        run.AssertCompilesCleanly();
        Assert.Contains("public global::Contracts.Tests.Unreadable.MetricBase? Metric { get; init; }", run.TypeSource("Holder"), StringComparison.Ordinal);
        Assert.Contains("public global::Contracts.Tests.Unreadable.MetricBase? Data { get; init; }", run.TypeSource("PostMetricRequest"), StringComparison.Ordinal);
    }
}
