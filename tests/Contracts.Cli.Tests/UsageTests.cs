using System;
using Contracts.Cli.Tests.Infrastructure;
using Xunit;

namespace Contracts.Cli.Tests;

/// <summary>Bad arguments exit with 2 and print the error and the usage on stderr; --help prints usage and exits 0.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData(new string[0], "Usage:")]
    [InlineData(new[] { "frobnicate" }, "error: unknown command 'frobnicate'")]
    [InlineData(new[] { "generate" }, "error: missing <spec>")]
    [InlineData(new[] { "generate", "SEED" }, "error: missing -o <dir>")]
    [InlineData(new[] { "generate", "SEED", "-o" }, "error: option '--output' needs a value")]
    [InlineData(new[] { "generate", "SEED", "SEED", "-o", "out" }, "error: generate takes one <spec>")]
    [InlineData(new[] { "generate", "no-such.yaml", "-o", "out" }, "error: no such file: no-such.yaml")]
    [InlineData(new[] { "generate", "SEED", "-o", "out", "--visibility", "protected" }, "error: --visibility must be 'public' or 'internal', not 'protected'")]
    [InlineData(new[] { "generate", "SEED", "-o", "out", "--bogus" }, "error: unknown option '--bogus'")]
    [InlineData(new[] { "generate", "SEED", "-o", "a", "-o", "b" }, "error: option '--output' is given more than once")]
    [InlineData(new[] { "check", "SEED", "--allow-refs", "no-such-folder" }, "error: --allow-refs needs an existing folder: no-such-folder")]
    [InlineData(new[] { "check" }, "error: missing <spec-or-folder>")]
    [InlineData(new[] { "check", "no-such-folder" }, "error: no such file or folder: no-such-folder")]
    [InlineData(new[] { "check", "SEED", "--compile=yes" }, "error: option '--compile' takes no value")]
    public void Bad_arguments_exit_2_with_the_error_and_the_usage(string[] args, string expected)
    {
        var run = CliResult.Run(Array.ConvertAll(args, arg => arg == "SEED" ? Specs.SeedPath : arg));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData("--help", "Usage:\n  contracts generate <spec> -o <dir> [options]")]
    [InlineData("generate --help", "Usage: contracts generate <spec> -o <dir> [options]")]
    [InlineData("check -h", "Usage: contracts check <spec-or-folder>... [--compile] [--server] [options]")]
    public void Help_prints_the_usage_on_stdout_and_exits_0(string args, string expected)
    {
        var run = CliResult.Run(args.Split(' '));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(expected, run.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }
}
