using System;

namespace Contracts.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of the tool printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Lines(Stdout);

    /// <summary>Runs <c>contracts args…</c> through <see cref="CliApp.Run"/>.</summary>
    public static CliResult Run(params string[] args)
    {
        using var stdout = new System.IO.StringWriter { NewLine = "\n" };
        using var stderr = new System.IO.StringWriter { NewLine = "\n" };
        var exitCode = CliApp.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
