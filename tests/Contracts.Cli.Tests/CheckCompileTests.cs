using System;
using System.Linq;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary><c>contracts check --compile</c>: one row per spec in input order, then the summary line.</summary>
public sealed class CheckCompileTests
{
    private const string Union = """
        openapi: 3.0.3
        info:
          title: Union
          version: '1'
        servers:
          - url: https://union.example.com
        paths: {}
        components:
          schemas:
            Shape:
              type: object
              properties:
                kind:
                  # Alternatives beside own properties are not modelled yet (CTR100).
                  type: object
                  properties:
                    a: { type: string }
                  oneOf:
                    - { required: [a] }
                    - { type: integer }
        """;

    [Fact]
    public void Two_good_specs_compile_clean()
    {
        using var temp = new TempFolder();
        var seed = temp.Write("a-seed.yaml", Specs.Seed);
        var pets = temp.Write("b-pets.yaml", Specs.Pets);

        var run = CliResult.Run("check", "--compile", seed, pets);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.StdoutLines.Length);
        Assert.Equal($"ok        {seed}  (7 files)", run.StdoutLines[0]);
        Assert.Matches(@"^ok        .*b-pets\.yaml  \(\d+ files\)$", run.StdoutLines[1]);
        Assert.Equal("2 specs: 2 compiled clean, 0 with warnings, 0 failed to compile, 0 generator errors", run.StdoutLines[2]);
    }

    [Fact]
    public void A_generator_warning_makes_a_warnings_row_and_still_exits_0()
    {
        using var temp = new TempFolder();
        var union = temp.Write("union.yaml", Union);

        var run = CliResult.Run("check", union, "--compile");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"{union}(", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains(": warning CTR100: ", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Matches(@"^warnings  .*union\.yaml  \(\d+ files\); 1 generator warning \(CTR100 x1\)$", run.StdoutLines[^2]);
        Assert.Equal("1 specs: 0 compiled clean, 1 with warnings, 0 failed to compile, 0 generator errors", run.StdoutLines[^1]);
    }

    [Fact]
    public void A_generator_error_is_a_generator_row_and_exits_1()
    {
        using var temp = new TempFolder();
        var broken = temp.Write("a-broken.yaml", Specs.YamlError);
        var pets = temp.Write("b-pets.yaml", Specs.Pets);
        var (line, column) = Specs.Position(Specs.YamlError, Specs.YamlErrorFragment);

        var run = CliResult.Run("check", "--compile", temp.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        var rows = run.StdoutLines.Where(l => l.StartsWith("generator ", StringComparison.Ordinal) || l.StartsWith("ok ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.StartsWith($"generator {broken}  1 generator error (CTR001 x1); first: ({line},{column}): error CTR001: ", rows[0], StringComparison.Ordinal);
        Assert.StartsWith($"ok        {pets}  (", rows[1], StringComparison.Ordinal);
        Assert.Equal("2 specs: 1 compiled clean, 0 with warnings, 0 failed to compile, 1 generator errors", run.StdoutLines[^1]);
    }
}
