using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Defaults;

/// <summary>Defaults that do not fit their member's type: CTR126 at the default, ignored, and the code still compiles.</summary>
public sealed class DefaultDiagnosticsTests
{
    [Fact]
    public void A_default_that_does_not_fit_is_reported_as_CTR126_at_its_line_and_ignored()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput("Specs/defaults-misfits.yaml", "Contracts.Tests.Misfits", "MisfitsClient").ReadAndWritten());

        run.AssertGeneratorDidNotThrow();
        var reported = run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("CTR", StringComparison.Ordinal))
            .OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(["CTR126", "CTR126", "CTR126", "CTR126"], reported.Select(d => d.Id));
        Assert.All(reported, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(
            [
                (15, "The default \"many\" of 'Misfit.Count' is not a 64-bit integer; it is ignored"),
                (19, "The default \"blue\" of 'Misfit.Color' is not one of the values of the enum 'MisfitColor'; it is ignored"),
                (23, "The default \"4294967296\" of 'Misfit.Tiny' is not a 32-bit integer; it is ignored"),
                (26, "The default \"yes\" of 'Misfit.Flag' is not a boolean; it is ignored"),
            ],
            reported.Select(d => (d.Location.GetLineSpan().StartLinePosition.Line + 1, d.GetMessage())));
        Assert.All(reported, d => Assert.EndsWith("defaults-misfits.yaml", d.Location.GetLineSpan().Path, StringComparison.Ordinal));
        run.AssertCompilesCleanly();
        // Ignored: every member reads as null when absent, as without a default.
        var source = run.Source("Models.M.");
        Assert.Contains("long? value0 = default;", source, StringComparison.Ordinal);
        Assert.Contains("global::Contracts.Tests.Misfits.MisfitColor? value1 = default;", source, StringComparison.Ordinal);
        Assert.Contains("int? value2 = default;", source, StringComparison.Ordinal);
        Assert.Contains("bool? value3 = default;", source, StringComparison.Ordinal);
    }
}
