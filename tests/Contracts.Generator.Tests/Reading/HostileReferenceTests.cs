using System;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>
/// Locating a dangling <c>$ref</c> indexes the document's references once. Every suffix after every slash used to be
/// indexed: one reference of 30,000 slashes was copied 30,000 times (2 GB for a 60 KB document). Counted in bytes
/// allocated, not time: twice the slashes may cost about the same, not four times.
/// </summary>
public sealed class HostileReferenceTests
{
    private static string Spec(int slashes) => $$"""
        openapi: 3.0.3
        info: {title: Slashes, version: '1'}
        paths: {}
        components:
          schemas:
            A:
              type: object
              properties:
                long: {$ref: "#/components/schemas/{{string.Concat(Enumerable.Repeat("a/", slashes))}}B"}
                dangling: {$ref: '#/components/schemas/Nope'}
        """;

    [Fact]
    public void A_reference_of_many_slashes_costs_linear_work_and_the_dangling_one_is_still_located()
    {
        GeneratorHarness.Run(SpecFile.Inline("warm.yaml", Spec(10), "Contracts.Tests.Slashes", "SlashesClient"));

        var single = Allocated(15_000, out _);
        var twice = Allocated(30_000, out var run);

        Assert.True(twice < 3 * single, $"{single:N0} bytes for 15,000 slashes, {twice:N0} for 30,000");
        run.AssertGeneratorDidNotThrow();
        var lines = run.GeneratorDiagnostics.Where(d => d.Id == "CTR004").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).ToList();
        Assert.Contains(10, lines);
    }

    private static long Allocated(int slashes, out GeneratorRun run)
    {
        var spec = SpecFile.Inline("slashes.yaml", Spec(slashes), "Contracts.Tests.Slashes", "SlashesClient");
        var before = GC.GetAllocatedBytesForCurrentThread();
        run = GeneratorHarness.Run(spec);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
