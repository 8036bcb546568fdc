using System;
using System.IO;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading;
using Contracts.TestSupport;
using Contracts.TestSupport.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// Where the reader names a problem's place only in its message (CTR005), the diagnostic is located at that place, and
/// the place is repaired where the reader names it wrongly: Microsoft.OpenApi 1.6 leaves one segment of its location
/// behind for each media-type example it reads, so every later place carried the path of the last operation with examples.
/// </summary>
public sealed class ReaderLocationTests
{
    [Fact]
    public void A_reader_warning_after_media_type_examples_is_located_at_the_node_it_names()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput("Specs/failures-reader-location.yaml", "Contracts.Tests.ReaderLocation", "ReaderLocationClient"));

        run.AssertCompilesCleanly();
        // At the member the schema does not have ("optional: true"), under the property the message names.
        AssertSingleWarning(run, "The OpenAPI document is invalid at #/components/schemas/Edit/properties/logprobs: optional is not a valid property", 33, 11);
    }

    [Fact]
    public void A_swagger_2_documents_reader_warnings_are_located_at_the_definitions_and_parameters_they_name()
    {
        // The reader checks a 2.0 document as the 3.0 document it made of it, and names places by their 3.0 pointers.
        var run = GeneratorHarness.Run(SpecFile.FromOutput("Specs/failures-reader-location-swagger2.yaml", "Contracts.Tests.ReaderLocation", "ReaderLocationClient"));

        run.AssertCompilesCleanly();
        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "CTR005")
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(w => w.Line)
            .ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Equal((12, "The OpenAPI document is invalid at #/parameters/Tags: uniqueItems is not a valid property"), warnings[0]);
        Assert.Equal(25, warnings[1].Line);
        Assert.StartsWith("The OpenAPI document is invalid at #/components: The key 'Thing (v1)' in 'schemas' of components MUST match", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_discriminator_property_left_out_of_required_names_the_schema_at_its_discriminator()
    {
        const string Spec = """
            openapi: 3.0.3
            info: {title: Discriminators, version: '1'}
            paths: {}
            components:
              schemas:
                Discount:
                  type: object
                  properties:
                    type: {type: string}
                  discriminator:
                    propertyName: type
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("discriminators.yaml", Spec, "Contracts.Tests.Discriminators", "DiscriminatorsClient"));

        AssertSingleWarning(run, "The OpenAPI document is invalid at #/components/schemas/Discount/discriminator: Schema 'Discount' must list its discriminator property 'type' in 'required'", 10, 7);
    }

    /// <summary>The run's one CTR005, with <paramref name="message"/> at the 1-based <paramref name="line"/> and <paramref name="column"/>.</summary>
    private static void AssertSingleWarning(GeneratorRun run, string message, int line, int column)
    {
        var warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR005");
        Assert.Equal(message, warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var span = warning.Location.GetLineSpan();
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    [Fact]
    public void OpenAIs_reader_warnings_name_component_schemas_and_none_is_at_the_start_of_the_file()
    {
        var path = RepositoryPaths.Combine("spec", "vendors", "openai", "openapi.yaml");
        var text = File.ReadAllText(path);
        var diagnostics = new DiagnosticBag();
        var locator = new SourceLocator(path, SourceText.From(text));

        Assert.NotNull(SpecReader.Read(text, diagnostics, out _, path, locator: locator));

        var warnings = diagnostics.ToInfos(locator).Where(d => d.Id == DiagnosticDescriptors.DocumentProblem.Id).ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, warning =>
        {
            Assert.StartsWith("#/components/schemas/", warning.Arguments[0], StringComparison.Ordinal);
            Assert.True(warning.Location!.StartLine > 0, warning.Arguments[0] + " is located at the start of the file");

            // The line is the member the reader names ("optional is not a valid property").
            var member = warning.Arguments[1].Split(' ')[0];
            Assert.StartsWith(member + ":", text.Split('\n')[warning.Location.StartLine][warning.Location.StartColumn..], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_reference_the_reader_cannot_follow_is_located_at_its_ref()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput("Specs/failures-path-reference.yaml", "Contracts.Tests.ReaderLocation", "ReaderLocationClient"));

        run.AssertGeneratorDidNotThrow();
        // The second is written with %-escapes, which the reader decodes before it names the reference.
        var lines = run.GeneratorDiagnostics
            .Where(d => d.Id == "CTR005" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("has invalid format", StringComparison.Ordinal))
            .Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1)
            .Order();
        Assert.Equal([23, 43], lines);
    }
}
