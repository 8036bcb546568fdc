using System;
using System.Linq;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary><c>contracts check</c>: diagnostics as compiler-style lines, in input order, and the exit code.</summary>
public sealed class CheckTests
{
    [Fact]
    public void A_folder_reports_each_specs_errors_at_their_lines_and_exits_1()
    {
        using var temp = new TempFolder();
        var broken = temp.Write("specs/a-broken.yaml", Specs.YamlError);
        var dangling = temp.Write("specs/b-dangling.yaml", Specs.DanglingRef);
        temp.Write("specs/nested/c-good.yaml", Specs.Seed);
        var (yamlLine, yamlColumn) = Specs.Position(Specs.YamlError, Specs.YamlErrorFragment);
        var (refLine, refColumn) = Specs.Position(Specs.DanglingRef, Specs.DanglingRefFragment);

        var run = CliResult.Run("check", temp.Combine("specs"));

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.StdoutLines;
        var yamlError = $"{broken}({yamlLine},{yamlColumn}): error CTR001: The OpenAPI document cannot be read: Mapping values are not allowed in this context.";
        var refError = $"{dangling}({refLine},{refColumn}): error CTR004: The reference 'Nope' does not resolve to anything in this document";
        Assert.Contains(yamlError, lines);
        Assert.Contains(refError, lines);
        Assert.True(Array.IndexOf(lines, yamlError) < Array.IndexOf(lines, refError), "Diagnostics must come in the specs' ordinal order.\n" + run);
        Assert.DoesNotContain(lines, line => line.Contains("c-good.yaml", StringComparison.Ordinal));
        Assert.Equal("3 specs: 1 clean, 0 with warnings, 2 generator errors", lines[^1]);
    }

    [Fact]
    public void A_good_spec_alone_prints_only_the_summary_and_exits_0()
    {
        using var temp = new TempFolder();
        var good = temp.Write("good.yaml", Specs.Seed);

        var run = CliResult.Run("check", good);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["1 specs: 1 clean, 0 with warnings, 0 generator errors"], run.StdoutLines);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void A_file_found_in_a_folder_that_is_not_OpenAPI_is_skipped_but_a_named_one_is_an_error()
    {
        using var temp = new TempFolder();
        temp.Write("specs/good.yaml", Specs.Seed);
        var package = temp.Write("specs/package.json", """{ "name": "app", "version": "1.0.0" }""");

        var folder = CliResult.Run("check", temp.Combine("specs"));
        var named = CliResult.Run("check", package);

        Assert.True(folder.ExitCode == 0, folder.ToString());
        Assert.Equal($"skipped {package}: not an OpenAPI document\n", folder.Stderr);
        Assert.Equal("1 specs: 1 clean, 0 with warnings, 0 generator errors", folder.StdoutLines[^1]);
        Assert.True(named.ExitCode == 1, named.ToString());
        Assert.StartsWith($"{package}(1,1): error CTR002: ", named.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Many_specs_report_progress_on_stderr_and_keep_stdout_in_input_order()
    {
        using var temp = new TempFolder();
        for (var i = 0; i < 10; i++)
        {
            temp.Write($"specs/s{i}.yaml", i % 2 == 0 ? Specs.Pets : Specs.YamlError);
        }

        var run = CliResult.Run("check", temp.Combine("specs"));

        Assert.Equal(1, run.ExitCode);
        var expectedOrder = new[] { "s1.yaml", "s3.yaml", "s5.yaml", "s7.yaml", "s9.yaml" };
        Assert.Equal(expectedOrder, run.StdoutLines[..^1].Select(line => System.IO.Path.GetFileName(line[..line.IndexOf('(', StringComparison.Ordinal)])));
        Assert.Contains("[10/10] ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("10 specs: 5 clean, 0 with warnings, 5 generator errors", run.StdoutLines[^1]);
    }
}
