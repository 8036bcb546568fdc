using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Overrides;

/// <summary>
/// Specs/overrides-places.yaml: the user's types wherever a schema can be used (a union case, an allOf part, a header,
/// a multipart part, a list body, a query list, a form body); what can be spelled compiles, what cannot is reported as
/// for a generated record.
/// </summary>
public sealed class UserTypePlacesTests
{
    [Fact]
    public void The_users_types_compile_wherever_they_can_be_spelled_and_the_rest_is_reported()
    {
        var run = OverridesSnapshotTests.RunBesideUserTypes(SpecFile.FromOutput("Specs/overrides-places.yaml", "Contracts.Tests.Places", "PlacesClient").ReadAndWritten());

        run.AssertGeneratorDidNotThrow();
        Assert.Equal(
            ["CTR101@40", "CTR110@10"],
            run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(s => s, StringComparer.Ordinal));
        var client = run.Source(".Client.");
        Assert.Contains("global::Contracts.Tests.Billing.CurrencyCode? xCurrency = null", client, StringComparison.Ordinal);
        Assert.Contains("global::Contracts.Tests.Billing.Money? price = null", client, StringComparison.Ordinal);
        Assert.Contains("IReadOnlyList<global::Contracts.Tests.Billing.Money>> ListPricesAsync", client, StringComparison.Ordinal);
        run.AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("""{"total":{"value":500,"currency":"eur"},"discounted":{"value":450,"currency":"eur","reason":"loyalty"},"currency":"USD"}""")]
    [InlineData("""{"total":"on request"}""")]
    public void A_record_with_the_users_types_in_a_union_case_and_a_member_reads_and_writes_back(string json)
    {
        using var output = LoadedOutput.Load(OverridesSnapshotTests.RunBesideUserTypes(SpecFile.FromOutput("Specs/overrides-places.yaml", "Contracts.Tests.Places", "PlacesClient").ReadAndWritten()));

        var quote = output.Deserialize("Contracts.Tests.Places.PlacesJsonContext", "Quote", json);

        Assert.Equal(json, output.Serialize("Contracts.Tests.Places.PlacesJsonContext", "Quote", quote));
    }
}
