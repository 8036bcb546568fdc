using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Cli.Generation;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>
/// <c>CONTRACTS_TIMINGS=1</c> times the stages of the path every run takes (benchmarks/process.md): the generator's own
/// steps report the end of each stage, and a timed run writes what an untimed one writes.
/// </summary>
public sealed class StageTimingTests
{
    private static readonly SpecOptions Defaults = new(null, null, null, SpecOptions.DefaultRootNamespace, []);

    [Fact]
    public void Each_stage_ends_once_in_order_and_the_output_is_the_untimed_output()
    {
        using var temp = new TempFolder();
        var spec = new SpecFile(temp.Write("lightsail-bucket-access-keys.yaml", Specs.Seed), IsNamed: true);
        var stages = new List<string>();

        var timed = SpecGenerator.Generate(spec, Defaults, stages.Add);
        var untimed = SpecGenerator.Generate(spec, Defaults);

        Assert.Equal(["load", "read", "model", "emit"], stages);
        Assert.NotEmpty(timed.Sources);
        Assert.Equal(untimed.Sources, timed.Sources);
        Assert.Equal(untimed.Diagnostics.Select(d => d.ToString()), timed.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_document_the_reader_cannot_read_still_ends_every_stage()
    {
        using var temp = new TempFolder();
        var spec = new SpecFile(temp.Write("broken.yaml", "openapi: 3.0.3\ninfo: [not, a, map\n"), IsNamed: true);
        var stages = new List<string>();

        var run = SpecGenerator.Generate(spec, Defaults, stages.Add);

        Assert.Equal(["load", "read", "model", "emit"], stages);
        Assert.Empty(run.Sources);
        Assert.NotEmpty(run.Diagnostics);
    }
}
