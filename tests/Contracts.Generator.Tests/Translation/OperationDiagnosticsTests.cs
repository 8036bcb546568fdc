using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Translation;

/// <summary>
/// Specs/operations-degraded.yaml: constructs an operation cannot use degrade one parameter or the result and say so
/// (CTR110–CTR112); only a required parameter that cannot be sent skips the operation (CTR101). The rest compiles.
/// </summary>
public sealed class OperationDiagnosticsTests
{
    private const string Path = "/specs/operations-degraded.yaml";

    [Fact]
    public void Each_degradation_is_reported_once_with_its_id_and_line()
    {
        var run = Run();

        run.AssertGeneratorDidNotThrow();
        Assert.Equal(
            ["CTR101@29", "CTR110@12", "CTR111@13", "CTR112@15"],
            run.GeneratorDiagnostics.Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(s => s, StringComparer.Ordinal));
        Assert.All(run.GeneratorDiagnostics, d =>
        {
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal(Path, d.Location.GetLineSpan().Path);
        });
    }

    [Fact]
    public void The_messages_name_the_construct()
    {
        var messages = Run().GeneratorDiagnostics.ToDictionary(d => d.Id, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("Operation 'ListItems': the optional parameter 'deep' is not generated: a list of lists cannot be spelled in a query parameter", messages["CTR110"]);
        Assert.Equal("Operation 'ListItems': the parameter 'bad' declares style 'form', which a header parameter cannot have; 'simple' is used", messages["CTR111"]);
        Assert.Equal("Operation 'ListItems': the success responses 200, 201 have different media types; the result is a stream of the response body", messages["CTR112"]);
        Assert.Equal("Operation 'AddItems' is not generated: the required parameter 'groups' is not supported: a list of objects cannot be spelled in a query parameter", messages["CTR101"]);
    }

    [Fact]
    public void The_degraded_operation_keeps_its_other_parameters_and_compiles()
    {
        var run = Run();

        run.AssertCompilesCleanly();
        var client = run.Source("DegradedClient.Client");
        Assert.Contains("Task<global::System.IO.Stream> ListItemsAsync(int? limit = null, string? bad = null,", client, StringComparison.Ordinal);
        Assert.DoesNotContain("AddItemsAsync", client, StringComparison.Ordinal);
        // A required free-form JSON part is a struct: no null check (it would not compile).
        Assert.Contains("UploadWithOptionsAsync(global::System.Text.Json.JsonElement options,", client, StringComparison.Ordinal);
    }

    private static GeneratorRun Run() =>
        GeneratorHarness.Run(SpecFile.FromOutput("Specs/operations-degraded.yaml", "Contracts.Tests.Degraded", "DegradedClient"));
}
